// Bad input to every procedure of the server's router: a clear tRPC error code or a valid answer, never a server error,
// and not a row of the database changed by a call that was refused.
import { randomBytes, randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OP_STATUSES } from '../../src-shared/sync/protocol';
import type { ServerDb } from '../../server/db/connection';
import { serverRouter } from '../../server/trpc/app-router';
import { asOwner, listen, testServerDb, type ServerCaller, type TestServerDb } from '../support/server';
import { shopWithCounters } from '../support/server-shop';
import type { SyncOp } from '../../src-shared/sync/protocol';
import { invoiceOp, itemOp, khataOp, partyOp, pushOf } from '../support/sync-ops';

const EXPECTED_CODES = ['BAD_REQUEST', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHORIZED', 'PAYLOAD_TOO_LARGE'];
/** Where a wrong password or token is the bad input, UNAUTHORIZED is the right answer. */
const CREDENTIAL_CHECKS = new Set(['accounts.login', 'accounts.refresh']);
/** Tries that are counted: after AUTH_ATTEMPTS_MAX of them, "too many tries" is the right answer. */
const THROTTLED = new Set(['accounts.login', 'counters.enrol']);
const procedures = Object.keys(serverRouter._def.procedures).sort();

const edgeDate = fc.constantFrom(
  '0000-01-01',
  '0001-01-01',
  '1969-12-31',
  '2024-02-29',
  '2026-02-29',
  '9999-12-31',
  '99999-01-01',
);
const badValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    true,
    0,
    -1,
    -1e15,
    1e300,
    Number.NaN,
    Number.MAX_SAFE_INTEGER + 2,
    0.5,
    '',
    ' ',
    'x'.repeat(100_000),
    '\u0000',
    'a\u0000b',
    '\ud800',
    '🙂💥',
    'नमस्ते',
    '<script>',
    "'; DROP TABLE invoices; --",
    [],
    {},
    '00000000-0000-0000-0000-000000000000',
  ),
  edgeDate,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
);
const badInput = fc.oneof(
  badValue,
  fc.dictionary(
    fc.constantFrom(
      'email',
      'password',
      'refreshToken',
      'userId',
      'counterId',
      'code',
      'counterCode',
      'ops',
      'cursor',
      'limit',
      'from',
      'to',
      'asOf',
      'gstin',
      'month',
      'id',
      'table',
      'format',
      'alertId',
      'version',
    ),
    badValue,
    { maxKeys: 6 },
  ),
  fc.record({ from: edgeDate, to: edgeDate }),
  fc.anything({ maxDepth: 3 }),
);
/** A valid input with one to three places in it broken: a field dropped or replaced, however deep (an op's payload too). */
const mutations = fc.array(fc.record({ at: fc.nat(), remove: fc.boolean(), value: badValue }), {
  minLength: 1,
  maxLength: 3,
});
const fuzzed = fc.oneof(
  badInput.map((value): Fuzz => ({ raw: value })),
  mutations.map((changes): Fuzz => ({ changes })),
  badValue.map((value): Fuzz => ({ everyString: value })),
);
type Fuzz =
  { raw: unknown } | { changes: { at: number; remove: boolean; value: unknown }[] } | { everyString: unknown };
/** Always tried: what fuzzing found once (PostgreSQL has no year 0000 and no NUL in text, and both used to fail the call). */
const FOUND_BEFORE: [Fuzz][] = [
  [{ raw: { from: '0000-01-01', to: '0000-01-01' } }],
  [{ raw: { asOf: '0000-01-01' } }],
  [{ everyString: 'a\u0000b' }],
];

type Json = Record<string, unknown> | unknown[];

function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return [at, ...keys.flatMap((key) => paths((value as Record<string | number, unknown>)[key], [...at, key]))];
}

function mutate(valid: unknown, changes: { at: number; remove: boolean; value: unknown }[]): unknown {
  let input = structuredClone(valid);
  for (const change of changes) {
    const path = paths(input)[change.at % paths(input).length]!;
    if (path.length === 0) {
      input = change.value;
      continue;
    }
    const parent = path
      .slice(0, -1)
      .reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, input as Json) as Record<
      string | number,
      unknown
    >;
    if (change.remove && !Array.isArray(parent)) delete parent[path.at(-1)!];
    else parent[path.at(-1)!] = change.value;
  }
  return input;
}

