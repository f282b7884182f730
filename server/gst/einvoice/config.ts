// The GSP's part of the server configuration (merged into server/config.ts, parsed once with the rest). The GSP's
// credentials and the e-invoice API user live only in the server's environment, never in the repository; without them
// e-invoicing cannot be switched on.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { GspConfig } from './irp-client';

export const einvoiceEnv = {
  /** The GSP's base URL for the IRP API (its sandbox or production address). */
  GSP_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  GSP_CLIENT_ID: z.string().min(1).optional(),
  GSP_CLIENT_SECRET: z.string().min(1).optional(),
  /** The API user created on the e-invoice portal for this GSP, and its password. */
  GSP_API_USER: z.string().min(1).optional(),
  GSP_API_PASSWORD: z.string().min(1).optional(),
  /** The IRP's public key (PEM file, as downloaded from the e-invoice portal). */
  IRP_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  GSP_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
};

type EinvoiceEnv = z.infer<z.ZodObject<typeof einvoiceEnv>>;

export function einvoiceConfig(env: EinvoiceEnv): GspConfig | null {
  const { GSP_BASE_URL, GSP_CLIENT_ID, GSP_CLIENT_SECRET, GSP_API_USER, GSP_API_PASSWORD, IRP_PUBLIC_KEY_FILE } = env;
  if (
    !GSP_BASE_URL ||
    !GSP_CLIENT_ID ||
    !GSP_CLIENT_SECRET ||
    !GSP_API_USER ||
    !GSP_API_PASSWORD ||
    !IRP_PUBLIC_KEY_FILE
  )
    return null;
  return {
    baseUrl: GSP_BASE_URL,
    clientId: GSP_CLIENT_ID,
    clientSecret: GSP_CLIENT_SECRET,
    userName: GSP_API_USER,
    password: GSP_API_PASSWORD,
    irpPublicKeyPem: readFileSync(IRP_PUBLIC_KEY_FILE, 'utf8'),
    timeoutMs: env.GSP_TIMEOUT_MS,
  };
}
