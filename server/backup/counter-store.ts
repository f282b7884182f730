// The server's store of counters' encrypted ledger snapshots: a counter uploads with its device token (streamed, size
// capped, hashed), lists and downloads its own; the owner or a manager lists and downloads any of the shop's (a new PC).
import { logInternalError } from '../http/internal-errors';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { and, asc, desc, eq } from 'drizzle-orm';
import {
  BACKUP_MAGIC,
  BACKUP_NAME,
  backupHeaderSchema,
  type BackupHeader,
  type ServerBackupEntry,
} from '../../src-shared/backup/contracts';
import { DomainError, Forbidden, Invalid, NotFound, Unauthorized } from '../../src-shared/errors';
import { resolveCaller } from '../accounts/service';
import { counterBackups } from '../monitoring/schema';
import { counters } from '../accounts/schema';
import { inShop } from '../db/tenant';
import { bearerToken } from '../trpc/context';
import type { Caller, ServerDeps } from '../trpc/init';

const HTTP_STATUS: Record<DomainError['code'], number> = {
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 400,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  TOO_MANY_TRIES: 429,
};

class TooLarge extends Invalid {}

/** Reads the authenticated-but-public header at the front of an uploaded file, to refuse what is not a Galla backup. */
function readHeader(file: string): BackupHeader {
  const notBackup = new Invalid('This is not a Galla backup file.');
  const fd = fs.openSync(file, 'r');
  try {
    const start = Buffer.alloc(12);
    if (fs.readSync(fd, start, 0, 12, 0) < 12 || start.subarray(0, 8).toString('latin1') !== BACKUP_MAGIC)
      throw notBackup;
    const length = start.readUInt32BE(8);
    if (length > 64 * 1024) throw notBackup;
    const json = Buffer.alloc(length);
    fs.readSync(fd, json, 0, length, 12);
    const parsed = backupHeaderSchema.safeParse(JSON.parse(json.toString('utf8')));
    if (!parsed.success) throw notBackup;
    return parsed.data;
  } catch (error) {
    throw error instanceof DomainError ? error : notBackup;
  } finally {
    fs.closeSync(fd);
  }
}

function entryOf(row: typeof counterBackups.$inferSelect, counterCode: string): ServerBackupEntry {
  return {
    id: row.id,
    counterId: row.counterId,
    counterCode,
    name: row.name,
    bytes: row.bytes,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
    documents: row.documents,
    headHash: row.headHash,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

export function counterBackupFile(backupDir: string, shopId: string, id: string): string {
  return path.join(backupDir, 'counters', shopId, `${id}.gbak`);
}

async function callerOf(deps: ServerDeps, authorization: string | undefined): Promise<Caller> {
  const caller = await resolveCaller(deps, bearerToken(authorization));
  if (!caller) throw new Unauthorized("Send the counter's device token (or an owner's login) as a bearer token.");
  if (caller.kind === 'user' && caller.role === 'staff')
    throw new Forbidden('Only the owner or a manager may fetch counter backups.');
  return caller;
}

function fail(reply: FastifyReply, error: unknown, deps: ServerDeps): FastifyReply {
  if (error instanceof DomainError)
    return reply
      .code(error instanceof TooLarge ? 413 : HTTP_STATUS[error.code])
      .send({ code: error.code, message: error.message });
  const errorId = logInternalError(deps.log, error, 'counter backup request failed');
  return reply.code(500).send({
    code: 'INTERNAL_SERVER_ERROR',
    message: `The server could not handle this backup request (error id ${errorId}); nothing was saved.`,
    errorId,
  });
}

/** Streams the body to a file beside its final place, counting and hashing; over the cap it stops and removes it. */
async function receive(
  body: NodeJS.ReadableStream,
  target: string,
  maxBytes: number,
): Promise<{ bytes: number; sha256: string }> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) return callback(new TooLarge(`A backup may be at most ${maxBytes} bytes.`));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  await pipeline(body, meter, fs.createWriteStream(target));
  return { bytes, sha256: hash.digest('hex') };
}

