// The update feed's part of the server configuration (merged into server/config.ts, parsed once with the rest).
import path from 'node:path';
import { z } from 'zod';

export const updatesEnv = {
  /** Where uploaded installers live; default: a "releases" folder beside the server's data. */
  GALLA_RELEASES_DIR: z.string().min(1).optional(),
  /** The operator's secret for uploading and steering releases; unset: uploads are refused. */
  GALLA_RELEASE_TOKEN: z.string().min(32, 'GALLA_RELEASE_TOKEN must be at least 32 characters.').optional(),
  RELEASE_FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024 * 1024),
};

export interface UpdatesConfig {
  releasesDir: string;
  operatorToken: string | null;
  maxFileBytes: number;
}

export function updatesConfig(env: {
  GALLA_RELEASES_DIR?: string;
  GALLA_RELEASE_TOKEN?: string;
  RELEASE_FILE_MAX_BYTES: number;
  GALLA_DATA_DIR: string;
}): UpdatesConfig {
  return {
    releasesDir: path.resolve(env.GALLA_RELEASES_DIR ?? path.join(env.GALLA_DATA_DIR, 'releases')),
    operatorToken: env.GALLA_RELEASE_TOKEN ?? null,
    maxFileBytes: env.RELEASE_FILE_MAX_BYTES,
  };
}
