// Zod's own messages ("Too big: expected number to be <=1000000000") replaced by shop language for every schema without its own message.
import { z } from 'zod';
import { shopText, type ShopMessageKey } from './index';

type ZodIssue = z.core.$ZodRawIssue;

function keyOfIssue(issue: ZodIssue): ShopMessageKey {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1 ? 'required' : 'invalidEntry';
    case 'too_big':
      return issue.origin === 'string' ? 'tooLong' : 'invalidEntry';
    case 'invalid_value':
    case 'invalid_union':
      return 'chooseFromList';
    case 'invalid_format':
      return issue.format === 'uuid' ? 'chooseFromList' : 'invalidEntry';
    default:
      return 'invalidEntry';
  }
}

/** Installs the shop-language default messages; a schema's own message still wins. Idempotent. */
export function installShopZodMessages(): void {
  z.config({ customError: (issue) => shopText(keyOfIssue(issue)) });
}
