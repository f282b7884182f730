// The updater's settings, parsed once at start: the channel, an optional feed override (staging, tests), the policy.
import { z } from 'zod';
import { serverUrl } from '../../src-shared/sync/server-url';
import { UPDATE_CHANNELS, type UpdateChannel } from '../../src-shared/updates/feed';
import { updatePolicyConfig, type UpdatePolicyConfig } from '../../src-shared/updates/policy';

const env = z.object({
  GALLA_UPDATE_CHANNEL: z.enum(UPDATE_CHANNELS).default('stable'),
  /** A server to take updates from instead of the enrolled one, e.g. http://127.0.0.1:4400. */
  GALLA_UPDATE_SERVER: serverUrl.optional(),
  GALLA_UPDATE_CHECK_HOURS: z.coerce.number().positive().max(168).optional(),
  GALLA_UPDATE_FIRST_CHECK_SECONDS: z.coerce.number().min(0).max(3600).optional(),
  GALLA_UPDATE_START_WINDOW_SECONDS: z.coerce.number().min(0).max(3600).optional(),
  /** Lets an unpackaged app update (staging and the _electron test); never set on a shop's PC. */
  GALLA_UPDATE_FORCE_DEV: z.enum(['0', '1']).default('0'),
  /** "off" disables updating (a shop that installs by hand). */
  GALLA_UPDATES: z.enum(['on', 'off']).default('on'),
});

export interface UpdaterConfig {
  enabled: boolean;
  channel: UpdateChannel;
  serverOverride: string | null;
  policy: UpdatePolicyConfig;
  forceDev: boolean;
}

export function parseUpdaterConfig(raw: Record<string, string | undefined>): UpdaterConfig {
  const e = env.parse(raw);
  return {
    enabled: e.GALLA_UPDATES === 'on',
    channel: e.GALLA_UPDATE_CHANNEL,
    serverOverride: e.GALLA_UPDATE_SERVER ?? null,
    policy: updatePolicyConfig.parse({
      checkEveryHours: e.GALLA_UPDATE_CHECK_HOURS,
      firstCheckAfterSeconds: e.GALLA_UPDATE_FIRST_CHECK_SECONDS,
      startWindowSeconds: e.GALLA_UPDATE_START_WINDOW_SECONDS,
    }),
    forceDev: e.GALLA_UPDATE_FORCE_DEV === '1',
  };
}

/** The generic-provider folder for a channel on a Galla server. */
export function feedUrl(serverUrl: string, channel: UpdateChannel): string {
  return `${serverUrl.replace(/\/+$/, '')}/updates/${channel}`;
}
