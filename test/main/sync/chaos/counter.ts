// A counter as its own process for the chaos test: works through its plan on a real SQLite file while syncing in the
// background, so the test can SIGKILL it mid-push and start it again on the same file.
import { openLedger, type Actor, type Ledger } from '../../../../src-main/ledger/ledger';
import { resolveActor } from '../../../../src-main/ledger/staff/service';
import { finalizeSale, getInvoice } from '../../../../src-main/ledger/sales/service';
import { createReturn } from '../../../../src-main/ledger/returns/service';
import { receivePayment } from '../../../../src-main/ledger/khata/service';
import { invoices } from '../../../../src-main/ledger/sales/schema';
import { creditNotes } from '../../../../src-main/ledger/returns/schema';
import { receipts } from '../../../../src-main/ledger/khata/schema';
import { SyncEngine } from '../../../../src-main/sync/engine';
import { createRemote } from '../../../../src-main/sync/remote';
import { readSyncState } from '../../../../src-main/sync/state';
import { syncStatus } from '../../../../src-main/sync/status';
import { eq } from 'drizzle-orm';
import { planFor, type PlannedOp } from './plan';
import { seeded } from './random';

export interface CounterArgs {
  file: string;
  proxyUrl: string;
  seed: number;
  ops: number;
  itemIds: string[];
  itemPrices: number[];
  partyIds: string[];
  cashierId: string;
  managerId: string;
}

const args = JSON.parse(process.argv[2]!) as CounterArgs;
const send = (message: object) => process.send?.(message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function done(ledger: Ledger, op: PlannedOp): boolean {
  const table = op.kind === 'sale' ? invoices : op.kind === 'return' ? creditNotes : receipts;
  return ledger.db.select({ id: table.id }).from(table).where(eq(table.id, op.id)).get() !== undefined;
}

function perform(ledger: Ledger, plan: PlannedOp[], index: number, cashier: Actor, manager: Actor): void {
  const op = plan[index]!;
  if (op.kind === 'sale') {
    const totalish = args.itemPrices[op.item]! * op.qty;
    const khata = op.party === null ? 0 : Math.floor((totalish * op.khataShare) / 100);
    const payments = [
      ...(khata > 0 ? [{ mode: 'khata' as const, amountPaise: khata, reference: '' }] : []),
      { mode: 'cash' as const, amountPaise: totalish * 2, reference: '' },
    ];
    finalizeSale(ledger, cashier, {
      deliveryAddress: '',
      id: op.id,
      lines: [{ itemId: args.itemIds[op.item]!, qtyMilli: op.qty * 1000, discount: null }],
      partyId: op.party === null ? null : args.partyIds[op.party]!,
      billDiscount: null,
      payments,
      heldBillId: null,
    });
    return;
  }
  if (op.kind === 'payment') {
    receivePayment(ledger, cashier, {
      id: op.id,
      partyId: args.partyIds[op.party]!,
      amountPaise: op.amountPaise,
      mode: op.mode,
      reference: '',
      // The plan pays random amounts: more than the due is an advance the counter confirmed.
      asAdvance: true,
    });
    return;
  }
  const sales = plan.slice(0, index).filter((earlier) => earlier.kind === 'sale');
  const sale = sales.length ? sales[op.ofOp % sales.length]! : null;
  if (!sale) return;
  const sold = getInvoice(ledger, sale.id);
  const line = sold.lines[0]!;
  if (line.qtyMilli - line.returnedQtyMilli < 1000) return;
  createReturn(ledger, manager, {
    id: op.id,
    invoiceId: sale.id,
    lines: [{ invoiceLineId: line.id, qtyMilli: 1000 }],
    refundMode: sold.invoice.partyId ? 'khata' : 'cash',
    reason: 'chaos test return',
  });
}

async function main(): Promise<void> {
  const ledger = openLedger({ file: args.file });
  const enrolment = readSyncState(ledger, 'enrolment')!;
  const remote = createRemote({ serverUrl: args.proxyUrl, deviceToken: enrolment.deviceToken, timeoutMs: 1_500 });
  const watched = {
    ...remote,
    push: (input: Parameters<typeof remote.push>[0]) => (
      send({ type: 'pushing', ops: input.ops.length }),
      remote.push(input)
    ),
  };
  const engine = new SyncEngine({
    ledger,
    remote: watched,
    idleMs: 40,
    retry: { baseMs: 20, capMs: 400 },
    batchSize: 25,
  });
  const cashier = resolveActor(ledger, args.cashierId);
  const manager = resolveActor(ledger, args.managerId);
  const plan = planFor(args.seed, args.ops, args.partyIds.length, args.itemIds.length);
  // The pauses between ops come from the counter's seed too, so a replayed run paces its work the same way.
  const pause = seeded(args.seed);

  engine.start();
  for (let index = 0; index < plan.length; index += 1) {
    if (!done(ledger, plan[index]!)) perform(ledger, plan, index, cashier, manager);
    engine.wake();
    await sleep(Math.floor(pause() * 50));
  }
  send({ type: 'worked' });

  process.on('message', async (message: { type: string }) => {
    if (message.type === 'flush') {
      await engine.stop();
      await syncUntilEmpty(engine, ledger);
      send({ type: 'flushed' });
    }
    if (message.type === 'converge') {
      await syncUntilEmpty(engine, ledger);
      ledger.close();
      send({ type: 'converged' });
      process.exit(0);
    }
  });
}

async function syncUntilEmpty(engine: SyncEngine, ledger: Ledger): Promise<void> {
  for (;;) {
    try {
      const report = await engine.syncNow();
      if (syncStatus(ledger).pendingOps === 0 && report.pull.caughtUp) return;
    } catch {
      await sleep(50);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
