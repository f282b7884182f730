// What the counter is doing, read for the update policy: the shift from the ledger, prints being sent, ledger calls
// in flight, and whether the billing screen holds a bill (the renderer says so through the update router).
import type { CounterActivity } from '../../src-shared/updates/policy';
import type { Ledger } from '../ledger/ledger';
import { currentSession } from '../ledger/cash-sessions/service';
import { listPrintJobs } from '../ledger/printing/queue';

export interface ActivitySources {
  ledger: Ledger;
  callsInFlight: () => number;
  billOpen: () => boolean;
}

export function counterActivity({ ledger, callsInFlight, billOpen }: ActivitySources): CounterActivity {
  return {
    billOpen: billOpen(),
    callsInFlight: callsInFlight(),
    printsInFlight: listPrintJobs(ledger, { status: 'printing', limit: 1 }).length,
    shiftOpen: currentSession(ledger) !== null,
  };
}
