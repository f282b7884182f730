// Domain errors: a small set of classes with codes, mapped to tRPC codes in one place (src-main/trpc/errors.ts).
import { shopText, type ShopMessage } from './shop-messages';

export type DomainErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'INVALID' | 'FORBIDDEN' | 'UNAUTHORIZED';

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
