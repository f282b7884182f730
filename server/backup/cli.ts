// `npm run server:backup` (dump now, with retention) and `npm run server:restore -- --file F --into-url URL | --into-dir DIR`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, parseConfig } from '../config';
import { openDatabase } from '../db/connection';
import { DomainError } from '../../src-shared/errors';
import { dumpServer, dumpSource, listServerDumps, pruneServerDumps, restoreServer, type RestoreTarget } from './dump';

const USAGE = `usage:
  npm run server:backup                       dump the configured database into the backup folder (PGlite: stop the server first)
  npm run server:restore -- --file FILE --into-url postgres://…/new_db   restore a .pgdump into a new database
  npm run server:restore -- --file FILE --into-dir FOLDER                restore a PGlite tarball into a new data folder
  npm run server:restore -- --list                                        list the backups in the backup folder`;

async function backup(): Promise<void> {
  const config = parseConfig(process.env);
  const database = await openDatabase(config.database);
  try {
    const dump = await dumpServer(
      dumpSource(database, config.database.kind === 'postgres' ? config.database.url : null),
      config.operations.backup.dir,
      new Date(),
    );
    const removed = pruneServerDumps(config.operations.backup.dir, config.operations.backup.keepDaily);
    console.log(
      `backup written: ${dump.file} (${dump.bytes} bytes, sha256 ${dump.sha256})${removed.length ? `; ${removed.length} old backup(s) removed` : ''}`,
    );
  } finally {
    await database.close();
  }
}

async function restore(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      file: { type: 'string' },
      'into-url': { type: 'string' },
      'into-dir': { type: 'string' },
      list: { type: 'boolean' },
    },
  });
  if (values.list) {
    for (const dump of listServerDumps(parseConfig(process.env).operations.backup.dir))
      console.log(
        `${dump.createdAt.toISOString()}  ${dump.kind.padEnd(8)}  ${String(dump.bytes).padStart(12)}  ${dump.file}`,
      );
    return;
  }
  if (!values.file || Boolean(values['into-url']) === Boolean(values['into-dir'])) throw new UsageError(USAGE);
  const target: RestoreTarget = values['into-url']
    ? { kind: 'postgres', url: values['into-url'] }
    : { kind: 'pglite', dataDir: path.resolve(values['into-dir']!) };
  await restoreServer(path.resolve(values.file), target);
  const next =
    target.kind === 'postgres'
      ? 'set DATABASE_URL to it'
      : "use it as the server's PGlite folder (GALLA_DATA_DIR/pglite)";
  console.log(
    `restored ${values.file} into ${target.kind === 'postgres' ? target.url.replace(/\/\/[^@/]*@/, '//…@') : target.dataDir}; ${next} and start the server.`,
  );
}

class UsageError extends Error {}

const [command, ...rest] = process.argv.slice(2);
(command === 'backup' ? backup() : command === 'restore' ? restore(rest) : Promise.reject(new UsageError(USAGE))).catch(
  (error: unknown) => {
    const known = error instanceof DomainError || error instanceof ConfigError || error instanceof UsageError;
    console.error(known ? (error as Error).message : error);
    process.exit(known && error instanceof UsageError ? 2 : 1);
  },
);
