// The GSP adapter: talks to the Invoice Registration Portal through a GST Suvidha Provider with the GSP's credentials
// (server configuration only), using the IRP's published API (einv-apisandbox.nic.in: Authenticate v1.04, Generate IRN,
// Get IRN by document details and Cancel IRN v1.03) and its encryption (irp-crypto.ts). Every answer becomes a value:
// the data, the IRP's own refusal (its ErrorCode and ErrorMessage), or a failure to reach it (timeout, not JSON).
import { z } from 'zod';
import type { Einvoice, EinvoiceDocType } from '../../../src-shared/gst/einvoice';
import { decryptPayload, decryptSek, encryptPayload, newAppKey, rsaEncryptForIrp } from './irp-crypto';

export interface GspConfig {
  /** The GSP's base URL for the IRP API (the sandbox's or production's). */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The API user the taxpayer created on the e-invoice portal for this GSP. */
  userName: string;
  password: string;
  /** The IRP's public key (PEM), as downloaded from the portal. */
  irpPublicKeyPem: string;
  /** How long one request may take before it counts as a timeout (retried later by the queue). */
  timeoutMs: number;
}

export interface IrnAck {
  Irn: string;
  AckNo: string;
  AckDt: string;
  SignedInvoice: string;
  SignedQRCode: string;
}

export interface IrpError {
  code: string;
  message: string;
}

export type IrpOutcome<T> =
  | { ok: true; data: T }
  /** The IRP answered and refused; a duplicate names the IRN it already has (InfoDtls DUPIRN). */
  | { ok: false; kind: 'refused'; errors: IrpError[]; duplicateIrn: string | null }
  /** No usable answer: a timeout, a network failure or a reply that is not JSON. Worth trying again later. */
  | { ok: false; kind: 'unreachable'; errors: IrpError[] };

/** Codes Galla gives the failures that never reached the IRP's own list, stored beside the IRP's codes. */
export const GSP_TIMEOUT = 'GSP_TIMEOUT';
export const GSP_BAD_REPLY = 'GSP_BAD_REPLY';
export const GSP_UNREACHABLE = 'GSP_UNREACHABLE';
/** The IRP's code for a document it already registered (with InfoDtls "DUPIRN" naming the IRN). */
export const IRP_DUPLICATE_IRN = '2150';

const envelope = z.looseObject({
  Status: z.union([z.literal(1), z.literal(0), z.literal('1'), z.literal('0')]),
  Data: z.unknown().optional(),
  ErrorDetails: z.array(z.looseObject({ ErrorCode: z.coerce.string(), ErrorMessage: z.string() })).nullish(),
  InfoDtls: z.array(z.looseObject({ InfCd: z.string(), Desc: z.unknown() })).nullish(),
});
const authData = z.looseObject({ AuthToken: z.string(), Sek: z.string(), TokenExpiry: z.string().optional() });
const ackData = z.object({
  Irn: z.string(),
  AckNo: z.coerce.string(),
  AckDt: z.string(),
  SignedInvoice: z.string(),
  SignedQRCode: z.string(),
});
const cancelData = z.object({ Irn: z.string(), CancelDate: z.string() });

interface Session {
  authToken: string;
  sek: Buffer;
  expiresAt: number;
}

/** A session is used until 10 minutes before the IRP's six-hour token expires. */
const SESSION_MS = (6 * 60 - 10) * 60_000;

