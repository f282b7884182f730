// Vitest reporter: after a run, names every skipped test with its reason and says when the PostgreSQL suites did not
// run; when GALLA_TEST_SUMMARY_FILE is set (by `npm test`), writes the counts there for the closing summary line.
import fs from 'node:fs';
import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';

export interface SuiteSummary {
  passed: number;
  failed: number;
  skipped: number;
  /** One line per skipped test: where it is and why it did not run. */
  skips: string[];
}

/** Why there is no PostgreSQL run: npm test's reason when it looked for one, else the missing DATABASE_URL. */
const noPostgres = (): string =>
  `server:postgres: the server suites did not run on PostgreSQL: ${
    process.env.GALLA_POSTGRES_SKIP_REASON ??
    'DATABASE_URL is not set (npm test sets it when a local PostgreSQL lets postgres@127.0.0.1 in without a password)'
  }`;

/** Where a skipped test is and why; null for a test left out by `-t pattern` (no news to whoever typed it). */
function skipLine(test: TestCase, nameFilter: boolean): string | null {
  const result = test.result();
  const note = result.state === 'skipped' ? result.note : undefined;
  if (!note && nameFilter) return null;
  const where = `${test.project.name ? `[${test.project.name}] ` : ''}${test.module.relativeModuleId} > ${test.fullName}`;
  return `${where}: ${note ?? 'skipped without a reason (give one with ctx.skip(condition, reason))'}`;
}

export function summarise(modules: ReadonlyArray<TestModule>, nameFilter: boolean): SuiteSummary {
  const summary: SuiteSummary = { passed: 0, failed: 0, skipped: 0, skips: [] };
  for (const module of modules) {
    const failedBefore = summary.failed;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') summary.passed += 1;
      else if (state === 'failed') summary.failed += 1;
      else {
        summary.skipped += 1;
        const line = skipLine(test, nameFilter);
        if (line) summary.skips.push(line);
      }
    }
    // A file that failed outside any test (an import error, a failing beforeAll) counts as one failure.
    if (module.state() === 'failed' && summary.failed === failedBefore) summary.failed += 1;
  }
  const ranServerSuites = modules.some((module) => module.project.name.startsWith('server:'));
  if (ranServerSuites && !process.env.DATABASE_URL) summary.skips.push(noPostgres());
  return summary;
}

export default class SummaryReporter implements Reporter {
  private nameFilter = false;

  onInit(vitest: Vitest): void {
    this.nameFilter = Boolean(vitest.config.testNamePattern);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const summary = summarise(modules, this.nameFilter);
    if (summary.skips.length) {
      console.log(`\nSkipped, with the reason:\n${summary.skips.map((line) => `  - ${line}`).join('\n')}`);
    }
    const file = process.env.GALLA_TEST_SUMMARY_FILE;
    if (file) fs.writeFileSync(file, JSON.stringify(summary));
  }
}
