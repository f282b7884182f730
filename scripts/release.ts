// `npm run release`: check electron-builder.yml against electron-builder's schema, check the server takes our token,
// build the renderer and main, run electron-builder (installers + latest*.yml), and upload them to the update feed.
//   npm run release -- [--channel stable|beta] [--rollout 100] [--platform linux,win] [--server URL]
//   npm run release -- --dry-run [--upload-only DIR]   checks only: config, server, token, the build in DIR
//   npm run release -- --upload-only DIR               uploads a build made elsewhere (say, on a Windows PC)
// Needs GALLA_RELEASE_TOKEN (the server's operator token), GALLA_UPDATE_SERVER or --server (https; plain http only for
// 127.0.0.1 / localhost), and GALLA_RELEASE_SIGNING_KEY (the publisher's Ed25519 private key, PEM or base64; it must
// match the public key the app carries: build/release-public-key.pem, or GALLA_RELEASE_PUBLIC_KEY at build time).
// Each latest*.yml is signed before it is uploaded; a fresh build's binaries are checked for Electron's fuses.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isAllowedServerUrl } from '../src-shared/sync/server-url';
import { UPDATE_CHANNELS, UPDATE_PLATFORMS } from '../src-shared/updates/feed';
import { readBuildOutput, ReleaseProblem } from './releases/artifacts';
import { BUILDER_CONFIG, builderConfigProblems, loadBuilderConfig, ROOT } from './releases/builder-config';
import { binaryFuseProblems, fuseConfigProblems, unpackedBinaries } from './releases/fuses';
import { buildPublicKeyPem, checkKeyPair, signFeedYml, signingKeyFromEnv } from './releases/signing';
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
    server: z
      .url({ protocol: /^https?$/ })
      .refine(isAllowedServerUrl, 'the update server must be https:// (plain http:// only for 127.0.0.1 or localhost)')
      .transform((url) => url.replace(/\/+$/, '')),
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

/**
 * Reads the fuse wire of each binary electron-builder left unpacked. Not exercised by the tests: no Electron binary
 * can be built or run where they run; test/main/updates/fuses.test.ts checks the reading on a crafted fuse wire.
 */
async function checkFuses(outputDir: string, freshBuild: boolean): Promise<void> {
  const binaries = unpackedBinaries(outputDir, options.platforms);
  if (binaries.length === 0) {
    if (freshBuild) throw new ReleaseProblem(`No unpacked app in ${outputDir} to check Electron's fuses on.`);
    return say(`fuses not checked: no linux-unpacked or win-unpacked app in ${outputDir}`);
  }
  const problems = (await Promise.all(binaries.map(binaryFuseProblems))).flat();
  if (problems.length) throw new ReleaseProblem(`The built app's fuses are wrong:\n  ${problems.join('\n  ')}`);
  say(`fuses checked on ${binaries.map((binary) => path.relative(outputDir, binary)).join(', ')}`);
}

async function main(): Promise<void> {
  const problems = builderConfigProblems(loadBuilderConfig());
  if (problems.length)
    throw new ReleaseProblem(
      `electron-builder.yml does not pass electron-builder's schema:\n  ${problems.join('\n  ')}`,
    );
  const fuseProblems = fuseConfigProblems(loadBuilderConfig());
  if (fuseProblems.length)
    throw new ReleaseProblem(`electron-builder.yml does not set Electron's fuses:\n  ${fuseProblems.join('\n  ')}`);
  say(`${path.relative(ROOT, BUILDER_CONFIG)} passes electron-builder's schema and sets Electron's fuses`);
  const signingKey = signingKeyFromEnv(process.env);
  checkKeyPair(signingKey, buildPublicKeyPem(process.env));
  say('GALLA_RELEASE_SIGNING_KEY matches the public key the app carries');
  const target = { server: options.server, token: options.token };
  say(`${target.server} takes the release token (${await checkTarget(target)} releases published)`);

  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const outputDir = args['upload-only'] ? path.resolve(args['upload-only']) : path.join(ROOT, 'release', version);
  if (args['dry-run']) {
    if (!args['upload-only'])
      return say('dry run: config and server checked; nothing built (give --upload-only DIR to check a build)');
    for (const build of readBuildOutput(outputDir)) {
      signFeedYml(build.feedYml, signingKey);
      say(
        `dry run: would upload ${build.version} for ${build.platform}: ${build.files.map((file) => path.basename(file)).join(', ')}, then ${path.basename(build.feedFile)}, signed`,
      );
    }
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
  await checkFuses(outputDir, !args['upload-only']);
  const builds = readBuildOutput(outputDir).map((build) => ({
    ...build,
    feedYml: signFeedYml(build.feedYml, signingKey),
  }));
  await uploadBuilds(target, builds, options.channel, options.rollout, say);
  say('done');
}

main().catch((error: unknown) => {
  console.error(
    `release: ${error instanceof ReleaseProblem ? error.message : error instanceof Error ? error.stack : String(error)}`,
  );
  process.exit(1);
});
