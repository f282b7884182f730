// Counters of a shop: a one-time enrolment code from the owner becomes a revocable device token on the counter.
import { and, asc, eq, isNull, max, ne } from 'drizzle-orm';
import { Conflict, Invalid, NotFound } from '../../src-shared/errors';
import type { EnrolInput, EnrolResult } from '../../src-shared/sync/protocol';
import { inShop, shopOf } from '../db/tenant';
import { counterCursors, journalHeads } from '../sync/schema';
import { alerts } from '../monitoring/schema';
import { isValidGstin } from '../../src-shared/gst/gstin';
import { counters, enrolmentCodes, shops } from './schema';
import type { ServerDeps } from '../trpc/init';
import { hashToken, newEnrolmentCode, newToken, normalizeEnrolmentCode } from './tokens';
import { addressKey, refundAttempt, takeAttempt } from './throttle';

async function assertCodeFree(tx: ServerDeps['db'], shopId: string, counterCode: string): Promise<void> {
  const [live] = await tx
    .select({ name: counters.name })
    .from(counters)
    .where(and(eq(counters.shopId, shopId), eq(counters.counterCode, counterCode), isNull(counters.revokedAt)));
  if (live)
    throw new Conflict(
      `Counter "${live.name}" already bills as ${counterCode}; choose another series or revoke that counter first.`,
    );
}

export async function createEnrolmentCode(
  deps: ServerDeps,
  shopId: string,
  userId: string,
  input: { name: string; counterCode: string },
): Promise<{ code: string; expiresAt: string }> {
  const code = newEnrolmentCode();
  const expiresAt = new Date(deps.clock().getTime() + deps.config.enrolmentCodeTtlMinutes * 60_000);
  await inShop(deps.db, shopId, async (tx) => {
    await assertCodeFree(tx, shopId, input.counterCode);
    await tx.insert(enrolmentCodes).values({
      shopId,
      codeHash: hashToken(normalizeEnrolmentCode(code)),
      counterCode: input.counterCode,
      name: input.name,
      createdBy: userId,
      expiresAt,
    });
  });
  return { code, expiresAt: expiresAt.toISOString() };
}

const BAD_CODE = 'That enrolment code is not valid (or was already used, or has expired); ask the owner for a new one.';

/**
 * The code is claimed with a conditional update, so two counters racing with one code get one enrolment. Tries are
 * limited per address: before a code matches there is no account to count against, and a code's 10 characters from
 * 31 (about 2^49) living 30 minutes leave nothing to guess at 5 tries per 15 minutes per address.
 */
export async function enrolCounter(
  deps: ServerDeps,
  input: EnrolInput,
  clientAddress?: string | null,
): Promise<EnrolResult> {
  const address = addressKey(clientAddress);
  await takeAttempt(deps, 'enrol-address', address);
  const result = await claimCode(deps, input);
  await refundAttempt(deps, 'enrol-address', address);
  return result;
}

async function claimCode(deps: ServerDeps, input: EnrolInput): Promise<EnrolResult> {
  const now = deps.clock();
  const codeHash = hashToken(normalizeEnrolmentCode(input.code));
  const shopId = await shopOf(deps.db, 'enrolment', codeHash);
  const [found] = shopId
    ? await inShop(deps.db, shopId, (tx) =>
        tx.select().from(enrolmentCodes).where(eq(enrolmentCodes.codeHash, codeHash)),
      )
    : [];
  if (!found || found.usedAt || found.expiresAt <= now) throw new Invalid(BAD_CODE);
  if (found.counterCode !== input.counterCode)
    throw new Invalid(
      `This code is for counter series ${found.counterCode}, but this counter bills as ${input.counterCode}. Set the counter id to ${found.counterCode} first.`,
    );
  const deviceToken = newToken('device');
  return inShop(deps.db, found.shopId, async (tx) => {
    const [claimed] = await tx
      .update(enrolmentCodes)
      .set({ usedAt: now })
      .where(and(eq(enrolmentCodes.id, found.id), isNull(enrolmentCodes.usedAt)))
      .returning({ id: enrolmentCodes.id });
    if (!claimed) throw new Invalid(BAD_CODE);
    await assertCodeFree(tx, found.shopId, found.counterCode);
    const [counter] = await tx
      .insert(counters)
      .values({
        shopId: found.shopId,
        name: found.name,
        counterCode: found.counterCode,
        deviceTokenHash: hashToken(deviceToken),
      })
      .returning({ id: counters.id });
    await tx.update(enrolmentCodes).set({ counterId: counter!.id }).where(eq(enrolmentCodes.id, found.id));
    await fillShopTaxDetails(tx, found.shopId, input);
    const [shop] = await tx.select({ name: shops.name }).from(shops).where(eq(shops.id, found.shopId));
    return {
      counterId: counter!.id,
      shopId: found.shopId,
      shopName: shop!.name,
      counterCode: found.counterCode,
      deviceToken,
    };
  });
}

