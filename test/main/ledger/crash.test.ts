// Power cut at any moment: a process finalising bills is SIGKILLed at random times; every bill whose finalise returned is there,
// and the ledger opens with integrity ok, invariants true and the hash chain intact.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkLedgerInvariants } from '../../../src-main/ledger/journal/invariants';
import { itemInput, shopWithStaff } from '../../support/ledger';

const KILLS = Number(process.env.GALLA_CRASH_KILLS ?? 50);
const CHILD = new URL('./fixtures/finalise-loop.ts', import.meta.url).pathname;

/** Runs the child until it has confirmed some bills, kills it with SIGKILL after a random delay, returns the confirmed ids. */
function runAndKill(args: string[], delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const confirmed: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), delayMs);
        else if (line) confirmed.push(line);
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(confirmed) : reject(new Error(`child ended without being killed: ${stderr}`)),
    );
  });
}

describe('crash safety', () => {
  it(`loses no finalised bill across ${KILLS} SIGKILLs at random moments`, async () => {
    const shop = await shopWithStaff();
    try {
      // Loose goods by weight: the bills' odd milli-quantities (1.001 kg…) are what a scale would give.
      const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 5_900, unit: 'kg' }));
      const party = await shop.cashier.parties.create({ name: 'Crash test customer' });
      shop.t.ledger.close();
      const args = [shop.t.file, shop.ids.cashier, item.id, party.id];
      const confirmed: string[] = [];
      for (let kill = 0; kill < KILLS; kill += 1) {
        confirmed.push(...(await runAndKill(args, 20 + Math.floor(Math.random() * 200))));
      }
      expect(confirmed.length).toBeGreaterThan(KILLS);

      const { openLedger } = await import('../../../src-main/ledger/ledger');
      const ledger = openLedger({ file: shop.t.file });
      try {
        const stored = new Set(
          ledger.sqlite.prepare('SELECT id FROM invoices UNION ALL SELECT id FROM receipts').pluck().all() as string[],
        );
        const lost = confirmed.filter((id) => !stored.has(id));
        expect(lost).toEqual([]);
        const report = checkLedgerInvariants(ledger);
        expect(report.problems).toEqual([]);
        expect(report).toMatchObject({ ok: true, integrity: 'ok', journal: { ok: true } });
      } finally {
        ledger.close();
      }
    } finally {
      shop.t.cleanup();
    }
  }, 300_000);
});