function replaceStrings(value: unknown, by: unknown): unknown {
  if (typeof value === 'string') return by;
  if (Array.isArray(value)) return value.map((entry) => replaceStrings(entry, by));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, replaceStrings(entry, by)]));
  return value;
}

function inputOf(path: string, fuzz: Fuzz): unknown {
  if ('raw' in fuzz) return fuzz.raw;
  const example = valid[path]?.() ?? {};
  return 'changes' in fuzz ? mutate(example, fuzz.changes) : replaceStrings(example, fuzz.everyString);
}

/** Every row of every table, hashed by PostgreSQL in one statement (rows in text order, so the result is deterministic). */
async function databaseFingerprint(db: ServerDb, tables: string[]): Promise<string> {
  const parts = tables.map(
    (table) =>
      `SELECT '${table}' AS t, md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) AS h FROM "${table}" r`,
  );
  const result = (await db.execute(sql.raw(`${parts.join(' UNION ALL ')} ORDER BY t`))) as unknown as {
    rows: { t: string; h: string }[];
  };
  return result.rows.map((row) => `${row.t}:${row.h}`).join(' ');
}

function call(caller: ServerCaller, path: string, input: unknown): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  return fn(input);
}

let server: TestServerDb;
let shop: Awaited<ReturnType<typeof shopWithCounters>>;
let tables: string[];
let valid: Record<string, () => unknown>;
let documentNo = 0;

