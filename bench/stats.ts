// Bench measurement: time a function many times and report p50/p95/p99 against its target.
export interface BenchRow {
  name: string;
  unit: string;
  p50: number;
  p95: number;
  p99: number;
  target: number | null;
  runs?: number;
  note?: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export function summarise(name: string, samplesMs: number[], target: number | null, note?: string): BenchRow {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    name,
    unit: 'ms',
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    target,
    runs: samplesMs.length,
    note,
  };
}

/** Times fn `runs` times after `warmup` untimed calls; `input(i)` varies what each call works on. */
export function measure<T>(
  name: string,
  options: { runs: number; warmup?: number; target: number | null; note?: string },
  input: (i: number) => T,
  fn: (value: T) => unknown,
): BenchRow {
  for (let i = 0; i < (options.warmup ?? Math.min(50, options.runs)); i += 1) fn(input(-1 - i));
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i += 1) {
    const value = input(i);
    const start = process.hrtime.bigint();
    fn(value);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarise(name, samples, options.target, options.note);
}

export async function measureAsync<T>(
  name: string,
  options: { runs: number; warmup?: number; target: number | null; note?: string },
  input: (i: number) => T,
  fn: (value: T) => Promise<unknown>,
): Promise<BenchRow> {
  for (let i = 0; i < (options.warmup ?? Math.min(20, options.runs)); i += 1) await fn(input(-1 - i));
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i += 1) {
    const value = input(i);
    const start = process.hrtime.bigint();
    await fn(value);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarise(name, samples, options.target, options.note);
}
