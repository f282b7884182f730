// Errors never leak internals: a real database failure (a dropped table, a database that cannot be reached) answers
// with a short message and an error id, never a stack, SQL text or the database's host; the server's log line for it
// carries the same id and the whole error. A sync op the database refuses comes back with a code, not the database's words.
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import * as schema from '../../../server/db/schema';
import type { ServerDb } from '../../../server/db/connection';
import { asOwner, listen, testServerDb, type TestServerDb } from '../../support/server';
import { shopWithCounters } from '../../support/server-shop';
import { invoiceOp, pushOf } from '../../support/sync-ops';

let server: TestServerDb;
let stop: (() => Promise<unknown>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
  await server?.close();
});

/** The server's log as parsed JSON lines, as pino writes them. */
function capturedLog(): { lines: Record<string, unknown>[]; logger: pino.Logger } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, sink) };
}

/** What a reply must never hold: SQL, the relation's name, a stack frame, a source path, a database address. */
const INTERNALS =
  /select |relation |counter_cursors|invoice_lines|\bat .*\(|\.ts:\d|node_modules|ECONNREFUSED|127\.0\.0\.1:1\b|stack/i;

describe('internal errors', () => {
  it('a query on a dropped table answers 500 with an error id only; the log line has that id and the SQL error', async () => {
    server = await testServerDb();
    const { lines, logger } = capturedLog();
    server.deps.log = logger;
    const { session } = await shopWithCounters(server, 'errors@example.in', ['C1']);
    const { app, url } = await listen(server.deps, server.database);
    stop = () => app.close();
    await asOwner(server.database, (db) => db.execute(sql`DROP TABLE counter_cursors CASCADE`));

    const response = await fetch(`${url}/trpc/counters.list`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toMatch(INTERNALS);
    const body = JSON.parse(text) as { error: { message: string; data: { errorId: string; shop: unknown } } };
    const errorId = body.error.data.errorId;
    expect(errorId).toMatch(/^[0-9a-f]{12}$/);
    expect(body.error.message).toBe(`Something went wrong on the server (error id ${errorId}). Please try again.`);
    expect(body.error.data.shop).toEqual({ key: 'serverError', params: { errorId } });
    const logged = lines.find((line) => line.errorId === errorId);
    expect(logged).toMatchObject({ level: 50, path: 'counters.list' });
    expect(JSON.stringify(logged)).toContain('counter_cursors');
  });

  it('a database that cannot be reached: no host or port in the reply of a procedure or of a plain HTTP route', async () => {
    server = await testServerDb();
    const { lines, logger } = capturedLog();
    // The same server on a pool whose database refuses connections (nothing listens on port 1).
    const pool = new pg.Pool({
      connectionString: 'postgres://galla:secret@127.0.0.1:1/galla',
      connectionTimeoutMillis: 2000,
    });
    const deps = { ...server.deps, db: drizzle(pool, { schema }) as unknown as ServerDb, log: logger };
    const { app, url } = await listen(deps, server.database);
    stop = async () => {
      await app.close();
      await pool.end();
    };

    const login = await fetch(`${url}/trpc/accounts.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'asha@example.in', password: 'correct horse battery' }),
    });
    const loginText = await login.text();
    expect(login.status).toBe(500);
    expect(loginText).not.toMatch(INTERNALS);
    const loginId = (JSON.parse(loginText) as { error: { data: { errorId: string } } }).error.data.errorId;
    expect(JSON.stringify(lines.find((line) => line.errorId === loginId))).toContain('ECONNREFUSED');

    // The update feed is a plain HTTP route that reads the database for the counter's release.
    const feed = await fetch(`${url}/updates/stable/latest.yml`, { headers: { authorization: 'Bearer gdt_whoever' } });
    const feedText = await feed.text();
    expect(feed.status).toBe(500);
    expect(feedText).not.toMatch(INTERNALS);
    const feedId = (JSON.parse(feedText) as { errorId: string }).errorId;
    expect(feedId).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(lines.find((line) => line.errorId === feedId))).toContain('ECONNREFUSED');
  });

  it('a sync op the database refuses is rejected with code STORE_FAILED and an error id, not the database message', async () => {
    server = await testServerDb();
    const { lines, logger } = capturedLog();
    server.deps.log = logger;
    const { counters } = await shopWithCounters(server, 'sync-errors@example.in', ['C1']);
    const { app, url } = await listen(server.deps, server.database);
    stop = () => app.close();
    await asOwner(server.database, (db) => db.execute(sql`DROP TABLE invoice_lines CASCADE`));

    const response = await fetch(`${url}/trpc/sync.push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${counters[0]!.deviceToken}` },
      body: JSON.stringify(pushOf([invoiceOp({ number: 'C1-2026-000001' })])),
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toMatch(INTERNALS);
    const [result] = (
      JSON.parse(text) as { result: { data: { results: { status: string; code: string; reason: string }[] } } }
    ).result.data.results;
    expect(result).toMatchObject({ status: 'rejected', code: 'STORE_FAILED' });
    const errorId = /error id ([0-9a-f]{12})/.exec(result!.reason)?.[1];
    expect(result!.reason).toBe(`The server could not store this invoice (error id ${errorId}).`);
    expect(JSON.stringify(lines.find((line) => line.errorId === errorId))).toContain('invoice_lines');
  });
});
