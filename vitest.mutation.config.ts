// vitest for `npm run test:mutation`: only the test files of the area being mutated (GALLA_MUTATION_TESTS, set by
// scripts/mutation.mjs), server suites on PGlite, and no summary reporter (Stryker reads the results itself).
import { defineConfig } from 'vitest/config';

const tests = (process.env.GALLA_MUTATION_TESTS ?? '').split('\n').filter(Boolean);

export default defineConfig({
  test: {
    include: tests,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    env: { GALLA_TEST_DB: 'pglite' },
  },
});
