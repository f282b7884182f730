// Inputs of the cloud server's account procedures: shop sign-up and the shop's tax details, owner and staff login,
// staff, and counter enrolment.
import { z } from 'zod';
import { NUL_MESSAGE, shortText, withoutNul } from './common';
import { isStateCode, isValidGstin } from '../gst/gstin';

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter an email address, like name@example.in' }));
export const password = z
  .string()
  .min(10, 'Use at least 10 characters for the password')
  .max(200, 'Keep the password to 200 characters');
export const counterCode = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9]{0,7}$/, 'The series is a capital letter then up to 7 letters or digits, like C2');

export const SERVER_ROLES = ['owner', 'manager', 'staff'] as const;

/** Text a person must fill in, with the message said beside its box. */
const filledIn = (max: number, what: string) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `Keep it to ${max} characters`).refine(withoutNul, NUL_MESSAGE);

const GSTIN_PROBLEM = 'This GSTIN is not valid: check the 15 characters against the registration certificate';
const STATE_PROBLEM = "The GSTIN's first two digits are the state code: pick that state";

/** A GSTIN as typed: spaces and case do not matter; left empty, the shop is not registered for GST. */
const optionalGstin = z
  .string()
  .transform((text) => text.replace(/\s/g, '').toUpperCase())
  .refine((text) => text === '' || isValidGstin(text), GSTIN_PROBLEM)
  .transform((text) => (text === '' ? null : text));
const stateCode = z.string().refine(isStateCode, 'Pick the state the shop is in');

/** The shop's state must be the one its GSTIN was issued in, or its bills would split CGST/SGST wrongly. */
function stateMatchesGstin(shop: { gstin?: string | null; stateCode?: string | null }, context: z.RefinementCtx) {
  if (shop.gstin && shop.stateCode && shop.gstin.slice(0, 2) !== shop.stateCode)
    context.addIssue({ code: 'custom', message: STATE_PROBLEM, path: ['stateCode'] });
}

const signUpFields = z
  .object({
    shopName: filledIn(120, "the shop's name"),
    ownerName: filledIn(80, 'your name'),
    email,
    password,
    gstin: optionalGstin,
    stateCode,
  })
  .strict();

/** What the dashboard's sign-up page asks: everything but the GSTIN, which an unregistered shop does not have. */
export const signUpForm = signUpFields.superRefine(stateMatchesGstin);
/** Owner name, GSTIN and state may be left out by older clients; when given they are checked as on the page. */
export const signUpInput = signUpFields
  .partial({ ownerName: true, gstin: true, stateCode: true })
  .superRefine(stateMatchesGstin);

/** What the owner keeps on the Shop settings page: the trade name, and the tax details GST returns need. */
export const shopProfileInput = z
  .object({
    name: filledIn(120, "the shop's name"),
    legalName: shortText(160),
    gstin: optionalGstin,
    stateCode,
    address: shortText(300),
  })
  .strict()
  .superRefine(stateMatchesGstin);

export const loginInput = z.object({ email, password: z.string().min(1).max(200) }).strict();
export const refreshInput = z.object({ refreshToken: z.string().min(10).max(200) }).strict();
export const addStaffInput = z
  .object({ name: filledIn(80, 'their name').optional(), email, password, role: z.enum(['manager', 'staff']) })
  .strict();
export const disableStaffInput = z.object({ userId: z.uuid() }).strict();
export const createEnrolmentCodeInput = z
  .object({ name: filledIn(60, 'a name for the counter'), counterCode })
  .strict();
export const revokeCounterInput = z.object({ counterId: z.uuid() }).strict();

export type SignUpInput = z.output<typeof signUpInput>;
export type ShopProfileInput = z.output<typeof shopProfileInput>;
export type LoginInput = z.infer<typeof loginInput>;
export type AddStaffInput = z.infer<typeof addStaffInput>;

/** Each field's first problem, keyed by field name: what a form shows beside each box. */
export function fieldProblems(error: z.ZodError): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    problems[field] ??= issue.message;
  }
  return problems;
}
