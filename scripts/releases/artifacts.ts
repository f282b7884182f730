// What an electron-builder run left in its output folder for the feed: each latest*.yml and the files it names
// (plus their .blockmap, which electron-updater fetches for differential downloads when present).
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { z } from 'zod';
import { FEED_FILE, UPDATE_PLATFORMS, type UpdatePlatform } from '../../src-shared/updates/feed';

const feedYml = z.object({
  version: z.string(),
  files: z.array(z.object({ url: z.string(), sha512: z.string(), size: z.number() })).min(1),
});

export interface PlatformBuild {
  platform: UpdatePlatform;
  version: string;
  feedFile: string;
  feedYml: string;
  files: string[];
}

export class ReleaseProblem extends Error {
  override readonly name = 'ReleaseProblem';
}

export function readBuildOutput(dir: string): PlatformBuild[] {
  const builds: PlatformBuild[] = [];
  for (const platform of UPDATE_PLATFORMS) {
    const feedFile = path.join(dir, FEED_FILE[platform]);
    if (!fs.existsSync(feedFile)) continue;
    const text = fs.readFileSync(feedFile, 'utf8');
    const parsed = feedYml.safeParse(load(text));
    if (!parsed.success)
      throw new ReleaseProblem(`${feedFile} is not an electron-builder feed file: ${parsed.error.issues[0]?.message}`);
    const files: string[] = [];
    for (const { url } of parsed.data.files) {
      const file = path.join(dir, url);
      if (!fs.existsSync(file))
        throw new ReleaseProblem(`${FEED_FILE[platform]} names ${url}, which is not in ${dir}.`);
      files.push(file);
      if (fs.existsSync(`${file}.blockmap`)) files.push(`${file}.blockmap`);
    }
    builds.push({ platform, version: parsed.data.version, feedFile, feedYml: text, files });
  }
  if (builds.length === 0)
    throw new ReleaseProblem(
      `No latest.yml or latest-linux.yml in ${dir}: did electron-builder run with a publish setting?`,
    );
  return builds;
}
