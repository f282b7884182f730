// `npm run release` up to what runs without Electron's binary: the schema check, the server and token check, and the
// upload of a build made elsewhere (--upload-only), after which the feed serves it. Building installers is not tried.
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { listen, testConfig, testServerDb, type TestServerDb } from '../../support/server';
import { load } from 'js-yaml';
import { verifiedRelease } from '../../../src-main/updates/release-signature';
import {
  fakeBuild,
  offeredVersion,
  operator,
  OPERATOR_TOKEN,
  sha512,
  TEST_PRIVATE_PEM,
  TEST_PUBLIC_PEM,
  TEST_RELEASE_KEY,
} from '../../support/releases';

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

/** The build machine's environment: the operator token, and the publisher's test key pair (private to sign, public as the app carries it). */
const SIGNING_ENV = { GALLA_RELEASE_SIGNING_KEY: TEST_PRIVATE_PEM, GALLA_RELEASE_PUBLIC_KEY: TEST_PUBLIC_PEM };

function release(args: string[], token = OPERATOR_TOKEN, env: Record<string, string | undefined> = SIGNING_ENV) {
  return run(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/release.ts'), ...args],
    { cwd: ROOT, env: { ...process.env, GALLA_RELEASE_TOKEN: token, ...env }, timeout: 120_000 },
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
    expect(result.out).toMatch(/electron-builder\.yml passes electron-builder's schema and sets Electron's fuses/);
    expect(result.out).toMatch(/GALLA_RELEASE_SIGNING_KEY matches the public key the app carries/);
    expect(result.out).toMatch(/takes the release token \(0 releases published\)/);
    expect(result.out).toMatch(
      new RegExp(
        `would upload 0\\.2\\.0 for linux: ${build.name.replaceAll('.', '\\.')}, then latest-linux\\.yml, signed`,
      ),
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
    // The feed the counters read carries the publisher's signature over the version and the installer's sha512
    // (at 100 %, so that a counter without a device token is offered it).
    expect((await operator(url).change('0.3.0-beta.1', 'linux', { rolloutPercent: 100 })).status).toBe(200);
    const feed = load(await (await fetch(`${url}/updates/beta/latest-linux.yml`)).text());
    expect(verifiedRelease(feed, [TEST_RELEASE_KEY.publicKey]).files).toEqual([
      { url: build.name, sha512: sha512(build.bytes), size: build.bytes.length },
    ]);
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

  it('refuses to release without the signing key, with a key the app does not trust, or to a plain-http server', async () => {
    const url = await feedServer();
    const build = fakeBuild('0.2.0', 'linux');
    const unsigned = await release(['--server', url, '--upload-only', build.dir], OPERATOR_TOKEN, {
      GALLA_RELEASE_SIGNING_KEY: '',
      GALLA_RELEASE_PUBLIC_KEY: TEST_PUBLIC_PEM,
    });
    expect(unsigned.code).toBe(1);
    expect(unsigned.out).toMatch(/GALLA_RELEASE_SIGNING_KEY is not set: releases must be signed/);
    const otherKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const mismatched = await release(['--server', url, '--upload-only', build.dir], OPERATOR_TOKEN, {
      GALLA_RELEASE_SIGNING_KEY: Buffer.from(otherKey).toString('base64'),
      GALLA_RELEASE_PUBLIC_KEY: TEST_PUBLIC_PEM,
    });
    expect(mismatched.code).toBe(1);
    expect(mismatched.out).toMatch(/is not the key the app trusts .* Counters would refuse this release/);
    const plainHttp = await release(['--dry-run', '--server', 'http://updates.example.in']);
    expect(plainHttp.code).toBe(1);
    expect(plainHttp.out).toMatch(/the update server must be https:\/\//);
    expect(await offeredVersion(url, 'stable', null)).toBe(404);
  });
});
