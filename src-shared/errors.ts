// Domain errors: a small set of classes with codes, mapped to tRPC codes in one place (src-main/trpc/errors.ts).

export type DomainErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'INVALID' | 'FORBIDDEN' | 'UNAUTHORIZED';

/** One problem with one field or row of an input, for forms and CSV imports. */
export interface ErrorDetail {
  path: string;
  message: string;
  row?: number;
}

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  readonly details: ErrorDetail[];
  /** A finer, machine-readable cause within the code, for a screen that must react to it (see the reasons below). */
  readonly reason: string | null = null;

  constructor(message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = new.target.name;
    this.details = details;
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

  constructor(reason: ApprovalRefusal, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** The one UNAUTHORIZED that means "log in again": the counter's session is gone (reconnected, staff deactivated). */
export const SESSION_ENDED = 'SESSION_ENDED';

export class SessionEnded extends Unauthorized {
  override readonly reason = SESSION_ENDED;
}
