// `npm run release` up to what runs without Electron's binary: the schema check, the server and token check, and the
// upload of a build made elsewhere (--upload-only), after which the feed serves it. Building installers is not tried.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { listen, testConfig, testServerDb, type TestServerDb } from '../../support/server';
import { fakeBuild, offeredVersion, OPERATOR_TOKEN, sha512 } from '../../support/releases';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

let server: TestServerDb;
let stop: (() => Promise<unknown>) | null = null;
afterEach(async () => {
  await stop?.();
  await server?.close();
});

async function feedServer() {
  server = await testServerDb({
    config: testConfig({
      GALLA_RELEASES_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'galla-releases-')),
      GALLA_RELEASE_TOKEN: OPERATOR_TOKEN,
    }),
  });
  const { app, url } = await listen(server.deps, server.database);
  stop = () => app.close();
  return url;
}

function release(args: string[], token = OPERATOR_TOKEN) {
  return run(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/release.ts'), ...args],
    { cwd: ROOT, env: { ...process.env, GALLA_RELEASE_TOKEN: token }, timeout: 60_000 },
  ).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      out: error.stdout + error.stderr,
    }),
  );
}

describe('npm run release', () => {
  it('--dry-run checks electron-builder.yml against the schema and the server against the token, and changes nothing', async () => {
    const url = await feedServer();
    const build = fakeBuild('0.2.0', 'linux');
    const result = await release(['--dry-run', '--server', url, '--upload-only', build.dir]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/electron-builder\.yml passes electron-builder's schema/);
    expect(result.out).toMatch(/takes the release token \(0 releases published\)/);
    expect(result.out).toMatch(
      new RegExp(`would upload 0\\.2\\.0 for linux: ${build.name.replaceAll('.', '\\.')}, then latest-linux\\.yml`),
    );
    expect(await offeredVersion(url, 'stable', null)).toBe(404);
  });

  it('stops before building when the token is wrong', async () => {
    const url = await feedServer();
    const result = await release(['--dry-run', '--server', url], 'w'.repeat(40));
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/answered 401: That is not this server's release token/);
  });

  it('--upload-only uploads the files and then the feed file, on the chosen channel and rollout', async () => {
    const url = await feedServer();
    const build = fakeBuild('0.3.0-beta.1', 'linux');
    fs.writeFileSync(path.join(build.dir, `${build.name}.blockmap`), 'blockmap bytes');
    const result = await release(['--server', url, '--upload-only', build.dir, '--channel', 'beta', '--rollout', '25']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/published 0\.3\.0-beta\.1 for linux on beta at 25 %/);
    const releases = (await (
      await fetch(`${url}/updates/releases`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } })
    ).json()) as { version: string; channel: string; rolloutPercent: number }[];
    expect(releases).toMatchObject([{ version: '0.3.0-beta.1', channel: 'beta', rolloutPercent: 25 }]);
    const file = await fetch(`${url}/updates/beta/${build.name}`);
    expect(sha512(Buffer.from(await file.arrayBuffer()))).toBe(sha512(build.bytes));
    expect((await fetch(`${url}/updates/beta/${build.name}.blockmap`)).status).toBe(200);
    // Running it again (a retry after a dropped connection) is harmless.
    expect(
      (await release(['--server', url, '--upload-only', build.dir, '--channel', 'beta', '--rollout', '25'])).code,
    ).toBe(0);
  });

  it('refuses a build folder whose feed file names a missing installer', async () => {
    const url = await feedServer();
    const build = fakeBuild('0.2.0', 'linux');
    fs.rmSync(path.join(build.dir, build.name));
    const result = await release(['--server', url, '--upload-only', build.dir]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(new RegExp(`names ${build.name.replaceAll('.', '\\.')}, which is not in`));
  });
});
