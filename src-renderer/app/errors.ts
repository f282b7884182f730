// What a screen shows for a failed call: tRPC's message, its code, and per-field or per-row details.
import { TRPCClientError } from '@trpc/client';
import { DomainError, type ErrorDetail } from '../../src-shared/errors';

export interface ShownError {
  code: string;
  message: string;
  details: ErrorDetail[];
}

export function shownError(error: unknown): ShownError | null {
  if (!error) return null;
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string; details?: ErrorDetail[] } | undefined;
    return { code: data?.code ?? 'UNKNOWN', message: error.message, details: data?.details ?? [] };
  }
  if (error instanceof DomainError) return { code: error.code, message: error.message, details: error.details };
  return { code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error), details: [] };
}

export function errorCode(error: unknown): string | null {
  return shownError(error)?.code ?? null;
}
