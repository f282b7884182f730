// The update policy: when the counter looks for an update, and when it may install one (never during a bill).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_UPDATE_POLICY as policy,
  failedAttemptsFor,
  installVerdict,
  nextCheckDelayMs,
  recordInstallAttempt,
  settleInstallAttempt,
  type CounterActivity,
  type InstallMoment,
} from '../../../src-shared/updates/policy';

const HOUR = 3_600_000;
const quiet: CounterActivity = { billOpen: false, callsInFlight: 0, printsInFlight: 0, shiftOpen: false };
const ready = { version: '0.2.0' };
const MOMENTS: InstallMoment[] = ['start', 'day-close', 'cashier', 'idle'];

describe('when to check', () => {
  it('looks soon after start: between 20 and 40 seconds by default', () => {
    expect(nextCheckDelayMs(policy, 'start', () => 0)).toBe(20_000);
    expect(nextCheckDelayMs(policy, 'start', () => 0.999)).toBeLessThanOrEqual(40_000);
  });

  it('then every 4 hours, spread by up to ±30 minutes so counters do not all ask at once', () => {
    expect(nextCheckDelayMs(policy, 'checked', () => 0.5)).toBe(4 * HOUR);
    expect(nextCheckDelayMs(policy, 'checked', () => 0)).toBe(3.5 * HOUR);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (dice) => {
        const delay = nextCheckDelayMs(policy, 'checked', () => dice);
        return delay >= 3.5 * HOUR && delay <= 4.5 * HOUR;
      }),
    );
  });

  it('after a failed check or download tries again in about half an hour, not four hours', () => {
    const delay = nextCheckDelayMs(policy, 'failed', () => 1);
    expect(delay).toBeGreaterThanOrEqual(30 * 60_000);
    expect(delay).toBeLessThan(HOUR);
  });

  it('honours a configured interval', () => {
    expect(nextCheckDelayMs({ ...policy, checkEveryHours: 12, jitterMinutes: 0 }, 'checked', Math.random)).toBe(
      12 * HOUR,
    );
  });
});

describe('when to install', () => {
  it('installs nothing when nothing is downloaded', () => {
    for (const moment of MOMENTS)
      expect(installVerdict({ downloaded: null, activity: quiet, moment, failedAttempts: 0, config: policy })).toEqual({
        install: false,
        reason: 'nothing-downloaded',
      });
  });

  it('never while a bill is open, a transaction runs or a receipt prints: not even when the cashier asks', () => {
    const busy: [Partial<CounterActivity>, string][] = [
      [{ billOpen: true }, 'bill-open'],
      [{ callsInFlight: 1 }, 'transaction-in-flight'],
      [{ printsInFlight: 2 }, 'print-in-flight'],
    ];
    for (const moment of MOMENTS) {
      for (const [activity, reason] of busy) {
        expect(
          installVerdict({
            downloaded: ready,
            activity: { ...quiet, ...activity },
            moment,
            failedAttempts: 0,
            config: policy,
          }),
        ).toEqual({ install: false, reason });
      }
    }
  });

  it('a routine look during an open shift waits for the day to close', () => {
    expect(
      installVerdict({
        downloaded: ready,
        activity: { ...quiet, shiftOpen: true },
        moment: 'idle',
        failedAttempts: 0,
        config: policy,
      }),
    ).toEqual({ install: false, reason: 'shift-open' });
  });

  it('installs at day close, on the next start, or when the cashier asks, with nothing in progress', () => {
    for (const moment of ['day-close', 'start', 'cashier'] as const) {
      expect(installVerdict({ downloaded: ready, activity: quiet, moment, failedAttempts: 0, config: policy })).toEqual(
        { install: true, version: '0.2.0' },
      );
    }
    // The next start may find yesterday's shift still open: no bill is on screen yet, so it installs.
    expect(
      installVerdict({
        downloaded: ready,
        activity: { ...quiet, shiftOpen: true },
        moment: 'start',
        failedAttempts: 0,
        config: policy,
      }).install,
    ).toBe(true);
  });

  it('whatever the activity, an install happens only with no bill, no call and no print in flight', () => {
    const activity = fc.record({
      billOpen: fc.boolean(),
      callsInFlight: fc.nat(3),
      printsInFlight: fc.nat(3),
      shiftOpen: fc.boolean(),
    });
    fc.assert(
      fc.property(activity, fc.constantFrom(...MOMENTS), fc.nat(5), (now, moment, failedAttempts) => {
        const verdict = installVerdict({ downloaded: ready, activity: now, moment, failedAttempts, config: policy });
        if (verdict.install) return !now.billOpen && now.callsInFlight === 0 && now.printsInFlight === 0;
        return true;
      }),
    );
  });

  it('gives up installing a version by itself after 3 failed tries; the cashier can still ask', () => {
    expect(
      installVerdict({ downloaded: ready, activity: quiet, moment: 'start', failedAttempts: 3, config: policy }),
    ).toEqual({ install: false, reason: 'gave-up-on-version' });
    expect(
      installVerdict({ downloaded: ready, activity: quiet, moment: 'cashier', failedAttempts: 3, config: policy })
        .install,
    ).toBe(true);
  });
});

describe('a failed install keeps the running version and is remembered', () => {
  it('an install that took is cleared at the next start', () => {
    expect(settleInstallAttempt({ version: '0.2.0', attempts: 1 }, '0.2.0')).toEqual({
      attempt: null,
      outcome: 'installed',
    });
  });

  it('an install that did not take is counted, per version', () => {
    const first = recordInstallAttempt(null, '0.2.0');
    const settled = settleInstallAttempt(first, '0.1.0');
    expect(settled.outcome).toBe('failed');
    const second = recordInstallAttempt(settled.attempt, '0.2.0');
    expect(failedAttemptsFor(second, '0.2.0')).toBe(2);
    expect(failedAttemptsFor(second, '0.3.0')).toBe(0);
    expect(recordInstallAttempt(second, '0.3.0')).toEqual({ version: '0.3.0', attempts: 1 });
  });

  it('nothing tried, nothing to settle', () => {
    expect(settleInstallAttempt(null, '0.1.0')).toEqual({ attempt: null, outcome: 'none' });
  });
});
