// The counter's side of the server's backup store: upload an encrypted snapshot, list and download them (for a new PC).
import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { Conflict, Invalid, NotFound, Unauthorized } from '../../src-shared/errors';
import { serverBackupEntry, type ServerBackupEntry } from '../../src-shared/backup/contracts';
import { assertAllowedServerUrl } from '../../src-shared/sync/server-url';
import type { OnBytes } from './crypto';

export interface BackupRemote {
  upload(file: string, name: string): Promise<ServerBackupEntry>;
  list(): Promise<ServerBackupEntry[]>;
  download(id: string, targetFile: string, onBytes?: OnBytes): Promise<void>;
}

export interface BackupRemoteOptions {
  serverUrl: string;
  /** The counter's device token, or an owner's access token when restoring onto a new PC. */
  token: string;
  timeoutMs?: number;
}

async function refusal(response: Response): Promise<Error> {
  const text = await response.text().catch(() => '');
  let message = text;
  try {
    message = (JSON.parse(text) as { message?: string }).message ?? text;
  } catch {
    // A proxy's HTML error page: its status says enough.
  }
  const said = message ? `: ${message}` : '';
  if (response.status === 401 || response.status === 403)
    return new Unauthorized(`The server refused the backup request${said}`);
  if (response.status === 404) return new NotFound(`The server has no such backup${said}`);
  if (response.status === 413 || response.status === 400)
    return new Invalid(`The server would not take this backup${said}`);
  return new Conflict(`The server could not handle the backup request (HTTP ${response.status})${said}`);
}

export function createBackupRemote({ serverUrl, token, timeoutMs = 10 * 60_000 }: BackupRemoteOptions): BackupRemote {
  assertAllowedServerUrl(serverUrl);
  const base = `${serverUrl.replace(/\/$/, '')}/backups/counters`;
  const headers = { authorization: `Bearer ${token}` };
  return {
    async upload(file, name) {
      const response = await fetch(`${base}?name=${encodeURIComponent(name)}`, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/octet-stream' },
        body: await fs.openAsBlob(file),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw await refusal(response);
      return serverBackupEntry.parse(await response.json());
    },
    async list() {
      const response = await fetch(base, { headers, signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw await refusal(response);
      return z.array(serverBackupEntry).parse(await response.json());
    },
    async download(id, targetFile, onBytes) {
      const response = await fetch(`${base}/${encodeURIComponent(id)}`, {
        headers,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok || !response.body) throw await refusal(response);
      const total = Number(response.headers.get('content-length') ?? 0);
      let done = 0;
      const count = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          done += chunk.length;
          onBytes?.(done, total);
          callback(null, chunk);
        },
      });
      await pipeline(Readable.fromWeb(response.body as never), count, fs.createWriteStream(targetFile));
    },
  };
}
