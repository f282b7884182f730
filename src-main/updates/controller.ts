// Runs the update policy over time: checks at start and every few hours, downloads in the background, and installs
// only when src-shared/updates/policy says so (day close, the cashier's say-so, or the next start), never mid-bill.
// A failed check, download, signature or sha512 check, or install leaves the running version in charge and tries again
// later; before installing, the feed is asked again (src-main/updates/updater-port.ts).
import {
  failedAttemptsFor,
  installVerdict,
  nextCheckDelayMs,
  recordInstallAttempt,
  settleInstallAttempt,
  type AttemptOutcome,
  type CheckReason,
  type CounterActivity,
  type HoldReason,
  type InstallAttempt,
  type InstallMoment,
  type InstallVerdict,
  type UpdatePolicyConfig,
} from '../../src-shared/updates/policy';
import type { UpdatePhase, UpdateStatus } from '../../src-shared/updates/status';
import type { UpdaterPort } from './updater-port';

/** Remembers the install being tried across the restart it causes. */
export interface AttemptStore {
  read(): InstallAttempt | null;
  write(attempt: InstallAttempt | null): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface UpdateControllerOptions {
  port: UpdaterPort;
  policy: UpdatePolicyConfig;
  runningVersion: string;
  activity: () => CounterActivity;
  attempts: AttemptStore;
  /** The update prompt: true to restart now, false for "later" (it then installs on the next start). */
  confirm: (version: string) => Promise<boolean>;
  /** How often the shift is looked at, to catch the day's close. */
  shiftPollMs?: number;
  now?: () => Date;
  random?: () => number;
  timers?: Timers;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class UpdateController {
  private phase: UpdatePhase = 'idle';
  private available: string | null = null;
  private downloaded: string | null = null;
  private lastCheckAt: Date | null = null;
  private nextCheckAt: Date | null = null;
  private waitingFor: UpdateStatus['waitingFor'] = null;
  private error: string | null = null;
  private lastInstall: AttemptOutcome = 'none';
  private attempt: InstallAttempt | null = null;
  private promptedFor: string | null = null;
  private startedAt: Date;
  private checkTimer: unknown = null;
  private shiftTimer: unknown = null;
  private shiftWasOpen: boolean | null = null;
  private busy: Promise<void> | null = null;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly timers: Timers;
  private readonly log: NonNullable<UpdateControllerOptions['log']>;

  constructor(private readonly options: UpdateControllerOptions) {
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? realTimers;
    this.log = options.log ?? (() => {});
    this.startedAt = this.now();
  }

  /** Settles the install tried before this start, then schedules the first check and the shift watch. */
  start(): void {
    this.startedAt = this.now();
    const settled = settleInstallAttempt(this.options.attempts.read(), this.options.runningVersion);
    this.attempt = settled.attempt;
    this.lastInstall = settled.outcome;
    if (settled.outcome === 'installed') this.options.attempts.write(null);
    if (settled.outcome === 'failed')
      this.error = `Installing ${settled.attempt?.version} did not work; version ${this.options.runningVersion} carries on.`;
    this.scheduleCheck('start');
    this.watchShift();
  }

  stop(): void {
    this.timers.clearTimeout(this.checkTimer);
    this.timers.clearTimeout(this.shiftTimer);
    this.checkTimer = this.shiftTimer = null;
  }

  status(): UpdateStatus {
    return {
      phase: this.phase,
      runningVersion: this.options.runningVersion,
      availableVersion: this.available,
      lastCheckAt: this.lastCheckAt?.toISOString() ?? null,
      nextCheckAt: this.nextCheckAt?.toISOString() ?? null,
      waitingFor: this.waitingFor,
      error: this.error,
      lastInstall: this.lastInstall,
    };
  }

  /** One check, and the download it may start; concurrent callers share it. */
  checkNow(): Promise<void> {
    this.busy ??= this.checkAndDownload().finally(() => {
      this.busy = null;
    });
    return this.busy;
  }

  /** Asks the policy whether to install now and, if it says yes, does (after the prompt, where a prompt is due). */
  async considerInstall(moment: InstallMoment): Promise<InstallVerdict> {
    const version = this.downloaded;
    const verdict = installVerdict({
      downloaded: version ? { version } : null,
      activity: this.options.activity(),
      moment,
      failedAttempts: version ? failedAttemptsFor(this.attempt, version) : 0,
      config: this.options.policy,
    });
    this.waitingFor = verdict.install ? null : verdict.reason === 'nothing-downloaded' ? null : verdict.reason;
    if (!verdict.install) return verdict;
    if (moment === 'day-close' || moment === 'idle') {
      // Outside the day's close, one prompt per version and run: "Later" means the next start, not another question soon.
      if (moment === 'idle' && this.promptedFor === verdict.version) return this.hold('later');
      this.promptedFor = verdict.version;
      if (!(await this.options.confirm(verdict.version))) return this.hold('later');
      // The prompt took time: the cashier may have started a bill meanwhile.
      const again = installVerdict({
        downloaded: { version: verdict.version },
        activity: this.options.activity(),
        moment: 'cashier',
        failedAttempts: 0,
        config: this.options.policy,
      });
      if (!again.install) return this.hold(again.reason);
    }
    // The feed is asked again first: a release withdrawn since it was downloaded, or no longer signed, never installs.
    try {
      await this.options.port.recheck(verdict.version);
    } catch (error) {
      this.downloaded = null;
      this.phase = 'failed';
      this.waitingFor = null;
      this.error = `${(error as Error).message.split('\n')[0]} Version ${this.options.runningVersion} carries on.`;
      this.log('update not installed', { version: verdict.version, error: this.error });
      return { install: false, reason: 'nothing-downloaded' };
    }
    this.install(verdict.version);
    return verdict;
  }

  private hold(reason: HoldReason): InstallVerdict {
    this.waitingFor = reason;
    return { install: false, reason };
  }

  private install(version: string): void {
    this.attempt = recordInstallAttempt(this.attempt, version);
    this.options.attempts.write(this.attempt);
    this.phase = 'installing';
    this.log('installing update', { version });
    try {
      this.options.port.install();
    } catch (error) {
      this.phase = 'failed';
      this.error = `Could not start the installer for ${version}: ${(error as Error).message}. Version ${this.options.runningVersion} carries on.`;
    }
  }

  private async checkAndDownload(): Promise<void> {
    if (this.phase === 'installing') return;
    this.phase = 'checking';
    this.lastCheckAt = this.now();
    let outcome: CheckReason = 'checked';
    try {
      const offered = await this.options.port.check();
      this.available = offered?.version ?? null;
      if (offered && offered.version !== this.downloaded) {
        this.phase = 'downloading';
        await this.options.port.download();
        this.downloaded = offered.version;
      }
      this.phase = this.downloaded ? 'ready' : 'idle';
      this.error = null;
    } catch (error) {
      // Nothing half-downloaded or unsigned is ever installed: the port refuses a feed without the publisher's
      // signature and deletes a downloaded file that is not the one signed.
      outcome = 'failed';
      this.phase = this.downloaded ? 'ready' : 'failed';
      this.error = `Update check or download failed: ${(error as Error).message.split('\n')[0]}. Version ${this.options.runningVersion} carries on.`;
      this.log('update failed', { error: this.error });
    }
    this.scheduleCheck(outcome);
    if (this.downloaded) await this.considerInstall(this.withinStartWindow() ? 'start' : 'idle');
  }

  private withinStartWindow(): boolean {
    return this.now().getTime() - this.startedAt.getTime() <= this.options.policy.startWindowSeconds * 1000;
  }

  private scheduleCheck(after: CheckReason): void {
    this.timers.clearTimeout(this.checkTimer);
    const delay = nextCheckDelayMs(this.options.policy, after, this.random);
    this.nextCheckAt = new Date(this.now().getTime() + delay);
    this.checkTimer = this.timers.setTimeout(() => void this.checkNow(), delay);
  }

  /** A shift that was open and is now closed is the day's close: the moment a ready update installs. */
  private watchShift(): void {
    const look = async () => {
      const open = this.options.activity().shiftOpen;
      const closedNow = this.shiftWasOpen === true && !open;
      this.shiftWasOpen = open;
      if (closedNow && this.downloaded) await this.considerInstall('day-close');
      this.shiftTimer = this.timers.setTimeout(() => void look(), this.options.shiftPollMs ?? 15_000);
    };
    void look();
  }
}
