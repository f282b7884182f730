// The print worker: recovers interrupted jobs at start, then prints due jobs one at a time, polling for new ones.
import { z } from 'zod';
import type { Ledger } from '../ledger/ledger';
import { claimDueJob, recoverInterruptedJobs } from '../ledger/printing/queue';
import { printClaimedJob, type PrintConfig } from './print-job';

/** Parsed once at start-up, not read from the environment later; defaults suit a counter with a LAN printer. */
export const printConfigSchema = z
  .object({
    connectTimeoutMs: z.number().int().positive().default(3000),
    statusTimeoutMs: z.number().int().positive().default(700),
    ioTimeoutMs: z.number().int().positive().default(10_000),
    lpCommand: z.string().min(1).default('lp'),
    platform: z.string().default('linux'),
    retryBaseMs: z.number().int().positive().default(2000),
    retryMaxMs: z.number().int().positive().default(60_000),
    pollMs: z.number().int().positive().default(1000),
  })
  .strict();

export type PrintWorkerConfig = PrintConfig & { pollMs: number };

export function parsePrintConfig(raw: unknown): PrintWorkerConfig {
  const c = printConfigSchema.parse(raw);
  const transport = {
    connectTimeoutMs: c.connectTimeoutMs,
    statusTimeoutMs: c.statusTimeoutMs,
    ioTimeoutMs: c.ioTimeoutMs,
    lpCommand: c.lpCommand,
    platform: c.platform as NodeJS.Platform,
  };
  // The lease outlives any single attempt, so a job is never claimed twice while its attempt still runs.
  const leaseMs = 2 * (c.connectTimeoutMs + c.statusTimeoutMs + c.ioTimeoutMs);
  return { transport, retryBaseMs: c.retryBaseMs, retryMaxMs: c.retryMaxMs, leaseMs, pollMs: c.pollMs };
}

export interface PrintWorker {
  /** Prints every job due now, one after another; resolves with how many attempts were made. */
  runDue(): Promise<number>;
  /** Look for work now instead of at the next poll (after a sale, a reprint, a test print). */
  wake(): void;
  stop(): Promise<void>;
}

export function startPrintWorker(
  ledger: Ledger,
  config: PrintWorkerConfig,
  options: { poll?: boolean } = {},
): PrintWorker {
  recoverInterruptedJobs(ledger);
  let stopped = false;
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | undefined;

  const drain = async (): Promise<number> => {
    let attempts = 0;
    for (
      let claimed = claimDueJob(ledger, config.leaseMs);
      claimed && !stopped;
      claimed = claimDueJob(ledger, config.leaseMs)
    ) {
      await printClaimedJob(ledger, claimed, config);
      attempts += 1;
    }
    return attempts;
  };
  const runDue = (): Promise<number> => {
    running ??= drain().finally(() => (running = null));
    return running;
  };
  const schedule = (ms: number) => {
    if (stopped || options.poll === false) return;
    clearTimeout(timer);
    timer = setTimeout(() => void runDue().finally(() => schedule(config.pollMs)), ms);
  };
  schedule(0);
  return {
    runDue,
    wake: () => schedule(0),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
