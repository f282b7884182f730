// Uploads a build to a Galla server's update feed: every file first (streamed), then the feed file that publishes them.
// Retrying is safe: the server accepts the same bytes and the same feed file again.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { UpdateChannel } from '../../src-shared/updates/feed';
import { ReleaseProblem, type PlatformBuild } from './artifacts';

export interface UploadTarget {
  server: string;
  token: string;
}

async function refusal(response: Response, what: string): Promise<ReleaseProblem> {
  const body = await response.text();
  let message = body;
  try {
    message = (JSON.parse(body) as { error?: string }).error ?? body;
  } catch {
    // not JSON: show the text as it came
  }
  return new ReleaseProblem(`${what}: the server answered ${response.status}: ${message}`);
}

export async function uploadFile(
  target: UploadTarget,
  file: string,
): Promise<{ fileName: string; sha512: string; sizeBytes: number }> {
  const name = path.basename(file);
  const response = await fetch(`${target.server}/updates/files/${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${target.token}`,
      'content-type': 'application/octet-stream',
      'content-length': String(fs.statSync(file).size),
    },
    body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (!response.ok) throw await refusal(response, `Uploading ${name}`);
  return (await response.json()) as { fileName: string; sha512: string; sizeBytes: number };
}

export async function publish(
  target: UploadTarget,
  build: PlatformBuild,
  channel: UpdateChannel,
  rolloutPercent: number,
): Promise<unknown> {
  const response = await fetch(`${target.server}/updates/releases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ platform: build.platform, channel, rolloutPercent, feedYml: build.feedYml }),
  });
  if (!response.ok) throw await refusal(response, `Publishing ${build.version} for ${build.platform}`);
  return response.json();
}

/** Checks the server is there and takes this token, without changing anything. */
export async function checkTarget(target: UploadTarget): Promise<number> {
  const response = await fetch(`${target.server}/updates/releases`, {
    headers: { authorization: `Bearer ${target.token}` },
  });
  if (!response.ok) throw await refusal(response, `Checking ${target.server}`);
  return ((await response.json()) as unknown[]).length;
}

export async function uploadBuilds(
  target: UploadTarget,
  builds: PlatformBuild[],
  channel: UpdateChannel,
  rolloutPercent: number,
  say: (line: string) => void,
): Promise<void> {
  for (const build of builds) {
    for (const file of build.files) {
      const stored = await uploadFile(target, file);
      say(`uploaded ${stored.fileName} (${stored.sizeBytes} bytes)`);
    }
    await publish(target, build, channel, rolloutPercent);
    say(`published ${build.version} for ${build.platform} on ${channel} at ${rolloutPercent} %`);
  }
}
