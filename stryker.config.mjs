// StrykerJS for `npm run test:mutation` (scripts/mutation.mjs picks the area; see test/mutation/areas.mjs).
// Each mutant runs only the tests that covered it in the dry run (perTest coverage), within the area's test files
// that import the mutated file (vitest related). Two workers at most: the machine has two cores.
//
// Incremental mode: the per-area result files in test/mutation/incremental/ ARE committed. Stryker reuses a
// mutant's result when neither its code nor its covering tests changed, so a fresh clone (CI, a new session, a
// colleague) reruns only what its change touched instead of the full half hour; and the file doubles as the record
// of the last measured result. Regenerate it by running the area (add `--force` to retest everything).
import { AREAS } from './test/mutation/areas.mjs';

const area = process.env.GALLA_MUTATION_AREA ?? 'shared';
const { mutate, target } = AREAS[area];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  mutate,
  incremental: true,
  incrementalFile: `test/mutation/incremental/${area}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${area}.html` },
  jsonReporter: { fileName: `reports/mutation/${area}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: target + 5, low: target, break: null },
  // A loaded two-core machine: allow a slow test run before calling a mutant a timeout.
  timeoutMS: 15_000,
  // The ledger's and server's specs run on real SQLite and PGlite: the first full run takes minutes, not seconds.
  dryRunTimeoutMinutes: 30,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
