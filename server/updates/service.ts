// Releases and the feed: publish a release whose files are all uploaded, steer its channel and rollout, choose what
// each counter is offered (its shop's pin first, then the newest release its rollout bucket reaches), and pins.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { rcompare } from 'semver';
import { Conflict, Invalid, NotFound } from '../../src-shared/errors';
import {
  FEED_FILE,
  type PublishRelease,
  type ReleaseChange,
  type UpdateChannel,
  type UpdatePlatform,
} from '../../src-shared/updates/feed';
import { inShop } from '../db/tenant';
import { releaseFiles, releases, shopUpdatePins, type Release } from './schema';
import type { Caller, ServerDeps } from '../trpc/init';
import { readFeedYml } from './feed-yml';
import { chooseRelease, rolloutBucket } from './rollout';

export type ReleaseSummary = Omit<Release, 'feedYml'>;

const summary = ({ feedYml: _feedYml, ...rest }: Release): ReleaseSummary => rest;

function isUniqueViolation(error: unknown): boolean {
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause)
    if ((cause as { code?: string }).code === '23505') return true;
  return false;
}

/** Publishing the same feed file again is a harmless retry; a different one under a published version is refused. */
export async function publishRelease(deps: ServerDeps, input: PublishRelease): Promise<ReleaseSummary> {
  const info = readFeedYml(input.feedYml);
  const names = info.files.map((file) => file.url);
  const stored = await deps.db.select().from(releaseFiles).where(inArray(releaseFiles.fileName, names));
  for (const file of info.files) {
    const match = stored.find((row) => row.fileName === file.url);
    if (!match)
      throw new Invalid(`${file.url} is named in ${FEED_FILE[input.platform]} but was not uploaded; upload it first.`);
    if (match.sha512 !== file.sha512 || match.sizeBytes !== file.size)
      throw new Invalid(
        `${file.url} on the server is not the file ${FEED_FILE[input.platform]} describes (sha512 or size differ).`,
      );
  }
  const [existing] = await deps.db
    .select()
    .from(releases)
    .where(and(eq(releases.version, info.version), eq(releases.platform, input.platform)));
  if (existing) {
    if (existing.feedYml === input.feedYml) return summary(existing);
    throw new Conflict(
      `Version ${info.version} for ${input.platform} is already published with other files; a new build needs a new version.`,
    );
  }
  try {
    const [row] = await deps.db
      .insert(releases)
      .values({
        version: info.version,
        platform: input.platform,
        channel: input.channel,
        rolloutPercent: input.rolloutPercent,
        feedYml: input.feedYml,
        publishedAt: deps.clock(),
      })
      .returning();
    return summary(row!);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new Conflict(
        `Version ${info.version} for ${input.platform} was published at the same moment by another upload.`,
      );
    throw error;
  }
}

export async function changeRelease(
  deps: ServerDeps,
  version: string,
  platform: UpdatePlatform,
  change: ReleaseChange,
): Promise<ReleaseSummary> {
  const set: Partial<Release> = {};
  if (change.channel) set.channel = change.channel;
  if (change.rolloutPercent !== undefined) set.rolloutPercent = change.rolloutPercent;
  if (change.withdrawn !== undefined) set.withdrawnAt = change.withdrawn ? deps.clock() : null;
  const [row] = await deps.db
    .update(releases)
    .set(set)
    .where(and(eq(releases.version, version), eq(releases.platform, platform)))
    .returning();
  if (!row) throw new NotFound(`No release ${version} for ${platform}.`);
  return summary(row);
}

export async function listReleases(deps: ServerDeps): Promise<ReleaseSummary[]> {
  const rows = await deps.db.select().from(releases).orderBy(releases.publishedAt);
  return rows.map(summary);
}

/** Beta counters also take stable releases: beta runs ahead of stable, never behind it. */
const CHANNELS_SEEN: Record<UpdateChannel, UpdateChannel[]> = { stable: ['stable'], beta: ['stable', 'beta'] };

export type FeedAnswer =
  { release: Release; why: 'pinned' | 'newest' } | { release: null; why: 'pinned-missing' | 'none' };

export async function feedFor(
  deps: ServerDeps,
  channel: UpdateChannel,
  platform: UpdatePlatform,
  caller: Caller | null,
): Promise<FeedAnswer> {
  const device = caller?.kind === 'device' ? caller : null;
  if (device) {
    const [pin] = await inShop(deps.db, device.shopId, (tx) =>
      tx.select().from(shopUpdatePins).where(eq(shopUpdatePins.shopId, device.shopId)),
    );
    if (pin) {
      const [pinned] = await deps.db
        .select()
        .from(releases)
        .where(and(eq(releases.version, pin.version), eq(releases.platform, platform), isNull(releases.withdrawnAt)));
      return pinned ? { release: pinned, why: 'pinned' } : { release: null, why: 'pinned-missing' };
    }
  }
  const candidates = await deps.db
    .select()
    .from(releases)
    .where(
      and(
        eq(releases.platform, platform),
        inArray(releases.channel, CHANNELS_SEEN[channel]),
        isNull(releases.withdrawnAt),
      ),
    );
  const chosen = chooseRelease(candidates, device ? rolloutBucket(device.counterId) : null);
  return chosen ? { release: chosen, why: 'newest' } : { release: null, why: 'none' };
}

/** The owner holds the shop's counters at one version (say, the one their printers are known to work with). */
export async function pinShop(deps: ServerDeps, shopId: string, userId: string, version: string) {
  const [published] = await deps.db
    .select({ id: releases.id })
    .from(releases)
    .where(and(eq(releases.version, version), isNull(releases.withdrawnAt)));
  if (!published) throw new NotFound(`Version ${version} is not published on this server.`);
  return inShop(deps.db, shopId, async (tx) => {
    const values = { shopId, version, pinnedBy: userId, pinnedAt: deps.clock() };
    const [row] = await tx
      .insert(shopUpdatePins)
      .values(values)
      .onConflictDoUpdate({ target: shopUpdatePins.shopId, set: values })
      .returning();
    return row!;
  });
}

export function unpinShop(deps: ServerDeps, shopId: string): Promise<void> {
  return inShop(
    deps.db,
    shopId,
    async (tx) => void (await tx.delete(shopUpdatePins).where(eq(shopUpdatePins.shopId, shopId))),
  );
}

export async function shopPin(deps: ServerDeps, shopId: string) {
  const [pin] = await inShop(deps.db, shopId, (tx) =>
    tx.select().from(shopUpdatePins).where(eq(shopUpdatePins.shopId, shopId)),
  );
  return pin ?? null;
}

/** What an owner may pin to: live releases, newest version first, without the rollout internals. */
export async function pinnableVersions(deps: ServerDeps) {
  const rows = await deps.db
    .select({
      version: releases.version,
      platform: releases.platform,
      channel: releases.channel,
      publishedAt: releases.publishedAt,
    })
    .from(releases)
    .where(isNull(releases.withdrawnAt));
  return rows.sort((a, b) => rcompare(a.version, b.version) || a.platform.localeCompare(b.platform));
}
