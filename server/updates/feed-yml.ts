// Reads an uploaded latest.yml / latest-linux.yml: what version it announces and which files (with their sha512) it
// points at, so a release is only published when every file it names is on the server with the same bytes.
import { load } from 'js-yaml';
import { z } from 'zod';
import { Invalid } from '../../src-shared/errors';
import { releaseFileName, releaseVersion } from '../../src-shared/updates/feed';

const feedFile = z.object({ url: releaseFileName, sha512: z.string().min(80), size: z.number().int().positive() });

/** The subset of electron-builder's UpdateInfo that the server relies on; other keys pass through untouched. */
const feedInfo = z.object({
  version: releaseVersion,
  files: z.array(feedFile).min(1),
  path: z.string().optional(),
  sha512: z.string().optional(),
  releaseDate: z.string().optional(),
});

export type FeedInfo = z.infer<typeof feedInfo>;

export function readFeedYml(text: string): FeedInfo {
  let parsed: unknown;
  try {
    parsed = load(text);
  } catch (error) {
    throw new Invalid(`The feed file is not YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = feedInfo.safeParse(parsed);
  if (!result.success)
    throw new Invalid(
      `The feed file is not one electron-builder wrote: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  return result.data;
}
