// The e-way bill API as NIC publishes it (docs.ewaybillgst.gov.in → API: ACCESSTOKEN, then GENEWAYBILL, VEHEWB,
// CANEWB and GetEwayBillGeneratedByConsigner), reached through a GSP that takes and returns the plain JSON (the GSP
// does NIC's own payload encryption). Answers are { status: "1", data } or { status: "0", error } where error is
// NIC's base64 of { errorCodes: "604," }; every answer is checked with zod, a timeout or unreadable answer becomes a
// shop message, never a stack.
import { z } from 'zod';
import { Conflict, Invalid } from '../../../src-shared/errors';
import type { EwayBillApiConfig } from './config';

/** A few codes of NIC's e-way bill API error list (docs.ewaybillgst.gov.in → API → error codes), in shop words. */
const ERROR_TEXT: Record<string, string> = {
  '238': 'the login to the e-way bill API was refused',
  '312': 'this e-way bill is not yours or is already cancelled',
  '315': 'its cancellation period is over',
  '604': 'an e-way bill is already made for this document number',
  '702': 'the distance is too long for these PIN codes',
};

export class PortalRefused extends Conflict {
  constructor(readonly codes: string[]) {
    const code = codes.join(', ');
    super({
      key: 'ewbPortalRefused',
      params: { code, message: codes.map((one) => ERROR_TEXT[one] ?? 'see the portal’s error list').join('; ') },
    });
  }
}

/** "02/12/2026 10:05:00 AM" (IST, as NIC writes times) → the instant. */
export function portalTime(text: string): Date {
  const match = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}) ?([AP]M)?$/i.exec(text.trim());
  if (!match) throw new Invalid({ key: 'ewbPortalUnreadable' });
  const [, day, month, year, hour, minute, second, half] = match;
  let hours = Number(hour);
  if (half) hours = (hours % 12) + (half.toUpperCase() === 'PM' ? 12 : 0);
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), hours, Number(minute), Number(second));
  return new Date(utc - 330 * 60_000);
}

const answer = z.union([
  z.object({ status: z.literal('1'), data: z.unknown() }),
  z.object({ status: z.literal('0'), error: z.string() }),
]);
const errorCodes = z.object({ errorCodes: z.string() });

export const generated = z.object({ ewayBillNo: z.coerce.string(), ewayBillDate: z.string(), validUpto: z.string() });
export const vehicleUpdated = z.object({ vehUpdDate: z.string(), validUpto: z.string() });
export const cancelled = z.object({ ewayBillNo: z.coerce.string(), cancelDate: z.string() });

export interface EwbPortal {
  generate(gstin: string, bill: unknown): Promise<z.infer<typeof generated>>;
  /** The e-way bill the portal already has for this document, or null. */
  byDocument(gstin: string, docType: string, docNo: string): Promise<z.infer<typeof generated> | null>;
  updateVehicle(gstin: string, update: unknown): Promise<z.infer<typeof vehicleUpdated>>;
  cancel(gstin: string, cancellation: unknown): Promise<z.infer<typeof cancelled>>;
}

export function ewbPortal(config: EwayBillApiConfig): EwbPortal {
  const tokens = new Map<string, string>();

  async function call(path: string, gstin: string, init: { method: 'GET' | 'POST'; body?: unknown }, auth = true) {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'client-id': config.clientId,
      'client-secret': config.clientSecret,
      gstin,
    };
    if (auth) headers.authtoken = await token(gstin);
    let response: Response;
    try {
      response = await fetch(`${config.url}${path}`, {
        method: init.method,
        headers,
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch {
      throw new Conflict({ key: 'ewbPortalTimeout' });
    }
    const text = await response.text().catch(() => '');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Conflict({ key: 'ewbPortalUnreadable' });
    }
    const parsed = answer.safeParse(json);
    if (!parsed.success) throw new Conflict({ key: 'ewbPortalUnreadable' });
    if (parsed.data.status === '1') return parsed.data.data;
    throw new PortalRefused(codesOf(parsed.data.error));
  }

  async function token(gstin: string): Promise<string> {
    const known = tokens.get(gstin);
    if (known) return known;
    const data = await call(
      '/auth',
      gstin,
      { method: 'POST', body: { action: 'ACCESSTOKEN', username: config.username, password: config.password } },
      false,
    );
    const parsed = z.object({ authtoken: z.string().min(1) }).safeParse(data);
    if (!parsed.success) throw new Conflict({ key: 'ewbPortalUnreadable' });
    tokens.set(gstin, parsed.data.authtoken);
    return parsed.data.authtoken;
  }

  /** One retry after a fresh login when the token has expired (NIC's 238). */
  async function action<T>(gstin: string, schema: z.ZodType<T>, run: () => Promise<unknown>): Promise<T> {
    let data: unknown;
    try {
      data = await run();
    } catch (error) {
      if (!(error instanceof PortalRefused) || !error.codes.includes('238')) throw error;
      tokens.delete(gstin);
      data = await run();
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new Conflict({ key: 'ewbPortalUnreadable' });
    return parsed.data;
  }

  return {
    generate: (gstin, bill) =>
      action(gstin, generated, () =>
        call('/ewayapi', gstin, { method: 'POST', body: { action: 'GENEWAYBILL', data: bill } }),
      ),
    async byDocument(gstin, docType, docNo) {
      const query = new URLSearchParams({ docType, docNo });
      try {
        return await action(gstin, generated, () =>
          call(`/ewayapi/GetEwayBillGeneratedByConsigner?${query}`, gstin, { method: 'GET' }),
        );
      } catch (error) {
        if (error instanceof PortalRefused) return null;
        throw error;
      }
    },
    updateVehicle: (gstin, update) =>
      action(gstin, vehicleUpdated, () =>
        call('/ewayapi', gstin, { method: 'POST', body: { action: 'VEHEWB', data: update } }),
      ),
    cancel: (gstin, cancellation) =>
      action(gstin, cancelled, () =>
        call('/ewayapi', gstin, { method: 'POST', body: { action: 'CANEWB', data: cancellation } }),
      ),
  };
}

function codesOf(error: string): string[] {
  try {
    const parsed = errorCodes.parse(JSON.parse(Buffer.from(error, 'base64').toString('utf8')));
    return parsed.errorCodes
      .split(',')
      .map((code) => code.trim())
      .filter(Boolean);
  } catch {
    return ['?'];
  }
}
