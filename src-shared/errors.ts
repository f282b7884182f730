// Domain errors: a small set of classes with codes, mapped to tRPC codes in one place (src-main/trpc/errors.ts).
import { shopText, type ShopMessage } from './shop-messages';

export type DomainErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'INVALID' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'TOO_MANY_TRIES';

/** One problem with one field or row of an input, for forms and CSV imports. */
export interface ErrorDetail {
  path: string;
  message: string;
  row?: number;
  /** The same message by key, so the screen can show it in the counter's language. */
  shop?: ShopMessage;
}

/** A detail for a field or row, in shop language. */
export function shopDetail(path: string, shop: ShopMessage, row?: number): ErrorDetail {
  return { path, message: shopText(shop.key, shop.params), shop, ...(row === undefined ? {} : { row }) };
}

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  readonly details: ErrorDetail[];
  /** A finer, machine-readable cause within the code, for a screen that must react to it (see the reasons below). */
  readonly reason: string | null = null;
  /** Set when the message comes from the shop-language catalogue: the screen translates it. */
  readonly shop: ShopMessage | null;

  constructor(message: string | ShopMessage, details: ErrorDetail[] = []) {
    super(typeof message === 'string' ? message : shopText(message.key, message.params));
    this.name = new.target.name;
    this.details = details;
    this.shop = typeof message === 'string' ? null : message;
  }
}

export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND';
}

export class Conflict extends DomainError {
  readonly code = 'CONFLICT';
}

export class Invalid extends DomainError {
  readonly code = 'INVALID';
}

export class Forbidden extends DomainError {
  readonly code = 'FORBIDDEN';
}

export class Unauthorized extends DomainError {
  readonly code = 'UNAUTHORIZED';
}

/** Too many tries at a login or an enrolment code in a short time: the message says when the next try is allowed. */
export class TooManyTries extends DomainError {
  readonly code = 'TOO_MANY_TRIES';
  /** When a try is allowed again, ISO 8601. */
  readonly retryAt: string;

  constructor(message: ShopMessage, retryAt: Date) {
    super(message);
    this.retryAt = retryAt.toISOString();
  }
}

/** Why a manager's approval at the counter was refused: the approval box says so and the bill stays on screen. */
export const APPROVAL_REFUSALS = [
  'APPROVAL_PIN_WRONG',
  'APPROVAL_PIN_LOCKED',
  'APPROVER_NOT_MANAGER',
  'APPROVER_UNKNOWN',
] as const;
export type ApprovalRefusal = (typeof APPROVAL_REFUSALS)[number];

/** A refused approval is not a refused session: it must never send the cashier back to the login screen. */
export class ApprovalRefused extends Forbidden {
  override readonly reason: ApprovalRefusal;

  constructor(reason: ApprovalRefusal, message: string | ShopMessage) {
    super(message);
    this.reason = reason;
  }
}

/** The one UNAUTHORIZED that means "log in again": the counter's session is gone (reconnected, staff deactivated). */
export const SESSION_ENDED = 'SESSION_ENDED';

export class SessionEnded extends Unauthorized {
  override readonly reason = SESSION_ENDED;
}
