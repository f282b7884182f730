// Pure timing rules of sync: retry delays with full jitter, and when a counter's clock counts as drifted.
export const RETRY_BASE_MS = 1_000;
export const RETRY_CAP_MS = 5 * 60_000;
/** Beyond this the counter shows a warning; sync never fails for it, because ordering is the server's. */
export const CLOCK_DRIFT_WARNING_MS = 5 * 60_000;

/**
 * "Full jitter" exponential back-off (AWS architecture blog): a random delay in [0, min(cap, base·2^attempt)),
 * so counters that lost the server together do not come back together.
 */
export function retryDelayMs(
  attempt: number,
  random: () => number,
  options: { baseMs?: number; capMs?: number } = {},
): number {
  const ceiling = Math.min(
    options.capMs ?? RETRY_CAP_MS,
    (options.baseMs ?? RETRY_BASE_MS) * 2 ** Math.min(attempt, 30),
  );
  return Math.floor(random() * ceiling);
}

export function isClockDrifted(skewMs: number): boolean {
  return Math.abs(skewMs) > CLOCK_DRIFT_WARNING_MS;
}

/** Mass-deletion fail-safe: a pull that would retire most of a counter's items or parties waits for a person to confirm. */
export const MASS_CHANGE_MIN_RECORDS = 10;
export function isMassRemoval(removing: number, activeBefore: number): boolean {
  return removing >= MASS_CHANGE_MIN_RECORDS && removing * 2 > activeBefore;
}
