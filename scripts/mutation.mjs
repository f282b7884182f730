// `npm run test:mutation [-- --area shared|ledger|server] [--mutate 'src-shared/money.ts'] [--tests 'test/x.test.ts']
// [other stryker flags]`:
// runs StrykerJS area by area (each with its own test files, incremental file and report in reports/mutation/).
// Without --area it runs every area whose sources match --mutate, or all of them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { AREAS } from '../test/mutation/areas.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const take = (flag) => {
  const at = args.indexOf(flag);
  if (at === -1) return undefined;
  const [, value] = args.splice(at, 2);
  return value;
};
const areaFlag = take('--area');
// A narrower set of test files (comma-separated globs), e.g. a service's own spec, for a quicker run on a busy machine.
const testsFlag = take('--tests');
const mutateFlag = args.includes('--mutate') ? args[args.indexOf('--mutate') + 1] : undefined;

if (areaFlag && !AREAS[areaFlag]) {
  console.error(`mutation: no area "${areaFlag}"; the areas are ${Object.keys(AREAS).join(', ')}`);
  process.exit(2);
}
const topFolder = (glob) => `${glob.split('/')[0]}/`;
const areas = areaFlag
  ? [areaFlag]
  : Object.keys(AREAS).filter(
      (name) => !mutateFlag || AREAS[name].mutate.some((glob) => mutateFlag.startsWith(topFolder(glob))),
    );
if (areas.length === 0) {
  console.error(`mutation: ${mutateFlag} is in no area (test/mutation/areas.mjs)`);
  process.exit(2);
}

let failed = false;
for (const area of areas) {
  console.log(`\nmutation: ── ${area} (target ${AREAS[area].target} %) ──`);
  const started = Date.now();
  const env = {
    ...process.env,
    GALLA_MUTATION_AREA: area,
    GALLA_MUTATION_TESTS: (testsFlag?.split(',') ?? AREAS[area].tests).join('\n'),
  };
  const stryker = path.join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
  const run = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs', ...args], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  console.log(`mutation: ${area} took ${Math.round((Date.now() - started) / 1000)} s`);
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
