// Staff and roles: first owner set-up, PIN login with lockout, manager approval of privileged actions.
import { randomUUID } from 'node:crypto';
import { addMinutes } from 'date-fns';
import { and, eq, count, ne } from 'drizzle-orm';
import {
  ApprovalRefused,
  Conflict,
  Forbidden,
  NotFound,
  SessionEnded,
  Unauthorized,
  shopDetail,
  type ApprovalRefusal,
  type DomainError,
} from '../../../src-shared/errors';
import type { ShopMessage } from '../../../src-shared/shop-messages';
import { mayManageStaff, type StaffRole } from '../../../src-shared/contracts/staff';
import { type Actor, type Ledger, keepOnRollback, nowIso } from '../ledger';
import { recordAudit } from '../audit/service';
import { staff, type Staff } from './schema';
import { hashPin, verifyPin } from './pin';

const MAX_FAILED_ATTEMPTS = 5;
const LOCK_MINUTES = 5;
const RANK: Record<StaffRole, number> = { cashier: 0, manager: 1, owner: 2 };

export function hasRole(actor: { role: StaffRole }, role: StaffRole): boolean {
  return RANK[actor.role] >= RANK[role];
}

export interface StaffView {
  id: string;
  name: string;
  role: StaffRole;
  active: boolean;
}

function view(row: Staff): StaffView {
  return { id: row.id, name: row.name, role: row.role, active: row.active };
}

export function listStaff(ledger: Ledger): StaffView[] {
  return ledger.db.select().from(staff).orderBy(staff.name).all().map(view);
}

export function hasAnyStaff(ledger: Ledger): boolean {
  const [row] = ledger.db.select({ n: count() }).from(staff).all();
  return (row?.n ?? 0) > 0;
}

/** The very first start: whoever installs the counter becomes its owner. */
export function setupOwner(ledger: Ledger, input: { name: string; pin: string }): StaffView {
  return ledger.transaction(() => {
    if (hasAnyStaff(ledger)) throw new Conflict({ key: 'counterHasOwner' });
    const row = insertStaff(ledger, { name: input.name, role: 'owner', pin: input.pin });
    recordAudit(ledger, { action: 'staff.setup-owner', staffId: row.id, subjectId: row.id });
    return view(row);
  });
}

function insertStaff(ledger: Ledger, input: { name: string; role: StaffRole; pin: string }): Staff {
  const row: Staff = {
    id: randomUUID(),
    name: input.name,
    role: input.role,
    pinHash: hashPin(input.pin),
    active: true,
    failedAttempts: 0,
    lockedUntil: null,
    createdAt: nowIso(ledger),
  };
  ledger.db.insert(staff).values(row).run();
  return row;
}

export function createStaff(
  ledger: Ledger,
  actor: Actor,
  input: { name: string; role: StaffRole; pin: string },
): StaffView {
  if (!mayManageStaff(actor.role, input.role)) throw new Forbidden(`A ${actor.role} may not add a ${input.role}.`);
  return ledger.transaction(() => {
    assertPinFree(ledger, input.pin, null);
    const row = insertStaff(ledger, input);
    recordAudit(ledger, {
      action: 'staff.create',
      staffId: actor.staffId,
      subjectId: row.id,
      details: { role: row.role },
    });
    return view(row);
  });
}

export function updateStaff(
  ledger: Ledger,
  actor: Actor,
  input: { id: string; name?: string; role?: StaffRole; pin?: string; active?: boolean },
): StaffView {
  return ledger.transaction(() => {
    const existing = findStaff(ledger, input.id);
    if (!mayManageStaff(actor.role, existing.role) || (input.role && !mayManageStaff(actor.role, input.role)))
      throw new Forbidden(`A ${actor.role} may not change this member of staff.`);
    if (existing.role === 'owner' && (input.active === false || (input.role && input.role !== 'owner')))
      assertAnotherOwner(ledger, existing.id);
    const changes: Partial<Staff> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.role !== undefined) changes.role = input.role;
    if (input.active !== undefined) changes.active = input.active;
    if (input.pin !== undefined) assertPinFree(ledger, input.pin, existing.id);
    if (input.pin !== undefined)
      Object.assign(changes, { pinHash: hashPin(input.pin), failedAttempts: 0, lockedUntil: null });
    ledger.db.update(staff).set(changes).where(eq(staff.id, input.id)).run();
    recordAudit(ledger, {
      action: 'staff.update',
      staffId: actor.staffId,
      subjectId: input.id,
      details: { name: input.name, role: input.role, active: input.active, pinChanged: input.pin !== undefined },
    });
    return view(findStaff(ledger, input.id));
  });
}

/**
 * PINs are unique per counter, so a PIN says who is at the till. PINs are stored salted and hashed, so the new PIN is
 * verified against each active member's hash rather than compared.
 */
function assertPinFree(ledger: Ledger, pin: string, exceptId: string | null): void {
  const others = ledger.db
    .select({ pinHash: staff.pinHash })
    .from(staff)
    .where(exceptId ? and(eq(staff.active, true), ne(staff.id, exceptId)) : eq(staff.active, true))
    .all();
  if (others.some((other) => verifyPin(pin, other.pinHash)))
    throw new Conflict({ key: 'pinTaken' }, [shopDetail('pin', { key: 'pinTaken' })]);
}

