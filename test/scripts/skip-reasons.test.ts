// No test is skipped in silence: npm test's closing summary names each skipped test with the reason it was given, and
// says so plainly when a test was skipped without one or never ran.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestModule } from 'vitest/node';
import { playwrightSummary } from '../../scripts/provision/playwright-summary.mjs';
import { summarise } from '../support/summary-reporter';

/** A Playwright JSON report as `--reporter=json` writes it, trimmed to the fields the summary reads. */
const report = {
  suites: [
    {
      specs: [
        {
          file: 'counter.spec.ts',
          title: 'bills a sale',
          tests: [{ status: 'expected', annotations: [], results: [{ status: 'passed' }] }],
        },
      ],
      suites: [
        {
          specs: [
            {
              file: 'electron.spec.ts',
              title: 'opens the window',
              tests: [
                {
                  status: 'skipped',
                  annotations: [{ type: 'skip', description: 'no display: Xvfb is not installed' }],
                  results: [{ status: 'skipped' }],
                },
              ],
            },
            {
              file: 'first-day.spec.ts',
              title: 'closes the shift',
              tests: [{ status: 'skipped', annotations: [], results: [{ status: 'skipped' }] }],
            },
            {
              file: 'printers.spec.ts',
              title: 'prints a test page',
              tests: [{ status: 'skipped', annotations: [{ type: 'skip' }], results: [{ status: 'skipped' }] }],
            },
            {
              file: 'backup.spec.ts',
              title: 'restores',
              tests: [{ status: 'unexpected', annotations: [], results: [{ status: 'failed' }] }],
            },
          ],
        },
      ],
    },
  ],
};

describe('the Playwright part of the closing summary', () => {
  it('counts each outcome and names every skipped test with its reason', () => {
    expect(playwrightSummary(report)).toEqual({
      passed: 1,
      failed: 1,
      skipped: 3,
      skips: [
        'electron.spec.ts > opens the window: no display: Xvfb is not installed',
        'first-day.spec.ts > closes the shift: did not run: an earlier step of its serial group failed',
        'printers.spec.ts > prints a test page: skipped without a reason',
      ],
    });
  });
});

/** A finished vitest file as the reporter sees it: its project, and each test's name and outcome (with a skip's note). */
function finishedFile(project: string, file: string, tests: { name: string; state: string; note?: string }[]) {
  const module = {
    project: { name: project },
    relativeModuleId: file,
    state: () => (tests.some((test) => test.state === 'failed') ? 'failed' : 'passed'),
    children: {
      allTests: () =>
        tests.map((test) => ({
          project: { name: project },
          module,
          fullName: test.name,
          result: () => ({ state: test.state, note: test.note }),
        })),
    },
  };
  return module as unknown as TestModule;
}

describe('the vitest part of the closing summary', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('names every skipped test with its note, and one skipped without a note as such', () => {
    const summary = summarise(
      [
        finishedFile('unit', 'test/main/monitoring/rules.test.ts', [
          { name: 'rules load', state: 'passed' },
          { name: 'promtool agrees', state: 'skipped', note: 'no promtool here' },
          { name: 'forgotten', state: 'skipped' },
        ]),
      ],
      false,
    );
    expect(summary).toEqual({
      passed: 1,
      failed: 0,
      skipped: 2,
      skips: [
        '[unit] test/main/monitoring/rules.test.ts > promtool agrees: no promtool here',
        '[unit] test/main/monitoring/rules.test.ts > forgotten: skipped without a reason (give one with ctx.skip(condition, reason))',
      ],
    });
  });

  it('says the PostgreSQL suites did not run, and why, when the server suites ran on PGlite alone', () => {
    vi.stubEnv('DATABASE_URL', undefined);
    vi.stubEnv('GALLA_POSTGRES_SKIP_REASON', 'PostgreSQL is installed but not running, and it cannot be started here');
    const pgliteOnly = [
      finishedFile('server:pglite', 'test/server/sync.test.ts', [{ name: 'applies', state: 'passed' }]),
    ];
    expect(summarise(pgliteOnly, false).skips).toEqual([
      'server:postgres: the server suites did not run on PostgreSQL: PostgreSQL is installed but not running, and it cannot be started here',
    ]);
    vi.stubEnv('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/postgres');
    expect(summarise(pgliteOnly, false).skips).toEqual([]);
  });
});
