// Error shapes for the counter's tRPC: machine-readable details and readable input messages (codes come from src-shared/trpc-errors).
import { DomainError, type ErrorDetail } from '../../src-shared/errors';

interface IssueLike {
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
  message: string;
}

function issuePath(path: IssueLike['path']): string {
  return (path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.');
}

/** Details a form can show next to its fields: from a domain error, or from zod's issues on bad input. */
export function errorDetails(cause: unknown): ErrorDetail[] {
  if (cause instanceof DomainError) return cause.details;
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return (issues as IssueLike[]).map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
}

/** A readable one-line message for bad input, instead of zod's JSON dump. */
export function inputErrorMessage(details: ErrorDetail[]): string {
  return (
    'Invalid input: ' +
    details.map((detail) => (detail.path ? `${detail.path} ${detail.message}` : detail.message)).join('; ')
  );
}
