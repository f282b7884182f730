// Shared zod building blocks for every procedure's input: ids, paise, quantities, bounded text.
import { z } from 'zod';

/** Ten crore rupees: far above any counter bill, far below float trouble. */
export const MAX_PAISE = 1_000_000_000_00;
/** A million units of anything, in milli-units. */
export const MAX_QTY_MILLI = 1_000_000_000;

export const id = z.uuid({ message: 'must be an id (UUID)' });
export const paise = z
  .number()
  .int('must be whole paise')
  .min(0, 'must not be negative')
  .max(MAX_PAISE, 'is too large');
export const signedPaise = z.number().int('must be whole paise').min(-MAX_PAISE).max(MAX_PAISE);
export const qtyMilli = z
  .number()
  .int('must be whole milli-units')
  .positive('must be more than zero')
  .max(MAX_QTY_MILLI, 'is too large');
export const basisPoints = z.number().int().min(0).max(10_000);
/** PostgreSQL text cannot hold U+0000 (the cloud server would fail the whole call), and no keyboard or scanner means to send it. */
export const withoutNul = (text: string) => !text.includes('\u0000');
export const NUL_MESSAGE = 'must not contain a NUL character';
export const shortText = (max = 200) =>
  z.string().trim().max(max, `must be at most ${max} characters`).refine(withoutNul, NUL_MESSAGE);
export const requiredText = (max = 200) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`).refine(withoutNul, NUL_MESSAGE);
export const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
export const pin = z.string().regex(/^\d{4,8}$/, 'PIN must be 4 to 8 digits');

/** A manager's PIN given at the counter to approve what a cashier may not do alone. */
export const approval = z.object({ staffId: id, pin }).strict();

export const discount = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), bp: basisPoints }).strict(),
  z.object({ kind: z.literal('amount'), paise }).strict(),
]);

export const page = z
  .object({
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
