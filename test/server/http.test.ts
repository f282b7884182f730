// The HTTP face: /health, security headers, CORS, body and rate limits, and `npm run server` starting on a fresh folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshTestDatabase, listen, testConfig, testServerDb, TEST_DB, type TestServerDb } from '../support/server';

let server: TestServerDb;
let stop: (() => Promise<unknown>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
  await server?.close();
});

async function served(env: Record<string, string> = {}) {
  server = await testServerDb({ config: testConfig(env) });
  const { app, url } = await listen(server.deps, server.database);
  stop = () => app.close();
  return url;
}

describe('http', () => {
  it('answers /health with the database it runs on, and sends helmet headers', async () => {
    const url = await served();
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, database: TEST_DB });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('allows browser calls only from the configured origins', async () => {
    const url = await served({ CORS_ORIGINS: 'https://owner.galla.example' });
    const allowed = await fetch(`${url}/health`, { headers: { origin: 'https://owner.galla.example' } });
    const other = await fetch(`${url}/health`, { headers: { origin: 'https://evil.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://owner.galla.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a body over the limit with 413 and a client over the rate with 429', async () => {
    const url = await served({ BODY_LIMIT_BYTES: '2048', RATE_LIMIT_PER_MINUTE: '5' });
    const big = await fetch(`${url}/trpc/accounts.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.in', password: 'x'.repeat(4000) }),
    });
    expect(big.status).toBe(413);
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await fetch(`${url}/health`)).status);
    expect(statuses).toContain(429);
  });

  it('`npm run server` starts with no setup on a fresh data folder, answers /health, and stops cleanly on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-server-'));
    const database = TEST_DB === 'postgres' ? await freshTestDatabase() : null;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', GALLA_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    delete env.DATABASE_URL;
    if (database?.url) env.DATABASE_URL = database.url;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const line = out.split('\n').find((text) => text.includes('galla server listening'));
          if (line) resolve((JSON.parse(line) as { port: number }).port);
        });
        child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
      });
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(await health.json()).toMatchObject({ ok: true, database: TEST_DB });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // PGlite keeps its files in the data directory; on PostgreSQL there are none.
      expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(database === null);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    }
  }, 60_000);
});
