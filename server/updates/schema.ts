// The desktop app's update feed: uploaded release files, releases per platform with channel and staged rollout,
// and an owner's pin holding a shop at one version.
import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { UPDATE_CHANNELS, UPDATE_PLATFORMS } from '../../src-shared/updates/feed';
import { shops, users } from '../accounts/schema';

/** Content-addressed by name: a file that belongs to a published release never changes (see server/updates/store.ts). */
export const releaseFiles = pgTable('release_files', {
  fileName: text('file_name').primaryKey(),
  /** Base64 SHA-512, as electron-builder writes it in latest.yml and electron-updater checks it. */
  sha512: text('sha512').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const releases = pgTable(
  'releases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: text('version').notNull(),
    platform: text('platform', { enum: UPDATE_PLATFORMS }).notNull(),
    channel: text('channel', { enum: UPDATE_CHANNELS }).notNull(),
    /** latest.yml / latest-linux.yml exactly as electron-builder generated it. */
    feedYml: text('feed_yml').notNull(),
    /** Share of counters (by a hash of their id) offered this release; counters with no id only see 100 %. */
    rolloutPercent: integer('rollout_percent').notNull().default(100),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('releases_version_platform_idx').on(t.version, t.platform),
    check('releases_rollout_range', sql`${t.rolloutPercent} BETWEEN 0 AND 100`),
  ],
);

export const shopUpdatePins = pgTable('shop_update_pins', {
  shopId: uuid('shop_id')
    .primaryKey()
    .references(() => shops.id),
  version: text('version').notNull(),
  pinnedBy: uuid('pinned_by')
    .notNull()
    .references(() => users.id),
  pinnedAt: timestamp('pinned_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Release = typeof releases.$inferSelect;
export type ReleaseFile = typeof releaseFiles.$inferSelect;