export class IrpClient {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly config: GspConfig,
    private readonly now: () => number = Date.now,
  ) {}

  generateIrn(gstin: string, einvoice: Einvoice): Promise<IrpOutcome<IrnAck>> {
    return this.call(gstin, 'POST', '/eicore/v1.03/Invoice', einvoice, ackData);
  }

  /** The IRP's GetIRNByDocDetails: what it registered for a document, after a duplicate or a lost answer. */
  irnByDocument(gstin: string, doc: { Typ: EinvoiceDocType; No: string; Dt: string }): Promise<IrpOutcome<IrnAck>> {
    const query = new URLSearchParams({ doctype: doc.Typ, docnum: doc.No, docdate: doc.Dt });
    return this.call(gstin, 'GET', `/eicore/v1.03/Invoice/irnbydocdetails?${query}`, null, ackData);
  }

  cancelIrn(
    gstin: string,
    cancel: { Irn: string; CnlRsn: string; CnlRem: string },
  ): Promise<IrpOutcome<{ Irn: string; CancelDate: string }>> {
    return this.call(gstin, 'POST', '/eicore/v1.03/Invoice/Cancel', cancel, cancelData);
  }

  private async call<T>(
    gstin: string,
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    data: z.ZodType<T>,
  ): Promise<IrpOutcome<T>> {
    const session = await this.session(gstin);
    if (!session.ok) return session;
    const headers = { ...this.headers(gstin), authtoken: session.data.authToken };
    const reply = await this.send(
      method,
      path,
      headers,
      body === null ? null : { Data: encryptPayload(session.data.sek, body) },
    );
    if (!reply.ok) return reply;
    if (reply.data.Status === 0 || reply.data.Status === '0') return refusal(reply.data);
    try {
      const decrypted = typeof reply.data.Data === 'string' ? decryptPayload(session.data.sek, reply.data.Data) : null;
      return { ok: true, data: data.parse(decrypted) };
    } catch {
      return unreachable(GSP_BAD_REPLY, 'The IRP answered with data Galla could not read.');
    }
  }

  private async session(gstin: string): Promise<IrpOutcome<Session>> {
    const cached = this.sessions.get(gstin);
    if (cached && cached.expiresAt > this.now()) return { ok: true, data: cached };
    const appKey = newAppKey();
    const credentials = {
      UserName: this.config.userName,
      Password: this.config.password,
      AppKey: appKey.toString('base64'),
      ForceRefreshAccessToken: false,
    };
    const reply = await this.send('POST', '/eivital/v1.04/auth', this.headers(gstin), {
      Data: rsaEncryptForIrp(this.config.irpPublicKeyPem, credentials),
    });
    if (!reply.ok) return reply;
    if (reply.data.Status === 0 || reply.data.Status === '0') return refusal(reply.data);
    const auth = authData.safeParse(reply.data.Data);
    if (!auth.success)
      return unreachable(GSP_BAD_REPLY, 'The IRP answered the sign-in with data Galla could not read.');
    const session = {
      authToken: auth.data.AuthToken,
      sek: decryptSek(appKey, auth.data.Sek),
      expiresAt: this.now() + SESSION_MS,
    };
    this.sessions.set(gstin, session);
    return { ok: true, data: session };
  }

  private headers(gstin: string): Record<string, string> {
    return {
      'content-type': 'application/json',
      client_id: this.config.clientId,
      client_secret: this.config.clientSecret,
      gstin,
      user_name: this.config.userName,
    };
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body: unknown,
  ): Promise<IrpOutcome<z.infer<typeof envelope>>> {
    let text: string;
    try {
      const response = await fetch(new URL(path.replace(/^\//, ''), this.config.baseUrl.replace(/\/?$/, '/')), {
        method,
        headers,
        ...(body === null ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError')
        return unreachable(GSP_TIMEOUT, `The GSP did not answer within ${this.config.timeoutMs / 1000} seconds.`);
      return unreachable(GSP_UNREACHABLE, 'The GSP could not be reached.');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return unreachable(GSP_BAD_REPLY, `The IRP's reply was not JSON: ${text.slice(0, 80)}`);
    }
    const parsed = envelope.safeParse(json);
    if (!parsed.success) return unreachable(GSP_BAD_REPLY, "The IRP's reply did not have the IRP's shape.");
    return { ok: true, data: parsed.data };
  }
}

function unreachable(code: string, message: string): IrpOutcome<never> {
  return { ok: false, kind: 'unreachable', errors: [{ code, message }] };
}

const duplicateDesc = z.looseObject({ Irn: z.string() });

function refusal(reply: z.infer<typeof envelope>): IrpOutcome<never> {
  const errors = (reply.ErrorDetails ?? []).map((error) => ({ code: error.ErrorCode, message: error.ErrorMessage }));
  const info = (reply.InfoDtls ?? []).find((each) => each.InfCd === 'DUPIRN');
  const duplicate = info ? duplicateDesc.safeParse(info.Desc) : null;
  return {
    ok: false,
    kind: 'refused',
    errors: errors.length ? errors : [{ code: 'UNKNOWN', message: 'The IRP refused without saying why.' }],
    duplicateIrn: duplicate?.success ? duplicate.data.Irn : null,
  };
}

const clients = new WeakMap<GspConfig, IrpClient>();

/** One client per configured GSP, so the worker and the dashboard share its IRP session. */
export function gspClient(config: GspConfig): IrpClient {
  let client = clients.get(config);
  if (!client) clients.set(config, (client = new IrpClient(config)));
  return client;
}
