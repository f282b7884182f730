// When the counter looks for an update and when it may install one: never during a bill, a print or a transaction;
// at day close (the shift just closed), when the cashier asks, or on the next start. Pure: the clock and dice come in.
import { z } from 'zod';

export const updatePolicyConfig = z.object({
  checkEveryHours: z.number().positive().max(168).default(4),
  /** Spread so that every counter of every shop does not ask the server in the same minute. */
  jitterMinutes: z.number().min(0).max(240).default(30),
  firstCheckAfterSeconds: z.number().min(0).max(3600).default(20),
  retryAfterFailureMinutes: z
    .number()
    .positive()
    .max(24 * 60)
    .default(30),
  /** A version whose install did not take this many times is not installed again by itself (the cashier still can). */
  maxInstallAttempts: z.number().int().min(1).max(10).default(3),
  /** How long after launch a downloaded update still counts as "installs on the next start". */
  startWindowSeconds: z.number().min(0).max(3600).default(120),
});

export type UpdatePolicyConfig = z.infer<typeof updatePolicyConfig>;

export const DEFAULT_UPDATE_POLICY: UpdatePolicyConfig = updatePolicyConfig.parse({});

export type CheckReason = 'start' | 'checked' | 'failed';

/** Milliseconds until the next look: soon after start, then every N hours ± jitter, sooner again after a failure. */
export function nextCheckDelayMs(config: UpdatePolicyConfig, after: CheckReason, random: () => number): number {
  if (after === 'start') return Math.round(config.firstCheckAfterSeconds * 1000 * (1 + random()));
  const jitterMs = config.jitterMinutes * 60_000 * (2 * random() - 1);
  if (after === 'failed') return Math.round(config.retryAfterFailureMinutes * 60_000 + Math.abs(jitterMs) / 4);
  return Math.max(60_000, Math.round(config.checkEveryHours * 3_600_000 + jitterMs));
}

/** What the counter is doing right now, as far as an install is concerned. */
export interface CounterActivity {
  /** A bill with lines is on the billing screen (reported by the renderer). */
  billOpen: boolean;
  /** Ledger calls still running; finalising a bill is one of them. */
  callsInFlight: number;
  /** Receipts being sent to a printer at this moment. */
  printsInFlight: number;
  /** A cash session (shift) is open. */
  shiftOpen: boolean;
}

/**
 * start: the app has just started with an update downloaded earlier; day-close: the shift was just closed;
 * cashier: someone pressed "Restart and update"; idle: a routine look (a download finished, a timer fired).
 */
export type InstallMoment = 'start' | 'day-close' | 'cashier' | 'idle';

/** later: the prompt was answered "Later", so the update waits for the next start. */
export type HoldReason =
  | 'nothing-downloaded'
  | 'bill-open'
  | 'transaction-in-flight'
  | 'print-in-flight'
  | 'shift-open'
  | 'gave-up-on-version'
  | 'later';

export type InstallVerdict = { install: true; version: string } | { install: false; reason: HoldReason };

export interface InstallQuestion {
  downloaded: { version: string } | null;
  activity: CounterActivity;
  moment: InstallMoment;
  /** Earlier installs of this same version that did not take. */
  failedAttempts: number;
  config: UpdatePolicyConfig;
}

export function installVerdict({
  downloaded,
  activity,
  moment,
  failedAttempts,
  config,
}: InstallQuestion): InstallVerdict {
  if (!downloaded) return { install: false, reason: 'nothing-downloaded' };
  // A person asking overrides the give-up rule, never the busy rules below.
  if (failedAttempts >= config.maxInstallAttempts && moment !== 'cashier')
    return { install: false, reason: 'gave-up-on-version' };
  if (activity.billOpen) return { install: false, reason: 'bill-open' };
  if (activity.callsInFlight > 0) return { install: false, reason: 'transaction-in-flight' };
  if (activity.printsInFlight > 0) return { install: false, reason: 'print-in-flight' };
  // During a shift only a person restarts the till; the day's close or the next start does it otherwise.
  if (moment === 'idle' && activity.shiftOpen) return { install: false, reason: 'shift-open' };
  return { install: true, version: downloaded.version };
}

/** Remembered across restarts: the version we last tried to install and how many times. */
export interface InstallAttempt {
  version: string;
  attempts: number;
}

export type AttemptOutcome = 'none' | 'installed' | 'failed';

/** At start: if the running version is the one we tried, the install took; otherwise it failed and the old one runs on. */
export function settleInstallAttempt(
  attempt: InstallAttempt | null,
  runningVersion: string,
): { attempt: InstallAttempt | null; outcome: AttemptOutcome } {
  if (!attempt) return { attempt: null, outcome: 'none' };
  if (attempt.version === runningVersion) return { attempt: null, outcome: 'installed' };
  return { attempt, outcome: 'failed' };
}

export function recordInstallAttempt(attempt: InstallAttempt | null, version: string): InstallAttempt {
  return { version, attempts: attempt?.version === version ? attempt.attempts + 1 : 1 };
}

export function failedAttemptsFor(attempt: InstallAttempt | null, version: string): number {
  return attempt?.version === version ? attempt.attempts : 0;
}
