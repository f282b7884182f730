// `npm run release`: check electron-builder.yml against electron-builder's schema, check the server takes our token,
// build the renderer and main, run electron-builder (installers + latest*.yml), and upload them to the update feed.
//   npm run release -- [--channel stable|beta] [--rollout 100] [--platform linux,win] [--server URL]
//   npm run release -- --dry-run [--upload-only DIR]   checks only: config, server, token, the build in DIR
//   npm run release -- --upload-only DIR               uploads a build made elsewhere (say, on a Windows PC)
// Needs GALLA_RELEASE_TOKEN (the server's operator token) and GALLA_UPDATE_SERVER or --server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UPDATE_CHANNELS, UPDATE_PLATFORMS } from '../src-shared/updates/feed';
import { readBuildOutput, ReleaseProblem } from './releases/artifacts';
import { BUILDER_CONFIG, builderConfigProblems, loadBuilderConfig, ROOT } from './releases/builder-config';
import { checkTarget, uploadBuilds } from './releases/upload';

const { values: args } = parseArgs({
  options: {
    channel: { type: 'string', default: 'stable' },
    rollout: { type: 'string', default: '100' },
    platform: { type: 'string' },
    server: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'upload-only': { type: 'string' },
  },
});

const parsedOptions = z
  .object({
    channel: z.enum(UPDATE_CHANNELS),
    rollout: z.coerce.number().int().min(0).max(100),
    platforms: z.array(z.enum(UPDATE_PLATFORMS)).min(1),
    server: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, '')),
    token: z.string().min(32, 'GALLA_RELEASE_TOKEN (the server operator token, 32+ characters) is not set.'),
    winPublisher: z.string().optional(),
  })
  .safeParse({
    channel: args.channel,
    rollout: args.rollout,
    platforms: (args.platform ?? (process.platform === 'win32' ? 'win' : 'linux')).split(','),
    server: args.server ?? process.env.GALLA_UPDATE_SERVER,
    token: process.env.GALLA_RELEASE_TOKEN,
    winPublisher: process.env.GALLA_WIN_PUBLISHER_NAME,
  });
if (!parsedOptions.success) {
  console.error(
    `release: ${parsedOptions.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
  );
  process.exit(1);
}
const options = parsedOptions.data;

const say = (line: string) => console.log(`release: ${line}`);

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv = process.env): void {
  say(`$ ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, {
    cwd: ROOT,
    stdio: 'inherit',
    env,
    shell: process.platform === 'win32',
  });
  if (result.status !== 0)
    throw new ReleaseProblem(`${command} ${commandArgs[0] ?? ''} failed (exit ${result.status ?? result.signal}).`);
}

async function main(): Promise<void> {
  const problems = builderConfigProblems(loadBuilderConfig());
  if (problems.length)
    throw new ReleaseProblem(
      `electron-builder.yml does not pass electron-builder's schema:\n  ${problems.join('\n  ')}`,
    );
  say(`${path.relative(ROOT, BUILDER_CONFIG)} passes electron-builder's schema`);
  const target = { server: options.server, token: options.token };
  say(`${target.server} takes the release token (${await checkTarget(target)} releases published)`);

  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const outputDir = args['upload-only'] ? path.resolve(args['upload-only']) : path.join(ROOT, 'release', version);
  if (args['dry-run']) {
    if (!args['upload-only'])
      return say('dry run: config and server checked; nothing built (give --upload-only DIR to check a build)');
    for (const build of readBuildOutput(outputDir))
      say(
        `dry run: would upload ${build.version} for ${build.platform}: ${build.files.map((file) => path.basename(file)).join(', ')}, then ${path.basename(build.feedFile)}`,
      );
    return;
  }
  if (!args['upload-only']) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    run(npm, ['run', 'build:renderer']);
    run(npm, ['run', 'build:electron']);
    const platformFlags = options.platforms.map((platform) => `--${platform}`);
    const signing = options.winPublisher ? [`-c.win.signtoolOptions.publisherName=${options.winPublisher}`] : [];
    run(
      npm,
      [
        'exec',
        '--',
        'electron-builder',
        '--config',
        'electron-builder.yml',
        '--publish',
        'never',
        ...platformFlags,
        ...signing,
      ],
      { ...process.env, GALLA_UPDATE_SERVER: options.server },
    );
  }
  await uploadBuilds(target, readBuildOutput(outputDir), options.channel, options.rollout, say);
  say('done');
}

main().catch((error: unknown) => {
  console.error(
    `release: ${error instanceof ReleaseProblem ? error.message : error instanceof Error ? error.stack : String(error)}`,
  );
  process.exit(1);
});
