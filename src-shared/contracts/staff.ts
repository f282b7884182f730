// Inputs of staff, login and roles.
import { z } from 'zod';
import { id, pin, requiredText } from './common';

export const STAFF_ROLES = ['cashier', 'manager', 'owner'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who may add, change or deactivate whom: an owner anyone, a manager cashiers only. The ledger enforces it; the screen follows it. */
export function mayManageStaff(actorRole: StaffRole, role: StaffRole): boolean {
  return actorRole === 'owner' || (actorRole === 'manager' && role === 'cashier');
}

export const setupOwnerInput = z.object({ name: requiredText(80), pin }).strict();
export const loginInput = z.object({ staffId: id, pin }).strict();
export const createStaffInput = z.object({ name: requiredText(80), role: z.enum(STAFF_ROLES), pin }).strict();
export const updateStaffInput = z
  .object({
    id,
    name: requiredText(80).optional(),
    role: z.enum(STAFF_ROLES).optional(),
    pin: pin.optional(),
    active: z.boolean().optional(),
  })
  .strict();