/**
 * The counter's GSTIN and legal name fill what the shop record lacks; what the owner set on the dashboard stays. A GSTIN
 * of another state than the shop's is left out: the owner settles that on the Shop settings page.
 */
async function fillShopTaxDetails(tx: ServerDeps['db'], shopId: string, input: EnrolInput): Promise<void> {
  const [shop] = await tx
    .select({ gstin: shops.gstin, legalName: shops.legalName, stateCode: shops.stateCode })
    .from(shops)
    .where(eq(shops.id, shopId));
  if (!shop) return;
  const change: Partial<typeof shops.$inferInsert> = {};
  const gstin = input.gstin;
  if (!shop.gstin && gstin && isValidGstin(gstin) && (!shop.stateCode || shop.stateCode === gstin.slice(0, 2)))
    Object.assign(change, { gstin, stateCode: gstin.slice(0, 2) });
  if (!shop.legalName && input.legalName) change.legalName = input.legalName;
  if (Object.keys(change).length > 0) await tx.update(shops).set(change).where(eq(shops.id, shopId));
}

/** Either a push or a pull counts as the counter having synced. */
function latest(...moments: (Date | null)[]): Date | null {
  const times = moments.filter((moment): moment is Date => moment !== null).map((moment) => moment.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

/** max() over a timestamp comes back as text from some drivers, as a Date from others. */
function toDate(value: Date | string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}

/** Per counter: the last journal head its pushes anchored here, and whether a push's chain was refused since. */
async function journalStates(tx: ServerDeps['db'], shopId: string) {
  const heads = await tx
    .select({ counterId: journalHeads.counterId, seq: max(journalHeads.seq), at: max(journalHeads.receivedAt) })
    .from(journalHeads)
    .where(eq(journalHeads.shopId, shopId))
    .groupBy(journalHeads.counterId);
  const broken = await tx
    .select({ counterId: alerts.subject })
    .from(alerts)
    .where(and(eq(alerts.shopId, shopId), eq(alerts.kind, 'journal_chain_broken'), ne(alerts.state, 'resolved')));
  return [heads, broken] as const;
}

export async function listCounters(deps: ServerDeps, shopId: string) {
  const { rows, heads, broken } = await inShop(deps.db, shopId, async (tx) => {
    const rows = await listCounterRows(tx, shopId);
    const [heads, broken] = await journalStates(tx, shopId);
    return { rows, heads, broken };
  });
  const headOf = new Map(heads.map((head) => [head.counterId, head]));
  const brokenIds = new Set(broken.map((alert) => alert.counterId));
  const iso = (moment: Date | null) => moment?.toISOString() ?? null;
  return rows.map((row) => ({
    ...row,
    enrolledAt: row.enrolledAt.toISOString(),
    revokedAt: iso(row.revokedAt),
    lastSeenAt: iso(row.lastSeenAt),
    pulledAt: iso(row.pulledAt),
    lastSyncAt: iso(latest(row.lastSeenAt, row.pulledAt)),
    state: row.revokedAt ? ('revoked' as const) : ('active' as const),
    journal: {
      /** "Journal verified up to document N": the counter's last head that extended the chain anchored here. */
      verifiedTo: headOf.get(row.id)?.seq ?? null,
      verifiedAt: iso(toDate(headOf.get(row.id)?.at)),
      refused: brokenIds.has(row.id),
    },
  }));
}

function listCounterRows(tx: ServerDeps['db'], shopId: string) {
  return tx
    .select({
      id: counters.id,
      name: counters.name,
      counterCode: counters.counterCode,
      enrolledAt: counters.enrolledAt,
      revokedAt: counters.revokedAt,
      lastSeenAt: counters.lastSeenAt,
      lastClockSkewMs: counters.lastClockSkewMs,
      appVersion: counters.appVersion,
      pulledTo: counterCursors.pulledTo,
      pulledAt: counterCursors.pulledAt,
      pushedOps: counterCursors.pushedOps,
    })
    .from(counters)
    .leftJoin(
      counterCursors,
      and(eq(counterCursors.shopId, counters.shopId), eq(counterCursors.counterId, counters.id)),
    )
    .where(eq(counters.shopId, shopId))
    .orderBy(asc(counters.counterCode), asc(counters.enrolledAt));
}

export async function revokeCounter(deps: ServerDeps, shopId: string, counterId: string): Promise<void> {
  await inShop(deps.db, shopId, async (tx) => {
    const [revoked] = await tx
      .update(counters)
      .set({ revokedAt: deps.clock() })
      .where(and(eq(counters.id, counterId), eq(counters.shopId, shopId), isNull(counters.revokedAt)))
      .returning({ id: counters.id });
    if (!revoked) throw new NotFound('No such live counter in this shop.');
  });
}
