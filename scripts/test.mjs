// `npm test`: installs what the suites need (npm dependencies, and where this machine allows it Chromium, promtool,
// PostgreSQL, Xvfb), runs typecheck, lint, format check, vitest and Playwright, names every skipped test with its
// reason, and ends with one line of totals. Plain Node, so it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ensureNpmDependencies, runNpm } from './provision/npm-deps.mjs';
import { findChromium, onPath } from './provision/chromium.mjs';
import { aptInstall } from './provision/system-tools.mjs';
import { providePostgres } from './provision/postgres.mjs';
import { playwrightSummary } from './provision/playwright-summary.mjs';

const root = path.resolve(import.meta.dirname, '..');
const LABEL = 'test';
const say = (line) => console.log(`${LABEL}: ${line}`);
const E2E = 'the Playwright end-to-end specs (test/e2e)';
const ELECTRON_SPECS = 'the Electron window specs (test/e2e/electron.spec.ts, update-prompt.spec.ts)';

function electronBinary() {
  try {
    const binary = createRequire(path.join(root, 'package.json'))('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Installs the missing system programs it can; prints, for each one it cannot, which suites will not run and why. */
function provisionSystemTools(needsDisplay) {
  const wanted = [];
  if (!findChromium()) wanted.push({ name: 'chromium', why: `the browser of ${E2E}` });
  if (!onPath('promtool')) wanted.push({ name: 'prometheus', why: 'promtool checks the monitoring rules' });
  if (!process.env.DATABASE_URL && !onPath('pg_lsclusters')) {
    wanted.push({ name: 'postgresql', why: 'the server suites run on PostgreSQL as well as PGlite' });
  }
  if (needsDisplay && !onPath('xvfb-run')) wanted.push({ name: 'xvfb', why: `a display for ${ELECTRON_SPECS}` });
  const { installed, missing } = aptInstall(wanted, LABEL);
  for (const { name, reason } of missing) say(`cannot install ${name}: ${reason}`);
  if (!findChromium() && process.platform !== 'linux') {
    say("installing Playwright's Chromium (npx playwright install chromium)");
    runNpm(root, ['exec', '--', 'playwright', 'install', 'chromium']);
  }
  return { installed, missing };
}

/** Runs one step with the terminal attached; true when it passed. */
function step(title, command, args, env = process.env) {
  console.log(`\n${LABEL}: ── ${title} ──`);
  const shell = process.platform === 'win32' && command.endsWith('.cmd');
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env, shell }).status === 0;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const node = process.execPath;
const vitestCli = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const playwrightCli = path.join(root, 'node_modules', '@playwright', 'test', 'cli.js');

function runVitest(env, summaryFile) {
  const ok = step('vitest', node, [vitestCli, 'run'], { ...env, GALLA_TEST_SUMMARY_FILE: summaryFile });
  if (!existsSync(summaryFile)) return { passed: 0, failed: 1, skipped: 0, skips: [], note: 'vitest did not finish' };
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  // A failure outside any test (an unhandled error) fails the run even when every test passed.
  if (!ok && summary.failed === 0) summary.failed = 1;
  return summary;
}

/** The number of Playwright tests there are, for the line that says they were skipped. */
function countE2eTests(env) {
  const listed = spawnSync(node, [playwrightCli, 'test', '--list'], { cwd: root, env, encoding: 'utf8' });
  return Number(/Total: (\d+) tests?/.exec(listed.stdout ?? '')?.[1] ?? 0);
}

function runPlaywright(env, chromium, xvfb, jsonFile) {
  if (!chromium) {
    const count = countE2eTests(env);
    const reason =
      process.platform === 'linux'
        ? 'no Chromium here (install the chromium package, or run npx playwright install chromium)'
        : 'no Chromium here (npx playwright install chromium did not succeed)';
    say(`skipping ${E2E}: ${reason}`);
    return { passed: 0, failed: 0, skipped: count, skips: [`${count} tests of ${E2E}: ${reason}`] };
  }
  const playwrightEnv = { ...env, GALLA_CHROMIUM: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile };
  const args = [playwrightCli, 'test', '--reporter=list,json'];
  const ok = xvfb
    ? step('playwright (under xvfb-run)', 'xvfb-run', ['-a', node, ...args], playwrightEnv)
    : step('playwright', node, args, playwrightEnv);
  const summary = existsSync(jsonFile)
    ? playwrightSummary(JSON.parse(readFileSync(jsonFile, 'utf8')))
    : { passed: 0, failed: 0, skipped: 0, skips: [] };
  if (!ok && summary.failed === 0) summary.failed = 1;
  return summary;
}

async function main() {
  await ensureNpmDependencies(root, LABEL);
  const electron = electronBinary();
  const needsDisplay = Boolean(electron) && process.platform === 'linux' && !process.env.DISPLAY;
  const { installed } = provisionSystemTools(needsDisplay);

  const postgres = await providePostgres(root, { installedNow: installed.includes('postgresql'), label: LABEL });
  const env = { ...process.env };
  if (postgres.url) {
    env.DATABASE_URL = postgres.url;
    say(`the server suites run on PGlite and on PostgreSQL (${postgres.how}: ${postgres.url})`);
  } else {
    delete env.DATABASE_URL;
    env.GALLA_POSTGRES_SKIP_REASON = postgres.reason;
    say(`the server suites run on PGlite only; on PostgreSQL they are skipped: ${postgres.reason}`);
  }
  const chromium = findChromium();
  const xvfb = needsDisplay && onPath('xvfb-run') !== null;
  if (!onPath('promtool'))
    say('the promtool checks of test/server/monitoring/rules.test.ts are skipped: no promtool here');

  const checks = [
    ['typecheck', step('typecheck', npm, ['run', 'typecheck'], env)],
    ['lint', step('lint', npm, ['run', 'lint'], env)],
    ['format', step('format check', npm, ['run', 'format:check'], env)],
  ];
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'galla-test-'));
  const vitest = runVitest(env, path.join(scratch, 'vitest.json'));
  const playwright = runPlaywright(env, chromium, xvfb, path.join(scratch, 'playwright.json'));
  rmSync(scratch, { recursive: true, force: true });

  const failedChecks = checks.filter(([, ok]) => !ok).map(([name]) => name);
  const skips = [...vitest.skips, ...playwright.skips];
  console.log(`\n${LABEL}: ── summary ──`);
  say(`checks: ${checks.map(([name, ok]) => `${name} ${ok ? 'passed' : 'FAILED'}`).join(', ')}`);
  say(
    `vitest: ${vitest.passed} passed, ${vitest.failed} failed, ${vitest.skipped} skipped${vitest.note ? ` (${vitest.note})` : ''}`,
  );
  say(`playwright: ${playwright.passed} passed, ${playwright.failed} failed, ${playwright.skipped} skipped`);
  if (skips.length) console.log(`Skipped, with the reason:\n${skips.map((line) => `  - ${line}`).join('\n')}`);
  const passed = checks.length - failedChecks.length + vitest.passed + playwright.passed;
  const failed = failedChecks.length + vitest.failed + playwright.failed;
  const skipped = vitest.skipped + playwright.skipped;
  say(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed > 0 ? 1 : 0);
}

await main();
