// Error shapes for the counter's tRPC: per-field details and one shop-language message, each with its catalogue key for the screen's language.
import { DomainError, type ErrorDetail } from '../../src-shared/errors';
import { shopKeyOfText, type ShopMessage } from '../../src-shared/shop-messages';

interface IssueLike {
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
  message: string;
}

function issuePath(path: IssueLike['path']): string {
  return (path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.');
}

function issueDetail(issue: IssueLike): ErrorDetail {
  const key = shopKeyOfText(issue.message);
  return { path: issuePath(issue.path), message: issue.message, ...(key ? { shop: { key } } : {}) };
}

/** Details a form can show next to its fields: from a domain error, or from zod's issues on bad input. */
export function errorDetails(cause: unknown): ErrorDetail[] {
  if (cause instanceof DomainError) return cause.details;
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return (issues as IssueLike[]).map(issueDetail);
}

/** The catalogue message of an error, if it has one: a domain error's own, or bad input's first issue. */
export function errorShopMessage(cause: unknown, details: ErrorDetail[]): ShopMessage | null {
  if (cause instanceof DomainError) return cause.shop;
  return details[0]?.shop ?? null;
}

/** Bad input reads as its first problem, in shop language; the details carry every field's problem for the form. */
export function inputErrorMessage(details: ErrorDetail[]): string {
  return details[0]?.message ?? '';
}
