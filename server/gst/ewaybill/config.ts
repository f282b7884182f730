// The e-way bill API's part of the server configuration (merged into server/config.ts, parsed once with the rest): the
// GSP's address and the shop operator's API credentials, from the environment only. Unset: the dashboard offers the
// bulk-upload file alone.
import { z } from 'zod';

export const ewayBillEnv = {
  /** The GSP's e-way bill API base (it serves /auth and /ewayapi as NIC's API does). */
  EWB_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  EWB_API_CLIENT_ID: z.string().min(1).optional(),
  EWB_API_CLIENT_SECRET: z.string().min(1).optional(),
  EWB_API_USERNAME: z.string().min(1).optional(),
  EWB_API_PASSWORD: z.string().min(1).optional(),
  EWB_API_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
};

export interface EwayBillApiConfig {
  url: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  timeoutMs: number;
}

export function ewayBillConfig(env: {
  EWB_API_URL?: string | undefined;
  EWB_API_CLIENT_ID?: string | undefined;
  EWB_API_CLIENT_SECRET?: string | undefined;
  EWB_API_USERNAME?: string | undefined;
  EWB_API_PASSWORD?: string | undefined;
  EWB_API_TIMEOUT_MS: number;
}): EwayBillApiConfig | null {
  const { EWB_API_URL: url, EWB_API_CLIENT_ID: clientId, EWB_API_CLIENT_SECRET: clientSecret } = env;
  const { EWB_API_USERNAME: username, EWB_API_PASSWORD: password } = env;
  if (!url || !clientId || !clientSecret || !username || !password) return null;
  return { url: url.replace(/\/$/, ''), clientId, clientSecret, username, password, timeoutMs: env.EWB_API_TIMEOUT_MS };
}
