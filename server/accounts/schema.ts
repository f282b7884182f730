// Accounts: shops (tenants), their people, login tokens, enrolled counters and one-time enrolment codes.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, bigint, integer, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';

export const USER_ROLES = ['owner', 'manager', 'staff'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const shops = pgTable('shops', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The trade name, on the dashboard and the counters. */
  name: text('name').notNull(),
  /** As registered for GST; null while the shop is not registered. */
  gstin: text('gstin'),
  legalName: text('legal_name').notNull().default(''),
  /** GST state code (27 = Maharashtra): the first two digits of the GSTIN when there is one. */
  stateCode: text('state_code'),
  address: text('address').notNull().default(''),
  /** The shop's latest change number: pushes take this row's lock, so changes commit in cursor order. */
  changeSeq: bigint('change_seq', { mode: 'number' }).notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    /** Stored lower-cased: one login per address across all shops. */
    email: text('email').notNull(),
    /** What the dashboard calls this person; null for logins made before names were asked. */
    name: text('name'),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('users_email_idx').on(t.email), index('users_shop_idx').on(t.shopId)],
);

export const TOKEN_KINDS = ['access', 'refresh'] as const;

/** Opaque bearer tokens, stored only as SHA-256 hashes; a refresh token is used once and replaced (rotation). */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: TOKEN_KINDS }).notNull(),
    /** All tokens descended from one login: reuse of a rotated refresh token revokes the whole family. */
    familyId: uuid('family_id').notNull(),
    /** When the password was typed for this family: refresh stops SESSION_MAX_DAYS after it, however often used. */
    sessionStartedAt: timestamp('session_started_at', { withTimezone: true }).notNull().defaultNow(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('auth_tokens_hash_idx').on(t.tokenHash), index('auth_tokens_family_idx').on(t.familyId)],
);

export const counters = pgTable(
  'counters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    name: text('name').notNull(),
    /** The counter's invoice series (C1, C2…): unique among a shop's live counters, so numbers never collide. */
    counterCode: text('counter_code').notNull(),
    deviceTokenHash: text('device_token_hash').notNull(),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    lastClockSkewMs: bigint('last_clock_skew_ms', { mode: 'number' }),
    appVersion: text('app_version'),
  },
  (t) => [
    uniqueIndex('counters_token_idx').on(t.deviceTokenHash),
    uniqueIndex('counters_live_code_idx')
      .on(t.shopId, t.counterCode)
      .where(sql`revoked_at IS NULL`),
  ],
);

export const enrolmentCodes = pgTable(
  'enrolment_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    codeHash: text('code_hash').notNull(),
    counterCode: text('counter_code').notNull(),
    name: text('name').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    counterId: uuid('counter_id'),
  },
  (t) => [uniqueIndex('enrolment_codes_hash_idx').on(t.codeHash)],
);

/**
 * Tries at logging in and at enrolment codes, per account and per address, in fixed windows. Not tenant data (a try
 * comes before anyone is known), so no shop_id; the key is stored only as a SHA-256 hash (it holds emails).
 */
export const authThrottle = pgTable(
  'auth_throttle',
  {
    keyHash: text('key_hash').primaryKey(),
    attempts: integer('attempts').notNull(),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('auth_throttle_window_idx').on(t.windowStartedAt)],
);

export type User = typeof users.$inferSelect;
export type Counter = typeof counters.$inferSelect;