function assertAnotherOwner(ledger: Ledger, ownerId: string): void {
  const owners = ledger.db.select().from(staff).where(eq(staff.role, 'owner')).all();
  if (!owners.some((owner) => owner.id !== ownerId && owner.active)) throw new Conflict({ key: 'keepOneOwner' });
}

function findStaff(ledger: Ledger, id: string): Staff {
  const row = ledger.db.select().from(staff).where(eq(staff.id, id)).get();
  if (!row) throw new NotFound('No such member of staff.');
  return row;
}

/** The name a document is signed with on the owner's reports (staff live on the counter; the server learns names this way). */
export function staffNameOf(ledger: Ledger, staffId: string): string {
  return ledger.db.select({ name: staff.name }).from(staff).where(eq(staff.id, staffId)).get()?.name ?? '';
}

export function resolveActor(ledger: Ledger, staffId: string): Actor {
  const row = ledger.db.select().from(staff).where(eq(staff.id, staffId)).get();
  if (!row || !row.active) throw new SessionEnded({ key: 'loginEnded' });
  return { staffId: row.id, role: row.role };
}

type PinPurpose = 'login' | 'approval';

/**
 * A failed PIN check in words for whoever typed it: at login it is the person's own PIN (UNAUTHORIZED);
 * in an approval box it is a manager's, and the cashier's session stays as it was.
 */
function pinRefusal(
  purpose: PinPurpose,
  reason: ApprovalRefusal,
  loginMessage: ShopMessage,
  approvalMessage: ShopMessage,
) {
  return purpose === 'login' ? new Unauthorized(loginMessage) : new ApprovalRefused(reason, approvalMessage);
}

/**
 * Checks a PIN, counting failures: after 5 wrong PINs the member is locked for 5 minutes.
 * The failure count is kept even though the refusal rolls back whatever transaction it is thrown in (a bill, a
 * return), so retrying cannot brute-force a PIN.
 */
export function checkPin(ledger: Ledger, staffId: string, pin: string, purpose: PinPurpose): Staff {
  return ledger.transaction(() => {
    const row = ledger.db.select().from(staff).where(eq(staff.id, staffId)).get();
    if (!row || !row.active)
      throw pinRefusal(purpose, 'APPROVER_UNKNOWN', { key: 'staffUnknown' }, { key: 'approverUnknown' });
    const now = ledger.clock();
    if (row.lockedUntil && new Date(row.lockedUntil) > now)
      throw pinRefusal(
        purpose,
        'APPROVAL_PIN_LOCKED',
        { key: 'pinLocked', params: { minutes: LOCK_MINUTES } },
        { key: 'approverPinLocked', params: { name: row.name, minutes: LOCK_MINUTES } },
      );
    if (verifyPin(pin, row.pinHash)) {
      if (row.failedAttempts > 0)
        ledger.db.update(staff).set({ failedAttempts: 0, lockedUntil: null }).where(eq(staff.id, staffId)).run();
      return row;
    }
    throw wrongPin(ledger, row, purpose, now);
  });
}

/** The refusal of a wrong PIN, with its failure count (and the lock at the fifth) kept past the rollback. */
function wrongPin(ledger: Ledger, row: Staff, purpose: PinPurpose, now: Date): DomainError {
  const failedAttempts = row.failedAttempts + 1;
  const lockedUntil = failedAttempts >= MAX_FAILED_ATTEMPTS ? addMinutes(now, LOCK_MINUTES).toISOString() : null;
  const left = MAX_FAILED_ATTEMPTS - failedAttempts;
  const error = lockedUntil
    ? pinRefusal(
        purpose,
        'APPROVAL_PIN_LOCKED',
        { key: 'pinLockedNow', params: { minutes: LOCK_MINUTES } },
        { key: 'approverPinLockedNow', params: { name: row.name, minutes: LOCK_MINUTES } },
      )
    : pinRefusal(
        purpose,
        'APPROVAL_PIN_WRONG',
        { key: 'wrongPin', params: { left } },
        { key: 'wrongManagerPin', params: { left } },
      );
  keepOnRollback(error, () => {
    ledger.db
      .update(staff)
      .set({ failedAttempts: lockedUntil ? 0 : failedAttempts, lockedUntil })
      .where(eq(staff.id, row.id))
      .run();
    recordAudit(ledger, {
      action: `staff.${purpose}-failed`,
      staffId: row.id,
      subjectId: row.id,
      details: { failedAttempts },
    });
  });
  return error;
}

export function login(ledger: Ledger, input: { staffId: string; pin: string }): StaffView {
  const row = checkPin(ledger, input.staffId, input.pin, 'login');
  ledger.transaction(() => recordAudit(ledger, { action: 'staff.login', staffId: row.id }));
  return view(row);
}

/**
 * A privileged action by a cashier needs a manager's PIN given at the counter; a manager or owner approves their own.
 * Returns who approved, for the document and the audit log.
 */
export function approverFor(
  ledger: Ledger,
  actor: Actor,
  approval: { staffId: string; pin: string } | undefined,
  what: string,
): string {
  if (hasRole(actor, 'manager')) return actor.staffId;
  if (!approval) throw new Forbidden(`${what} needs a manager's approval.`);
  const approver = checkPin(ledger, approval.staffId, approval.pin, 'approval');
  if (!hasRole(approver, 'manager'))
    throw new ApprovalRefused(
      'APPROVER_NOT_MANAGER',
      `${approver.name} is not a manager and cannot approve ${what.toLowerCase()}.`,
    );
  return approver.id;
}
