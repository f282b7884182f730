// `npm run test:soak`: runs the suites N times (default 5) while busy loops keep every core loaded, then names every
// test that failed at least once and in how many runs. A suite that only passes on an idle machine fails here.
//   --runs=N                 how many times (default 5)
//   --only=vitest|playwright one runner only (default both)
//   anything else            passed to vitest as file filters (e.g. test/main/sync), for a quicker soak of one area
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { findChromium, onPath } from './provision/chromium.mjs';
import { providePostgres } from './provision/postgres.mjs';

const root = path.resolve(import.meta.dirname, '..');
const say = (line) => console.log(`soak: ${line}`);
/** A wrong option or a missing tool: say so and stop, before any hog starts. */
function refuse(reason) {
  console.error(`soak: ${reason}`);
  process.exit(2);
}
const node = process.execPath;
const vitestCli = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const playwrightCli = path.join(root, 'node_modules', '@playwright', 'test', 'cli.js');
/** A hog left behind by a crash of this script still stops by itself. */
const HOG_LIMIT_MS = 6 * 3_600_000;

function readOptions() {
  const { values, positionals } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, only: { type: 'string' } },
    allowPositionals: true,
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) refuse(`--runs must be a whole number from 1, not "${values.runs}"`);
  const only = values.only ?? 'both';
  if (!['both', 'vitest', 'playwright'].includes(only)) refuse(`--only is vitest or playwright, not "${only}"`);
  return { runs, vitest: only !== 'playwright', playwright: only !== 'vitest', filters: positionals };
}

/** One busy loop per core, each bounded in time; stop() kills them all. */
function startCpuHog() {
  const cores = os.availableParallelism();
  const loop = `const end = Date.now() + ${HOG_LIMIT_MS}; while (Date.now() < end) {}`;
  const hogs = Array.from({ length: cores }, () => spawn(node, ['-e', loop], { stdio: 'ignore' }));
  say(`CPU hog: ${cores} busy loops (pids ${hogs.map((hog) => hog.pid).join(', ')})`);
  return {
    stop: () => {
      for (const hog of hogs) if (hog.exitCode === null) hog.kill('SIGKILL');
    },
  };
}

function run(command, args, env) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status === 0;
}

/** Failed tests of a vitest JSON report: "file > full name", plus the first line of why. */
function vitestFailures(file) {
  if (!existsSync(file)) return [{ test: 'vitest', why: 'vitest wrote no report (it did not finish)' }];
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const failures = [];
  for (const module of report.testResults ?? []) {
    const where = path.relative(root, module.name);
    const failed = (module.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failed)
      failures.push({ test: `${where} > ${test.fullName}`, why: firstLine(test.failureMessages?.[0]) });
    // A file that failed outside any test (an import error, a failing hook) is a failure of its own.
    if (module.status === 'failed' && failed.length === 0)
      failures.push({ test: `${where} (the file)`, why: firstLine(module.message) });
  }
  return failures;
}

function* specsOf(suite) {
  yield* suite.specs ?? [];
  for (const child of suite.suites ?? []) yield* specsOf(child);
}

/** Failed tests of a Playwright JSON report (a test that passed only on retry counts as failed: it is flaky). */
function playwrightFailures(file) {
  if (!existsSync(file)) return [{ test: 'playwright', why: 'Playwright wrote no report (it did not finish)' }];
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const failures = [];
  for (const suite of report.suites ?? [])
    for (const spec of specsOf(suite))
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
        const error = test.results?.find((result) => result.status !== 'passed')?.error?.message;
        failures.push({ test: `${spec.file} > ${spec.title}`, why: firstLine(error) });
      }
  for (const error of report.errors ?? [])
    failures.push({ test: 'playwright (outside a test)', why: firstLine(error.message) });
  return failures;
}

const firstLine = (text) =>
  stripVTControlCharacters(text ?? '')
    .trim()
    .split('\n')[0]
    .slice(0, 200);

function playwrightCommand(env) {
  const args = [playwrightCli, 'test', '--reporter=dot,json'];
  const needsDisplay = process.platform === 'linux' && !env.DISPLAY && onPath('xvfb-run');
  return needsDisplay ? ['xvfb-run', ['-a', node, ...args]] : [node, args];
}

async function soakEnv(options) {
  const env = { ...process.env };
  if (options.vitest) {
    const postgres = await providePostgres(root, { installedNow: false, label: 'soak' });
    if (postgres.url) env.DATABASE_URL = postgres.url;
    say(postgres.url ? `PostgreSQL suites on ${postgres.url}` : `PostgreSQL suites skipped: ${postgres.reason}`);
  }
  if (options.playwright) {
    const chromium = findChromium();
    if (!chromium) refuse('no Chromium here: the Playwright specs cannot run (npm test says how to get one)');
    env.GALLA_CHROMIUM = chromium;
  }
  return env;
}

function report(failuresByTest, runs) {
  console.log('\nsoak: ── result ──');
  if (failuresByTest.size === 0) {
    say(`${runs} loaded runs, failures: 0`);
    return 0;
  }
  say(`${runs} loaded runs; ${failuresByTest.size} tests failed at least once:`);
  const sorted = [...failuresByTest].sort((a, b) => b[1].runs.size - a[1].runs.size);
  for (const [test, { runs: failedIn, why }] of sorted)
    console.log(`  - ${test}: failed in ${failedIn.size} of ${runs} runs (${[...failedIn].join(', ')}): ${why}`);
  return 1;
}

async function main() {
  const options = readOptions();
  const env = await soakEnv(options);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'galla-soak-'));
  const failuresByTest = new Map();
  const note = (failures, runNumber) => {
    for (const { test, why } of failures) {
      const entry = failuresByTest.get(test) ?? { runs: new Set(), why };
      entry.runs.add(runNumber);
      failuresByTest.set(test, entry);
    }
  };
  const hog = startCpuHog();
  const stopAndExit = () => {
    hog.stop();
    rmSync(scratch, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', stopAndExit);
  process.once('SIGTERM', stopAndExit);
  try {
    for (let runNumber = 1; runNumber <= options.runs; runNumber += 1) {
      if (options.vitest) {
        say(`run ${runNumber}/${options.runs}: vitest`);
        const json = path.join(scratch, `vitest-${runNumber}.json`);
        const args = ['run', '--reporter=dot', '--reporter=json', `--outputFile.json=${json}`, ...options.filters];
        run(node, [vitestCli, ...args], env);
        note(vitestFailures(json), runNumber);
      }
      if (options.playwright) {
        say(`run ${runNumber}/${options.runs}: playwright`);
        const json = path.join(scratch, `playwright-${runNumber}.json`);
        const [command, args] = playwrightCommand(env);
        run(command, args, { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: json });
        note(playwrightFailures(json), runNumber);
      }
    }
  } finally {
    hog.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  process.exit(report(failuresByTest, options.runs));
}

await main();
