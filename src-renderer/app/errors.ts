// What a screen shows for a failed call: tRPC's message, its code, and per-field or per-row details.
import { TRPCClientError } from '@trpc/client';
import { DomainError, SESSION_ENDED, type ErrorDetail } from '../../src-shared/errors';

export interface ShownError {
  code: string;
  /** The domain error's finer cause (e.g. APPROVAL_PIN_WRONG, SESSION_ENDED), when it has one. */
  reason: string | null;
  message: string;
  details: ErrorDetail[];
}

export function shownError(error: unknown): ShownError | null {
  if (!error) return null;
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string; details?: ErrorDetail[]; reason?: string | null } | undefined;
    return {
      code: data?.code ?? 'UNKNOWN',
      reason: data?.reason ?? null,
      message: error.message,
      details: data?.details ?? [],
    };
  }
  if (error instanceof DomainError)
    return { code: error.code, reason: error.reason, message: error.message, details: error.details };
  return {
    code: 'UNKNOWN',
    reason: null,
    message: error instanceof Error ? error.message : String(error),
    details: [],
  };
}

export function errorCode(error: unknown): string | null {
  return shownError(error)?.code ?? null;
}

export function errorReason(error: unknown): string | null {
  return shownError(error)?.reason ?? null;
}

/** Only the ledger saying the session is gone sends the counter to the PIN screen; a refused approval never does. */
export function endsSession(error: unknown): boolean {
  return errorCode(error) === 'UNAUTHORIZED' && errorReason(error) === SESSION_ENDED;
}
