// The update feed's vocabulary, shared by the server that hosts it and the counter that reads it.
import { z } from 'zod';

export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

export const UPDATE_PLATFORMS = ['win', 'linux'] as const;
export type UpdatePlatform = (typeof UPDATE_PLATFORMS)[number];

/** The names electron-builder gives its feed files and electron-updater asks for. */
export const FEED_FILE: Record<UpdatePlatform, string> = { win: 'latest.yml', linux: 'latest-linux.yml' };

export function platformOfFeedFile(name: string): UpdatePlatform | null {
  const entry = Object.entries(FEED_FILE).find(([, file]) => file === name);
  return entry ? (entry[0] as UpdatePlatform) : null;
}

/** Strict semver as electron-builder writes it (1.2.3, 1.2.3-beta.1); build metadata is not used. */
export const releaseVersion = z
  .string()
  .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'A version looks like 1.2.3 or 1.2.3-beta.1.');

export const pinShopInput = z.object({ version: releaseVersion }).strict();
export type PinShopInput = z.infer<typeof pinShopInput>;

export const rolloutPercent = z.number().int().min(0).max(100);

export const releaseChange = z
  .object({
    channel: z.enum(UPDATE_CHANNELS).optional(),
    rolloutPercent: rolloutPercent.optional(),
    withdrawn: z.boolean().optional(),
  })
  .strict()
  .refine((change) => Object.keys(change).length > 0, 'Say what to change: channel, rolloutPercent or withdrawn.');
export type ReleaseChange = z.infer<typeof releaseChange>;

export const publishRelease = z
  .object({
    platform: z.enum(UPDATE_PLATFORMS),
    channel: z.enum(UPDATE_CHANNELS),
    rolloutPercent: rolloutPercent.default(100),
    feedYml: z
      .string()
      .min(1)
      .max(64 * 1024),
  })
  .strict();
export type PublishRelease = z.infer<typeof publishRelease>;

/** A file name as electron-builder writes artifacts: no folders, no dot-files. */
export const releaseFileName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,199}$/, 'A release file name has no folders or odd characters.');
