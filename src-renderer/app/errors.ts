// What a screen shows for a failed call: one shop-language message in the counter's language, its code, and per-field or per-row details.
import { TRPCClientError } from '@trpc/client';
import { DomainError, SESSION_ENDED, type ErrorDetail } from '../../src-shared/errors';
import type { ShopMessage } from '../../src-shared/shop-messages';
import i18n from '../i18n';

export interface ShownError {
  code: string;
  /** The domain error's finer cause (e.g. APPROVAL_PIN_WRONG, SESSION_ENDED), when it has one. */
  reason: string | null;
  message: string;
  details: ErrorDetail[];
}

/** A catalogue message in the counter's language; text without a key (older or outside messages) is shown as it came. */
function inLanguage(message: string, shop: ShopMessage | null | undefined): string {
  return shop ? i18n.t(`errors.${shop.key}`, shop.params ?? {}) : message;
}

/** Field or row details in the counter's language (a CSV check's rows, a form's fields). */
export function detailsInLanguage(details: ErrorDetail[]): ErrorDetail[] {
  return details.map((detail) => ({ ...detail, message: inLanguage(detail.message, detail.shop) }));
}

export function shownError(error: unknown): ShownError | null {
  if (!error) return null;
  if (error instanceof TRPCClientError) {
    const data = error.data as
      { code?: string; details?: ErrorDetail[]; reason?: string | null; shop?: ShopMessage | null } | undefined;
    return {
      code: data?.code ?? 'UNKNOWN',
      reason: data?.reason ?? null,
      message: inLanguage(error.message, data?.shop),
      details: detailsInLanguage(data?.details ?? []),
    };
  }
  if (error instanceof DomainError)
    return {
      code: error.code,
      reason: error.reason,
      message: inLanguage(error.message, error.shop),
      details: detailsInLanguage(error.details),
    };
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

/** The catalogue message a refusal was made of (key and values), when it had one: lets a form place it beside a box. */
export function shopMessageOf(error: unknown): ShopMessage | null {
  if (error instanceof TRPCClientError) return (error.data as { shop?: ShopMessage | null } | undefined)?.shop ?? null;
  if (error instanceof DomainError) return error.shop;
  return null;
}
