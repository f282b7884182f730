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
