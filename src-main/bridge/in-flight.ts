// Counts calls still running, so a quitting app can let the current transaction finish before it closes the ledger.

export interface InFlight {
  readonly count: number;
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves true when nothing is running any more, false if `timeoutMs` passes first. */
  drained(timeoutMs: number): Promise<boolean>;
}

export function createInFlight(): InFlight {
  let count = 0;
  let waiters: (() => void)[] = [];
  const settle = () => {
    count -= 1;
    if (count > 0) return;
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
  };
  return {
    get count() {
      return count;
    },
    track(work) {
      count += 1;
      return work.finally(settle);
    },
    drained(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}
