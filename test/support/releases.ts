// Release builds for tests, shaped as electron-builder leaves them: installer files plus latest.yml / latest-linux.yml
// naming them with their real sha512 and size. The bytes are not an installer: the feed and updater never run them.
import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dump } from 'js-yaml';
import { signFeedYml } from '../../scripts/releases/signing';

export const OPERATOR_TOKEN = 'op_test_release_token_0123456789abcdef';

/** The publisher's key pair for tests, made afresh in each test process (the real private key is never in the repo). */
export const TEST_RELEASE_KEY = generateKeyPairSync('ed25519');
export const TEST_PUBLIC_PEM = TEST_RELEASE_KEY.publicKey.export({ type: 'spki', format: 'pem' }).toString();
export const TEST_PRIVATE_PEM = TEST_RELEASE_KEY.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const ARTIFACT = {
  win: (version: string) => `Galla-Setup-${version}.exe`,
  linux: (version: string) => `galla_${version}_amd64.deb`,
  appimage: (version: string) => `Galla-${version}-x86_64.AppImage`,
};

export function sha512(bytes: Buffer): string {
  return createHash('sha512').update(bytes).digest('base64');
}

/** A build output folder for one version and platform; returns the folder and the artifact's bytes. */
export function fakeBuild(
  version: string,
  platform: 'win' | 'linux' = 'linux',
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-build-')),
  artifact: keyof typeof ARTIFACT = platform,
) {
  const name = ARTIFACT[artifact](version);
  const bytes = Buffer.concat([Buffer.from(`galla ${version} ${platform}\n`), randomBytes(64 * 1024)]);
  fs.writeFileSync(path.join(dir, name), bytes);
  const feed = {
    version,
    files: [{ url: name, sha512: sha512(bytes), size: bytes.length }],
    path: name,
    sha512: sha512(bytes),
    releaseDate: '2026-01-15T10:00:00.000Z',
  };
  const feedYml = dump(feed, { lineWidth: -1 });
  fs.writeFileSync(path.join(dir, platform === 'win' ? 'latest.yml' : 'latest-linux.yml'), feedYml);
  return { dir, name, bytes, feedYml };
}

export function operator(url: string, token = OPERATOR_TOKEN) {
  const headers = { authorization: `Bearer ${token}` };
  return {
    put: (name: string, bytes: Buffer) =>
      fetch(`${url}/updates/files/${encodeURIComponent(name)}`, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(bytes),
      }),
    publish: (body: object) =>
      fetch(`${url}/updates/releases`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    change: (version: string, platform: string, body: object) =>
      fetch(`${url}/updates/releases/${version}/${platform}`, {
        method: 'PATCH',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    list: () => fetch(`${url}/updates/releases`, { headers }),
  };
}

/** Uploads and publishes a fake build in one go, its feed signed with the test publisher's key unless told otherwise. */
export async function releaseOnServer(
  url: string,
  version: string,
  options: {
    platform?: 'win' | 'linux';
    channel?: 'stable' | 'beta';
    rolloutPercent?: number;
    appImage?: boolean;
    /** The key that signs the feed; null publishes it unsigned, as a feed was before releases were signed. */
    signWith?: KeyObject | null;
  } = {},
) {
  const platform = options.platform ?? 'linux';
  const build = fakeBuild(version, platform, undefined, options.appImage ? 'appimage' : platform);
  const op = operator(url);
  const put = await op.put(build.name, build.bytes);
  if (!put.ok) throw new Error(`upload failed: ${put.status} ${await put.text()}`);
  const feedYml =
    options.signWith === null
      ? build.feedYml
      : signFeedYml(build.feedYml, options.signWith ?? TEST_RELEASE_KEY.privateKey);
  const published = await op.publish({
    platform,
    channel: options.channel ?? 'stable',
    rolloutPercent: options.rolloutPercent ?? 100,
    feedYml,
  });
  if (published.status !== 201) throw new Error(`publish failed: ${published.status} ${await published.text()}`);
  // The feed as published (signed unless asked otherwise): what the server must serve back byte for byte.
  return { ...build, feedYml };
}

/** The version a counter (by its device token, or none) is offered on a channel's Linux feed, or the HTTP status. */
export async function offeredVersion(
  url: string,
  channel: string,
  deviceToken: string | null,
  platform: 'win' | 'linux' = 'linux',
): Promise<string | number> {
  const response = await fetch(`${url}/updates/${channel}/${platform === 'win' ? 'latest.yml' : 'latest-linux.yml'}`, {
    headers: deviceToken ? { authorization: `Bearer ${deviceToken}` } : {},
  });
  if (!response.ok) return response.status;
  return /^version: (.+)$/m.exec(await response.text())?.[1] ?? 'unreadable';
}
