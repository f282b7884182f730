// Runs sync in the background: push the outbox, then pull others' changes; on failure back off with jitter and try again.
import { retryDelayMs } from '../../src-shared/sync/timing';
import { type Ledger, nowIso } from '../ledger/ledger';
import { createRemote, isPermanentRefusal, refusalReason, type SyncRemote } from './remote';
import { pullAll, resyncFromStart, type PullRun } from './pull';
import { pushAll } from './push';
import { readSyncState, updateProgress } from './state';
import { Conflict } from '../../src-shared/errors';

export interface SyncEngineOptions {
  ledger: Ledger;
  /** Defaults to the server this counter was enrolled with. */
  remote?: SyncRemote;
  /** Pause between successful runs; a wake() (say after a sale) cuts it short. */
  idleMs?: number;
  retry?: { baseMs?: number; capMs?: number };
  random?: () => number;
  batchSize?: number;
  appVersion?: string;
  requestTimeoutMs?: number;
  onStateChange?: (state: EngineState) => void;
}

export interface RunReport {
  pushed: number;
  pull: PullRun;
}

export type EngineState = {
  phase: 'idle' | 'pushing' | 'pulling' | 'waiting' | 'stopped' | 'held' | 'refused';
  detail?: string;
};

export class SyncEngine {
  private running = false;
  private current: Promise<RunReport> | null = null;
  private wakeUp: (() => void) | null = null;
  /** A wake that came while a run was under way: what it announced may have missed that run's push, so run again. */
  private wokenDuringRun = false;
  private loop: Promise<void> | null = null;
  private failures = 0;
  private readonly remote: SyncRemote;

  constructor(private readonly options: SyncEngineOptions) {
    this.remote = options.remote ?? remoteFromEnrolment(options.ledger, options.requestTimeoutMs);
  }

  /** One push-then-pull run; concurrent callers share the run in progress. */
  syncNow(): Promise<RunReport> {
    this.current ??= this.run().finally(() => {
      this.current = null;
    });
    return this.current;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.background();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.setState({ phase: 'stopped' });
  }

  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.wokenDuringRun = true;
  }

  private async run(): Promise<RunReport> {
    const { ledger } = this.options;
    this.setState({ phase: 'pushing' });
    const { sent } = await pushAll(ledger, this.remote, {
      batchSize: this.options.batchSize,
      appVersion: this.options.appVersion,
    });
    // Pull only with an empty outbox: a pending local edit is then always later in server order than what we pull.
    this.setState({ phase: 'pulling' });
    const pull = await pullAll(ledger, this.remote).catch(async (error: unknown) => {
      if (refusalReason(error) !== 'SYNC_CURSOR_AHEAD') throw error;
      // The server forgot what this counter last pulled: send it back what it lacks, then pull again from the start.
      resyncFromStart(ledger, messageOf(error));
      this.setState({ phase: 'pushing' });
      await pushAll(ledger, this.remote, { batchSize: this.options.batchSize, appVersion: this.options.appVersion });
      this.setState({ phase: 'pulling' });
      return pullAll(ledger, this.remote);
    });
    updateProgress(ledger, {
      lastSuccessAt: nowIso(ledger),
      lastError: null,
      lastErrorCode: null,
      failures: 0,
      nextAttemptAt: null,
    });
    this.setState({ phase: pull.held ? 'held' : 'idle' });
    return { pushed: sent, pull };
  }

  private async background(): Promise<void> {
    const { ledger } = this.options;
    while (this.running) {
      let waitMs = this.options.idleMs ?? 30_000;
      this.wokenDuringRun = false;
      try {
        await this.syncNow();
        this.failures = 0;
        if (this.wokenDuringRun) continue;
      } catch (error) {
        if (isPermanentRefusal(error)) {
          this.recordFailure(error, null);
          this.setState({ phase: 'refused', detail: messageOf(error) });
          this.running = false;
          return;
        }
        this.failures += 1;
        waitMs = retryDelayMs(this.failures, this.options.random ?? Math.random, this.options.retry);
        this.recordFailure(error, new Date(ledger.clock().getTime() + waitMs).toISOString());
      }
      if (!this.running) return;
      this.setState({ phase: 'waiting' });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  private recordFailure(error: unknown, nextAttemptAt: string | null): void {
    const { ledger } = this.options;
    try {
      updateProgress(ledger, {
        lastError: messageOf(error),
        lastErrorCode: refusalReason(error),
        lastErrorAt: nowIso(ledger),
        failures: this.failures,
        nextAttemptAt,
      });
    } catch {
      // The ledger itself is unwritable (closing): the next run will record its own outcome.
    }
  }

  private setState(state: EngineState): void {
    this.options.onStateChange?.(state);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function remoteFromEnrolment(ledger: Ledger, timeoutMs: number | undefined): SyncRemote {
  const enrolment = readSyncState(ledger, 'enrolment');
  if (!enrolment) throw new Conflict({ key: 'counterNotEnrolled' });
  return createRemote({ serverUrl: enrolment.serverUrl, deviceToken: enrolment.deviceToken, timeoutMs });
}