export async function registerCounterBackupRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { dir: backupDir, counterKept, counterMaxBytes } = deps.config.operations.backup;
  await app.register(async (scope) => {
    // Only here: the body reaches the handler as a stream, so a large snapshot is never held in memory.
    scope.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

    scope.put<{ Querystring: { name?: string } }>('/backups/counters', async (request, reply) => {
      const partial = path.join(backupDir, 'counters', '.incoming', `${randomUUID()}.partial`);
      try {
        const caller = await callerOf(deps, request.headers.authorization);
        if (caller.kind !== 'device') throw new Forbidden('Only an enrolled counter uploads its backups.');
        const name = request.query.name ?? '';
        if (!BACKUP_NAME.test(name))
          throw new Invalid('The backup needs a name like galla-C1-20261123T210000Z-day_close.gbak.');
        if (!request.body) throw new Invalid('Send the backup file as the request body (application/octet-stream).');
        const received = await receive(request.body as NodeJS.ReadableStream, partial, counterMaxBytes);
        const header = readHeader(partial);
        const id = randomUUID();
        const file = counterBackupFile(backupDir, caller.shopId, id);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const row = await inShop(deps.db, caller.shopId, async (tx) => {
          const [existing] = await tx
            .select()
            .from(counterBackups)
            .where(
              and(
                eq(counterBackups.shopId, caller.shopId),
                eq(counterBackups.counterId, caller.counterId),
                eq(counterBackups.name, name),
              ),
            );
          // A retried upload of the same file is harmless: the first copy stands.
          if (existing) return existing;
          fs.renameSync(partial, file);
          const [inserted] = await tx
            .insert(counterBackups)
            .values({
              shopId: caller.shopId,
              id,
              counterId: caller.counterId,
              name,
              bytes: received.bytes,
              sha256: received.sha256,
              createdAt: new Date(header.createdAt),
              documents: header.documents,
              headHash: header.headHash,
            })
            .returning();
          return inserted!;
        });
        await pruneCounter(deps, caller.shopId, caller.counterId, counterKept);
        return reply.code(201).send(entryOf(row, caller.counterCode));
      } catch (error) {
        return fail(reply, error, deps);
      } finally {
        fs.rmSync(partial, { force: true });
      }
    });

    scope.get('/backups/counters', async (request, reply) => {
      try {
        const caller = await callerOf(deps, request.headers.authorization);
        const rows = await inShop(deps.db, caller.shopId, (tx) =>
          tx
            .select({ backup: counterBackups, counterCode: counters.counterCode })
            .from(counterBackups)
            .innerJoin(counters, eq(counters.id, counterBackups.counterId))
            .where(
              and(
                eq(counterBackups.shopId, caller.shopId),
                ...(caller.kind === 'device' ? [eq(counterBackups.counterId, caller.counterId)] : []),
              ),
            )
            .orderBy(desc(counterBackups.createdAt)),
        );
        return rows.map((row) => entryOf(row.backup, row.counterCode));
      } catch (error) {
        return fail(reply, error, deps);
      }
    });

    scope.get<{ Params: { id: string } }>('/backups/counters/:id', async (request, reply) => {
      try {
        const caller = await callerOf(deps, request.headers.authorization);
        const id = request.params.id;
        if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFound('No such backup.');
        const [row] = await inShop(deps.db, caller.shopId, (tx) =>
          tx
            .select()
            .from(counterBackups)
            .where(and(eq(counterBackups.shopId, caller.shopId), eq(counterBackups.id, id))),
        );
        if (!row || (caller.kind === 'device' && row.counterId !== caller.counterId))
          throw new NotFound('No such backup.');
        const file = counterBackupFile(backupDir, caller.shopId, row.id);
        reply
          .header('content-type', 'application/octet-stream')
          .header('content-length', fs.statSync(file).size)
          .header('x-galla-sha256', row.sha256);
        return reply.send(fs.createReadStream(file));
      } catch (error) {
        return fail(reply, error, deps);
      }
    });
  });
}

/** Keeps a counter's newest snapshots; the counter itself keeps the 7 daily + 4 weekly. */
async function pruneCounter(deps: ServerDeps, shopId: string, counterId: string, kept: number): Promise<void> {
  const removed = await inShop(deps.db, shopId, async (tx) => {
    const rows = await tx
      .select({ id: counterBackups.id })
      .from(counterBackups)
      .where(and(eq(counterBackups.shopId, shopId), eq(counterBackups.counterId, counterId)))
      .orderBy(desc(counterBackups.createdAt), asc(counterBackups.id));
    const old = rows.slice(kept);
    for (const row of old)
      await tx.delete(counterBackups).where(and(eq(counterBackups.shopId, shopId), eq(counterBackups.id, row.id)));
    return old;
  });
  for (const row of removed)
    fs.rmSync(counterBackupFile(deps.config.operations.backup.dir, shopId, row.id), { force: true });
}

/** The newest snapshot per counter, for the monitoring page. */
export async function lastCounterBackups(deps: ServerDeps, shopId: string): Promise<Map<string, Date>> {
  const rows = await inShop(deps.db, shopId, (tx) =>
    tx
      .select({ counterId: counterBackups.counterId, createdAt: counterBackups.createdAt })
      .from(counterBackups)
      .where(eq(counterBackups.shopId, shopId)),
  );
  const newest = new Map<string, Date>();
  for (const row of rows)
    if (!newest.has(row.counterId) || newest.get(row.counterId)! < row.createdAt)
      newest.set(row.counterId, row.createdAt);
  return newest;
}
