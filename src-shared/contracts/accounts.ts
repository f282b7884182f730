// Inputs of the cloud server's account procedures: shop sign-up, owner and staff login, counter enrolment.
import { z } from 'zod';
import { requiredText } from './common';

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'must be an email address' }));
export const password = z
  .string()
  .min(10, 'password must be at least 10 characters')
  .max(200, 'password must be at most 200 characters');
export const counterCode = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9]{0,7}$/, 'counter code must be a capital letter then up to 7 letters or digits, like C2');

export const SERVER_ROLES = ['owner', 'manager', 'staff'] as const;

export const signUpInput = z.object({ shopName: requiredText(120), email, password }).strict();
export const loginInput = z.object({ email, password: z.string().min(1).max(200) }).strict();
export const refreshInput = z.object({ refreshToken: z.string().min(10).max(200) }).strict();
export const addStaffInput = z.object({ email, password, role: z.enum(['manager', 'staff']) }).strict();
export const disableStaffInput = z.object({ userId: z.uuid() }).strict();
export const createEnrolmentCodeInput = z.object({ name: requiredText(60), counterCode }).strict();
export const revokeCounterInput = z.object({ counterId: z.uuid() }).strict();

export type SignUpInput = z.infer<typeof signUpInput>;
export type LoginInput = z.infer<typeof loginInput>;
export type AddStaffInput = z.infer<typeof addStaffInput>;
