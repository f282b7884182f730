// npm run bench: every speed row, printed beside its target and written to bench/results.json.
import fs from 'node:fs';
import path from 'node:path';
import { ledgerBench } from './ledger';
import { printingBench } from './printing';
import { renderBench } from './render';
import { syncBench } from './sync';
import { reportsBench } from './reports';
import type { BenchRow } from './stats';

export const scale = {
  invoices: Number(process.env.GALLA_BENCH_INVOICES ?? 1_000_000),
  items: Number(process.env.GALLA_BENCH_ITEMS ?? 100_000),
  parties: Number(process.env.GALLA_BENCH_PARTIES ?? 10_000),
  seed: 20_261_123,
};

export function printTable(rows: BenchRow[]): void {
  const header = ['what', 'p50 ms', 'p95 ms', 'p99 ms', 'target', 'verdict', 'note'];
  const cells = rows.map((row) => [
    row.name,
    row.p50.toFixed(3),
    row.p95.toFixed(3),
    row.p99.toFixed(3),
    row.target === null ? '' : `≤ ${row.target}`,
    row.target === null ? '' : row.p99 <= row.target ? 'ok' : 'MISSED',
    row.note ?? '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (values: string[]) =>
    '| ' + values.map((value, column) => value.padEnd(widths[column]!)).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((width) => '-'.repeat(width + 2)).join('|') + '|');
  for (const cell of cells) console.log(line(cell));
}

async function main(): Promise<void> {
  const log = (text: string) => console.log(text);
  console.log(
    `Galla bench: ${scale.invoices} invoices, ${scale.items} items, ${scale.parties} parties (seed ${scale.seed})`,
  );
  const rows: BenchRow[] = [
    ...(await ledgerBench(scale, log)),
    ...(await printingBench()),
    ...(await renderBench()),
    ...(await syncBench(log)),
    ...(await reportsBench(log)),
  ];
  printTable(rows);
  const out = path.join(path.dirname(new URL(import.meta.url).pathname), 'results.json');
  fs.writeFileSync(
    out,
    JSON.stringify(
      rows.map(({ name, unit, p50, p95, p99, target }) => ({ name, unit, p50, p95, p99, target })),
      null,
      2,
    ) + '\n',
  );
  console.log(`written ${out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
