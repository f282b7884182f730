// vitest: every suite under test/, run in forks so native modules and child processes behave as in production.
// The server's suites (and the counters' sync suites, which run a server) run twice: on PGlite, and on the real
// PostgreSQL when DATABASE_URL is set; each test gets a fresh database of its own (test/support/server.ts), copied
// from one migrated once per run (test/support/server-template.ts).
// The summary reporter names every skipped test with its reason, and says so when the PostgreSQL run is absent.
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const serverSuites = ['test/server/**/*.test.ts', 'test/main/sync/**/*.test.ts', 'test/main/runtime/**/*.test.ts'];

const serverProject = (database: 'pglite' | 'postgres'): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name: `server:${database}`,
    include: serverSuites,
    env: { GALLA_TEST_DB: database },
    // The server's migrations run once per run, into a template every test's database is copied from.
    globalSetup: ['./test/support/server-template.ts'],
  },
});

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: serverSuites } },
      serverProject('pglite'),
      ...(process.env.DATABASE_URL ? [serverProject('postgres')] : []),
    ],
  },
});
