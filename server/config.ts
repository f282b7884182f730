// Server configuration: read once from the environment at start-up, validated with zod, then passed in.
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { updatesConfig, updatesEnv, type UpdatesConfig } from './updates/config';
import { operationsConfig, operationsEnv, type OperationsConfig } from './backup/config';
import { einvoiceConfig, einvoiceEnv } from './gst/einvoice/config';
import type { GspConfig } from './gst/einvoice/irp-client';
import { ewayBillConfig, ewayBillEnv, type EwayBillApiConfig } from './gst/ewaybill/config';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4400),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** A real PostgreSQL; without it the server runs on PGlite in GALLA_DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /**
   * Optional: a login role that owns nothing and is a member of galla_app, for the application's connections; migrations
   * still use DATABASE_URL (the owner). Without it the app connects with DATABASE_URL and does SET ROLE galla_app.
   */
  DATABASE_APP_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  GALLA_DATA_DIR: z.string().min(1).default('galla-server-data'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Comma-separated origins allowed to call the API from a browser (the owner dashboard); empty: none. */
  CORS_ORIGINS: z.string().default(''),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(16 * 1024 * 1024),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(10)
    .default(15 * 60),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).default(30),
  ENROLMENT_CODE_TTL_MINUTES: z.coerce.number().int().min(1).default(30),
  /** Tries at logging in or exchanging an enrolment code, per account and per address, in each window. */
  AUTH_ATTEMPTS_MAX: z.coerce.number().int().min(1).default(5),
  AUTH_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** A login ends this many days after the password was typed, however often it is refreshed. */
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).default(30),
  /** A refresh token used again within this many seconds (two tabs refreshing at once) is not taken as stolen. */
  REFRESH_GRACE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  /**
   * Which proxies in front of the server to believe about the client's address (X-Forwarded-For), for the login
   * limits: empty (none: the default), a number of proxy hops, or comma-separated addresses/CIDRs of the proxies.
   * "true" believes any sender, which lets a client pick its own address: only behind a proxy that overwrites it.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('')
    .refine(
      (text) =>
        text === '' ||
        /^(true|false|\d{1,2})$/.test(text) ||
        text.split(',').every((part) => isIP(part.trim().split('/')[0]!) > 0),
      'use "true", "false", a number of proxy hops, or comma-separated proxy addresses or CIDRs',
    ),
  ...updatesEnv,
  ...operationsEnv,
  ...einvoiceEnv,
  ...ewayBillEnv,
});

export interface ServerConfig {
  port: number;
  host: string;
  database:
    { kind: 'postgres'; url: string; appUrl: string | null; poolMax: number } | { kind: 'pglite'; dataDir: string };
  logLevel: (typeof LOG_LEVELS)[number];
  corsOrigins: string[];
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  enrolmentCodeTtlMinutes: number;
  auth: { attemptsMax: number; windowMinutes: number; sessionMaxDays: number; refreshGraceSeconds: number };
  /** Fastify's trustProxy: false, a hop count, or the proxies' addresses. */
  trustProxy: boolean | number | string[];
  updates: UpdatesConfig;
  operations: OperationsConfig;
  /** The GSP that reports e-invoices to the IRP; null when the server has no GSP credentials. */
  einvoice: GspConfig | null;
  /** The e-way bill API through a GSP; null when not configured. */
  ewayBillApi: EwayBillApiConfig | null;
}

export function parseConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`The server's configuration is not valid: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, appUrl: e.DATABASE_APP_URL ?? null, poolMax: e.DATABASE_POOL_MAX }
      : { kind: 'pglite', dataDir: path.resolve(e.GALLA_DATA_DIR, 'pglite') },
    logLevel: e.LOG_LEVEL,
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    enrolmentCodeTtlMinutes: e.ENROLMENT_CODE_TTL_MINUTES,
    auth: {
      attemptsMax: e.AUTH_ATTEMPTS_MAX,
      windowMinutes: e.AUTH_WINDOW_MINUTES,
      sessionMaxDays: e.SESSION_MAX_DAYS,
      refreshGraceSeconds: e.REFRESH_GRACE_SECONDS,
    },
    trustProxy: trustProxy(e.TRUST_PROXY),
    updates: updatesConfig(e),
    operations: operationsConfig(e),
    einvoice: einvoiceConfig(e),
    ewayBillApi: ewayBillConfig(e),
  };
}

function trustProxy(text: string): ServerConfig['trustProxy'] {
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text.split(',').map((part) => part.trim());
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