beforeAll(async () => {
  server = await testServerDb();
  // C1 pushes; C9 is there for counters.revoke to revoke; a second shop is there to be left alone.
  shop = await shopWithCounters(server, 'owner@fuzz.example.in', ['C1', 'C9']);
  await shopWithCounters(server, 'neighbour@fuzz.example.in', ['C1']);
  const staff = await shop.owner.accounts.addStaff({
    email: 'staff@fuzz.example.in',
    password: 'staffer password',
    role: 'staff',
  });
  const rice = itemOp({ name: 'Rice' });
  const ramesh = partyOp({ name: 'Ramesh' });
  const sale = invoiceOp({
    number: 'C1-2026-000001',
    itemId: rice.entityId,
    partyId: ramesh.entityId,
    khataPaise: 11_800,
  });
  await shop.counters[0]!.api.sync.push(pushOf([rice, ramesh, sale, khataOp(ramesh.entityId, 11_800)]));
  const listed = (await server.database.db.execute(
    sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  )) as unknown as { rows: { tablename: string }[] };
  // A refused login or enrolment still counts as a try (server/accounts/throttle.ts), and a refused sync op is told to
  // the owner as an alert (server/sync/events.ts): those records are the point of the refusal, not a change it made.
  const records = new Set(['auth_throttle', 'alerts']);
  tables = listed.rows.map((row) => row.tablename).filter((table) => !records.has(table));

  const range = { from: '2026-06-01', to: '2026-06-30' };
  const fakeToken = () => `grt_${randomBytes(32).toString('base64url')}`;
  valid = {
    'accounts.signUp': () => ({
      shopName: 'Fuzz Kirana',
      email: `fuzz-${randomUUID()}@example.in`,
      password: 'correct horse battery',
    }),
    'accounts.login': () => ({ email: 'owner@fuzz.example.in', password: 'not the password' }),
    'accounts.refresh': () => ({ refreshToken: fakeToken() }),
    'accounts.logout': () => ({ refreshToken: fakeToken() }),
    'accounts.addStaff': () => ({
      email: `staff-${randomUUID()}@example.in`,
      password: 'staffer password',
      role: 'manager',
    }),
    'accounts.disableStaff': () => ({ userId: staff.id }),
    'accounts.updateShop': () => ({
      name: 'Fuzz Kirana',
      legalName: 'Fuzz Traders',
      gstin: '27AAPFU0939F1ZV',
      stateCode: '27',
      address: 'Pune',
    }),
    'counters.createEnrolmentCode': () => ({ name: 'Fuzz counter', counterCode: 'F1' }),
    'counters.enrol': () => ({ code: 'ABCDE-FGHJK', counterCode: 'C1' }),
    'counters.revoke': () => ({ counterId: shop.counters[1]!.counterId }),
    'sync.push': () => {
      documentNo += 1;
      const item = itemOp();
      const invoice = invoiceOp({
        number: `C1-2026-${String(1000 + documentNo).padStart(6, '0')}`,
        itemId: item.entityId,
        partyId: ramesh.entityId,
        khataPaise: 100,
      });
      const heartbeat = {
        outboxDepth: 3,
        printer: { state: 'ok', detail: null, jobsWaiting: 0 },
        appVersion: '1.0.0',
        lastBackupAt: null,
      };
      return { ...pushOf([item, invoice, khataOp(ramesh.entityId, 100)]), appVersion: '1.0.0', heartbeat };
    },
    'sync.pull': () => ({ cursor: 0, limit: 10 }),
    'reports.sales': () => range,
    'reports.items': () => range,
    'reports.returns': () => range,
    'reports.cashSessions': () => range,
    'reports.gst': () => range,
    'reports.khata': () => ({ asOf: '2026-06-30' }),
    'reports.gstr1': () => ({ month: '2026-06' }),
    'reports.invoices': () => ({
      ...range,
      counterId: shop.counters[0]!.counterId,
      staffId: 'staff-1',
      hour: 10,
      itemId: rice.entityId,
      limit: 10,
      offset: 0,
    }),
    'reports.invoice': () => ({ id: sale.entityId }),
    'reports.export': () => ({ ...range, table: 'invoices', format: 'xlsx' }),
    'monitoring.alerts': () => ({ which: 'all', limit: 10 }),
    'monitoring.acknowledge': () => ({ alertId: randomUUID() }),
    'monitoring.resolve': () => ({ alertId: randomUUID() }),
    'updates.pin': () => ({ version: '1.2.3' }),
    'einvoice.setEnabled': () => ({ enabled: false }),
    'einvoice.documents': () => ({}),
    'einvoice.cancel': () => ({ docId: randomUUID(), reason: '2', remark: 'Wrong quantity' }),
  };
}, 120_000);
afterAll(() => server?.close());

/** What a successful call must look like, where the answer is more than "it worked". */
function checkAnswer(path: string, input: unknown, answer: unknown): void {
  if (path !== 'sync.push') return;
  const { results } = answer as { results: { status: string }[] };
  expect(results).toHaveLength((input as { ops: unknown[] }).ops.length);
  for (const result of results) expect(OP_STATUSES).toContain(result.status);
}

