// Counter backups: snapshot the live ledger, encrypt it into the backups folder, keep 7 daily + 4 weekly, upload to the server.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { applyRetention, type RetentionPolicy } from '../../src-shared/backup/retention';
import type { Ledger } from '../ledger/ledger';
import { getCounter, getShop } from '../ledger/settings/service';
import { encryptFile, readBackupHeader, type BackupHeader } from './crypto';
import { requireBackupKey } from './key';
import { ProgressTracker } from './progress';
import type { BackupRemote } from './remote';
import { snapshotLedger } from './snapshot';

export const COUNTER_RETENTION: RetentionPolicy = { daily: 7, weekly: 4 };
export const BACKUP_EXTENSION = '.gbak';

export interface BackupEntry {
  name: string;
  file: string;
  bytes: number;
  createdAt: string;
  reason: BackupHeader['reason'];
  documents: number;
  headHash: string;
  uploaded: boolean;
}

export interface CounterBackupsOptions {
  ledger: Ledger;
  /** Defaults to "backups" beside the ledger file. */
  dir?: string;
  policy?: RetentionPolicy;
  /** The server's backup store, when the counter is enrolled; null keeps backups local only. */
  remote?: () => BackupRemote | null;
  /** Pages copied between turns of the event loop; bills wait at most one step. */
  pagesPerStep?: number;
}

const uploadedLog = z.array(z.string());

export class CounterBackups {
  readonly dir: string;
  readonly progress: ProgressTracker;
  private running: Promise<BackupEntry> | null = null;
  lastError: { message: string; at: string } | null = null;

  constructor(private readonly options: CounterBackupsOptions) {
    this.dir = options.dir ?? path.join(path.dirname(options.ledger.file), 'backups');
    this.progress = new ProgressTracker(options.ledger.clock);
  }

  /** One backup at a time: a second caller (schedule and day close at once) shares the one running. */
  backupNow(reason: BackupHeader['reason']): Promise<BackupEntry> {
    this.running ??= this.run(reason).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  list(): BackupEntry[] {
    if (!fs.existsSync(this.dir)) return [];
    const uploaded = new Set(this.readUploaded());
    const entries: BackupEntry[] = [];
    for (const name of fs.readdirSync(this.dir).filter((file) => file.endsWith(BACKUP_EXTENSION))) {
      const file = path.join(this.dir, name);
      try {
        const { header } = readBackupHeader(file);
        entries.push({
          name,
          file,
          bytes: fs.statSync(file).size,
          createdAt: header.createdAt,
          reason: header.reason,
          documents: header.documents,
          headHash: header.headHash,
          uploaded: uploaded.has(name),
        });
      } catch {
        // A half-written or foreign file is not a backup; it is left alone and not listed.
      }
    }
    return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  lastBackupAt(): string | null {
    return this.list()[0]?.createdAt ?? null;
  }

  private async run(reason: BackupHeader['reason']): Promise<BackupEntry> {
    const { ledger } = this.options;
    const key = requireBackupKey(ledger);
    fs.mkdirSync(this.dir, { recursive: true });
    this.progress.start('backup');
    const at = ledger.clock();
    const counterCode = getCounter(ledger).counterId;
    const name = `galla-${counterCode}-${at
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')}-${reason}${BACKUP_EXTENSION}`;
    const plain = path.join(this.dir, `.${name}.sqlite.partial`);
    const partial = path.join(this.dir, `.${name}.partial`);
    try {
      const facts = await snapshotLedger(ledger, plain, {
        pagesPerStep: this.options.pagesPerStep,
        onPages: (done, total) => this.progress.step('copying', done, total),
      });
      await encryptFile(
        plain,
        partial,
        key,
        { ...facts, createdAt: at.toISOString(), reason, counterCode, shopName: getShop(ledger)?.name ?? null },
        (done, total) => this.progress.step('encrypting', done, total),
      );
      // Renamed only when whole, so a crash mid-way never leaves a file that looks like a backup.
      fs.renameSync(partial, path.join(this.dir, name));
      this.prune();
      await this.uploadPending();
      this.progress.finish(
        'done',
        this.lastError ? `Saved on this PC; upload failed: ${this.lastError.message}` : null,
      );
      return this.list().find((entry) => entry.name === name)!;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.lastError = { message, at: ledger.clock().toISOString() };
      this.progress.finish('failed', message);
      throw error;
    } finally {
      fs.rmSync(plain, { force: true });
      fs.rmSync(`${plain}-journal`, { force: true });
      fs.rmSync(partial, { force: true });
    }
  }

  /** Retention: 7 daily and 4 weekly by default; files the policy drops are deleted. */
  prune(): string[] {
    const entries = this.list();
    const { remove } = applyRetention(
      entries.map((entry) => ({ ...entry, createdAt: new Date(entry.createdAt) })),
      this.options.policy ?? COUNTER_RETENTION,
    );
    for (const entry of remove) fs.rmSync(entry.file, { force: true });
    const removed = new Set(remove.map((entry) => entry.name));
    this.writeUploaded(this.readUploaded().filter((name) => !removed.has(name)));
    return [...removed];
  }

  /** Uploads every kept backup the server does not have yet; a failure is remembered and retried next time. */
  private async uploadPending(): Promise<void> {
    const remote = this.options.remote?.();
    this.lastError = null;
    if (!remote) return;
    const pending = this.list()
      .filter((entry) => !entry.uploaded)
      .reverse();
    for (const [index, entry] of pending.entries()) {
      this.progress.step('uploading', index, pending.length);
      try {
        await remote.upload(entry.file, entry.name);
        this.writeUploaded([...this.readUploaded(), entry.name]);
      } catch (error) {
        this.lastError = {
          message: error instanceof Error ? error.message : String(error),
          at: this.options.ledger.clock().toISOString(),
        };
        return;
      }
    }
  }

  private readUploaded(): string[] {
    try {
      return uploadedLog.parse(JSON.parse(fs.readFileSync(path.join(this.dir, 'uploaded.json'), 'utf8')));
    } catch {
      return [];
    }
  }

  private writeUploaded(names: string[]): void {
    fs.mkdirSync(this.dir, { recursive: true });
    fs.writeFileSync(path.join(this.dir, 'uploaded.json'), JSON.stringify([...new Set(names)]));
  }
}