describe('bad input to every procedure of the server', () => {
  it('runs every call as the application role, which owns no table (so row-level security binds each one)', async () => {
    const [role] = (
      (await server.deps.db.execute(
        sql`SELECT current_user AS who, (SELECT count(*)::int FROM pg_tables WHERE tableowner = current_user) AS owned`,
      )) as unknown as { rows: { who: string; owned: number }[] }
    ).rows;
    expect(role).toEqual({ who: 'galla_app', owned: 0 });
  });

  it('the router has the procedures of every server area', () => {
    const areas = new Set(procedures.map((path) => path.split('.')[0]));
    expect([...areas].sort()).toEqual([
      'accounts',
      'counters',
      'einvoice',
      'ewayBills',
      'monitoring',
      'reports',
      'sync',
      'tally',
      'updates',
    ]);
  });

  it.each(procedures)('%s answers bad input with a clear code, and a refused call changes nothing', async (path) => {
    const token = path.startsWith('sync.') ? shop.counters[0]!.deviceToken : shop.session.accessToken;
    await fc.assert(
      fc.asyncProperty(fuzzed, async (fuzz) => {
        const input = inputOf(path, fuzz);
        const before = await asOwner(server.database, (db) => databaseFingerprint(db, tables));
        let answer: unknown;
        try {
          answer = await call(await server.as(token), path, input);
        } catch (error) {
          /* eslint-disable assertions/no-conditional-expect -- the accepted path is checked too (checkAnswer below): each call is asserted either way */
          expect(error).toBeInstanceOf(TRPCError);
          const { code, message } = error as TRPCError;
          expect(
            THROTTLED.has(path) ? [...EXPECTED_CODES, 'TOO_MANY_REQUESTS'] : EXPECTED_CODES,
            `${path} gave ${code}: ${message}`,
          ).toContain(code);
          if (!CREDENTIAL_CHECKS.has(path))
            expect(code, `${path} treated the caller as logged out: ${message}`).not.toBe('UNAUTHORIZED');
          // No upper bound yet: the server still sends zod's issue list as the message (the counter makes it one line).
          expect(message.length).toBeGreaterThan(0);
          expect(
            await asOwner(server.database, (db) => databaseFingerprint(db, tables)),
            `${path} refused the call but changed the database`,
          ).toBe(before);
          /* eslint-enable assertions/no-conditional-expect */
          return;
        }
        checkAnswer(path, input, answer);
      }),
      { numRuns: 15, examples: FOUND_BEFORE },
    );
  });

  it('text with a NUL character, which PostgreSQL cannot store, is refused naming the field', async () => {
    const anon = await server.as(null);
    await expect(
      anon.accounts.signUp({
        shopName: 'Nul\u0000 Stores',
        email: 'nul@example.in',
        password: 'correct horse battery',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('unusual character') });
    await expect(
      shop.owner.counters.createEnrolmentCode({ name: 'Back\u0000', counterCode: 'F2' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('unusual character') });
    await expect(
      shop.owner.reports.invoices({ from: '2026-06-01', to: '2026-06-30', staffId: 'staff\u0000' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('unusual character') });
    await expect(
      shop.counters[0]!.api.sync.push({ ...pushOf([itemOp()]), appVersion: '1.0\u0000' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('unusual character') });
  });

  it('the server still answers its owner and its counter after all of it', async () => {
    expect((await shop.owner.accounts.me()).shopId).toBe(shop.shopId);
    expect((await shop.counters[0]!.api.sync.whoami()).shopId).toBe(shop.shopId);
  });

  it('over HTTP, a body that is not JSON or is too big gets a 4xx answer and the process keeps serving', async () => {
    const { app, url } = await listen(server.deps, server.database);
    try {
      const post = (path: string, body: string) =>
        fetch(`${url}/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${shop.counters[0]!.deviceToken}` },
          body,
        });
      for (const body of ['{', '[]', 'null', '"\u0000"', '{"ops":', '🙂']) {
        const answer = await post('sync.push', body);
        expect(answer.status, body).toBeGreaterThanOrEqual(400);
        expect(answer.status, body).toBeLessThan(500);
      }
      const tooBig = await post(
        'sync.push',
        JSON.stringify({ ops: [], counterTime: 'x'.repeat(server.deps.config.bodyLimitBytes + 1) }),
      );
      expect(tooBig.status).toBe(413);
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

/** What a push writes whatever becomes of its ops: the op log (a refused op is remembered as refused) and the counter's last contact. */
const PUSH_BOOKKEEPING = new Set(['sync_ops', 'counters', 'counter_heartbeats']);

/** The push answer for one op; the push itself is accepted, the op in it is what gets refused. */
async function pushOne(op: SyncOp) {
  const answer = await shop.counters[0]!.api.sync.push(pushOf([op]));
  expect(answer.results).toHaveLength(1);
  return answer.results[0]!;
}

const fewPaise = fc.integer({ min: 1, max: 11_800 });
const notAbove = fc.oneof(fc.constant(0), fc.integer({ min: -1_000_000, max: -1 }));
const day = fc
  .date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const daysBefore = (date: string, days: number) =>
  new Date(Date.parse(date) - days * 86_400_000).toISOString().slice(0, 10);

/** A bill as a counter would push it, with one thing in it made wrong. */
function wrongInvoice(
  change: (payload: {
    invoice: Record<string, unknown>;
    lines: Record<string, unknown>[];
    payments: Record<string, unknown>[];
  }) => void,
) {
  documentNo += 1;
  const op = invoiceOp({ number: `C1-2026-${String(5000 + documentNo).padStart(6, '0')}`, totalPaise: 11_800 });
  change(op.payload as never);
  return op;
}

function receiptOp(amountPaise: number): SyncOp {
  documentNo += 1;
  const id = randomUUID();
  return {
    opId: randomUUID(),
    seq: 100_000 + documentNo,
    entity: 'receipt',
    entityId: id,
    payload: {
      receipt: {
        id,
        number: `C1RC-2026-${String(documentNo).padStart(6, '0')}`,
        partyId: randomUUID(),
        amountPaise,
        mode: 'cash',
        createdAt: new Date().toISOString(),
        businessDate: '2026-06-01',
      },
      payments: [{ id: randomUUID(), mode: 'cash', amountPaise }],
    },
    createdAt: new Date().toISOString(),
  };
}

describe('wrong but well-typed input is refused, and the shop’s figures do not change', () => {
  const PUSHED: { rule: string; op: fc.Arbitrary<SyncOp> }[] = [
    {
      rule: 'a bill’s payments, less the change, are its total',
      op: fewPaise.map((short) => wrongInvoice(({ payments }) => (payments[0]!.amountPaise = 11_800 - short))),
    },
    {
      rule: 'no payment on a bill is zero or negative',
      op: notAbove.map((amountPaise) =>
        wrongInvoice(({ payments }) => payments.push({ id: randomUUID(), mode: 'upi', amountPaise })),
      ),
    },
    {
      rule: 'a bill line sells more than nothing',
      op: notAbove.map((qtyMilli) => wrongInvoice(({ lines }) => (lines[0]!.qtyMilli = qtyMilli))),
    },
    {
      rule: 'a bill’s khata part is what was paid on khata',
      op: fewPaise.map((khataPaise) => wrongInvoice(({ invoice }) => (invoice.khataPaise = khataPaise))),
    },
    { rule: 'a khata payment received is above ₹0', op: notAbove.map(receiptOp) },
  ];
  for (const { rule, op } of PUSHED)
    it(`sync.push: ${rule}`, async () => {
      const figures = tables.filter((table) => !PUSH_BOOKKEEPING.has(table));
      await fc.assert(
        fc.asyncProperty(op, async (wrong) => {
          const before = await asOwner(server.database, (db) => databaseFingerprint(db, figures));
          expect(await pushOne(wrong)).toMatchObject({ opId: wrong.opId, status: 'rejected' });
          expect(await asOwner(server.database, (db) => databaseFingerprint(db, figures))).toBe(before);
        }),
        { numRuns: 8 },
      );
    });

  const RANGES: { rule: string; range: fc.Arbitrary<{ from: string; to: string }>; field: string }[] = [
    {
      rule: 'a report starts on or before the day it ends',
      range: fc
        .tuple(day, fc.integer({ min: 1, max: 5000 }))
        .map(([from, days]) => ({ from, to: daysBefore(from, days) })),
      field: 'from',
    },
    {
      rule: 'a report covers at most three years',
      range: fc
        .tuple(day, fc.integer({ min: 366 * 3 + 1, max: 20_000 }))
        .map(([to, days]) => ({ from: daysBefore(to, days), to })),
      field: 'to',
    },
    {
      rule: 'a report’s days are days the calendar has',
      range: fc
        .tuple(fc.constantFrom('2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-06-00'), day)
        .map(([from, to]) => ({ from, to })),
      field: 'from',
    },
  ];
  for (const { rule, range, field } of RANGES)
    it(`reports.sales: ${rule}`, async () => {
      await fc.assert(
        fc.asyncProperty(range, async (wrong) => {
          await expect(shop.owner.reports.sales(wrong)).rejects.toMatchObject({
            code: 'BAD_REQUEST',
            message: expect.stringContaining(field),
          });
        }),
        { numRuns: 10 },
      );
    });
});
