// A local stand-in for the IRP behind a GSP, on 127.0.0.1 and an ephemeral port: the same published protocol as the
// sandbox (einv-apisandbox.nic.in: RSA-encrypted auth carrying the AppKey, the SEK returned AES-256-ECB encrypted
// with it, payloads AES-256-ECB encrypted with the SEK), the e-invoice checked against the schema written from the
// NIC definitions, and the sandbox's answers: an IRN (SHA-256 of GSTIN, financial year, document type and number),
// acknowledgement number and date, a signed invoice and signed QR code (JWTs, RS256, signed by this stand-in's key),
// and its errors: 2150 duplicate IRN with DUPIRN details, 3028 invalid GSTIN, 2265 GSTIN and state code differ,
// 2270 cancellation after 24 hours; and, on request, a reply that is not JSON or no reply in time.
import { constants, createHash, createSign, generateKeyPairSync, privateDecrypt, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidGstin } from '../../src-shared/gst/gstin';
import type { Einvoice } from '../../src-shared/gst/einvoice';
import { aesEcbDecrypt, aesEcbEncrypt } from '../../server/gst/einvoice/irp-crypto';
import { einvoiceProblems } from './einvoice-schema';

export const STANDIN_CREDENTIALS = {
  clientId: 'standin-client',
  clientSecret: 'standin-secret',
  userName: 'galla_api_user',
  password: 'standin-password',
};

type Fault = 'not-json' | 'timeout' | { code: string; message: string };

interface Registered {
  gstin: string;
  doc: { Typ: string; No: string; Dt: string };
  ack: { Irn: string; AckNo: string; AckDt: string; SignedInvoice: string; SignedQRCode: string };
  generatedAt: number;
  cancelledAt: number | null;
}

export interface GspStandin {
  url: string;
  /** The IRP public key the GSP adapter encrypts its sign-in with. */
  irpPublicKeyPem: string;
  /** The key the signed invoice and QR code verify against. */
  signingPublicKeyPem: string;
  /** Every e-invoice a Generate IRN request carried, as decrypted, in order. */
  generateRequests: unknown[];
  authRequests: number;
  cancelRequests: unknown[];
  registered: Map<string, Registered>;
  /** The next Generate IRN answers with this fault instead (a timeout still registers the IRN, as a lost answer). */
  failNextGenerate(fault: Fault): void;
  close(): Promise<void>;
}

const json = (res: ServerResponse, body: unknown) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const refuse = (res: ServerResponse, code: string, message: string, info?: unknown) =>
  json(res, { Status: 0, ErrorDetails: [{ ErrorCode: code, ErrorMessage: message }], InfoDtls: info ?? null });

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Financial year of a dd/mm/yyyy date, as the IRN's hash takes it ("2026-27"). */
function financialYear(dt: string): string {
  const [, month, year] = dt.split('/').map(Number) as [number, number, number];
  const start = month >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** PKCS#1 v1.5 unpadding by hand: Node 20 refuses PKCS#1 v1.5 private decryption (CVE-2023-46809), the IRP uses it. */
function rsaDecryptPkcs1(privateKey: string, base64: string): Buffer {
  const block = privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, Buffer.from(base64, 'base64'));
  if (block[0] !== 0 || block[1] !== 2) throw new Error('bad padding');
  return block.subarray(block.indexOf(0, 2) + 1);
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** AckDt as the IRP writes it: "yyyy-MM-dd HH:mm:ss", Indian time. */
function ackDate(ms: number): string {
  return new Date(ms + 5.5 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export async function startGspStandin(options: { now?: () => number; holdMs?: number } = {}): Promise<GspStandin> {
  const now = options.now ?? Date.now;
  const encryption = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const encryptionPrivate = encryption.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const sessions = new Map<string, Buffer>();
  const faults: Fault[] = [];
  const registered = new Map<string, Registered>();
  let ackSeq = 0;
  const held = new Set<ServerResponse>();

  const jwt = (payload: unknown) => {
    const head = base64url(JSON.stringify({ alg: 'RS256', kid: 'galla-standin', typ: 'JWT' }));
    const body = base64url(JSON.stringify(payload));
    const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(signing.privateKey);
    return `${head}.${body}.${base64url(signature)}`;
  };

  const standin: Omit<GspStandin, 'url' | 'close'> = {
    irpPublicKeyPem: encryption.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    signingPublicKeyPem: signing.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    generateRequests: [],
    authRequests: 0,
    cancelRequests: [],
    registered,
    failNextGenerate: (fault) => void faults.push(fault),
  };

  const docKey = (gstin: string, typ: string, no: string, dt: string) => `${gstin}|${typ}|${no}|${dt}`;
  const answer = (res: ServerResponse, sek: Buffer, data: unknown) =>
    json(res, { Status: 1, Data: aesEcbEncrypt(sek, Buffer.from(JSON.stringify(data))), ErrorDetails: null });

  function register(gstin: string, einvoice: Einvoice): Registered {
    const doc = einvoice.DocDtls;
    const irn = createHash('sha256')
      .update(`${gstin}${financialYear(doc.Dt)}${doc.Typ}${doc.No}`)
      .digest('hex');
    const ackNo = String(112600000000000 + ++ackSeq);
    const ackDt = ackDate(now());
    const items = einvoice.ItemList;
    const qr = {
      SellerGstin: einvoice.SellerDtls.Gstin,
      BuyerGstin: einvoice.BuyerDtls.Gstin,
      DocNo: doc.No,
      DocTyp: doc.Typ,
      DocDt: doc.Dt,
      TotInvVal: einvoice.ValDtls.TotInvVal,
      ItemCnt: items.length,
      MainHsnCode: [...items].sort((a, b) => b.AssAmt - a.AssAmt)[0]!.HsnCd,
      Irn: irn,
      IrnDt: ackDt,
    };
    const entry: Registered = {
      gstin,
      doc,
      ack: {
        Irn: irn,
        AckNo: ackNo,
        AckDt: ackDt,
        SignedInvoice: jwt({ data: JSON.stringify({ ...einvoice, Irn: irn, AckNo: ackNo, AckDt: ackDt }), iss: 'NIC' }),
        SignedQRCode: jwt({ data: JSON.stringify(qr), iss: 'NIC' }),
      },
      generatedAt: now(),
      cancelledAt: null,
    };
    registered.set(irn, entry);
    return entry;
  }

  function byDoc(gstin: string, typ: string, no: string, dt: string): Registered | undefined {
    return [...registered.values()].find(
      (each) => docKey(each.gstin, each.doc.Typ, each.doc.No, each.doc.Dt) === docKey(gstin, typ, no, dt),
    );
  }

  async function generate(req: IncomingMessage, res: ServerResponse, sek: Buffer, gstin: string) {
    // Checked against the schema below before any field is read.
    const einvoice = JSON.parse(aesEcbDecrypt(sek, JSON.parse(await bodyOf(req)).Data).toString()) as Einvoice;
    standin.generateRequests.push(einvoice);
    const fault = faults.shift();
    if (fault === 'not-json') {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>502 Bad Gateway</body></html>');
      return;
    }
    const problems = einvoiceProblems(einvoice);
    if (problems.length) return refuse(res, '5002', `Schema validation failed: ${problems.join('; ')}`);
    if (typeof fault === 'object') return refuse(res, fault.code, fault.message);
    if (einvoice.SellerDtls.Gstin !== gstin)
      return refuse(res, '2258', 'Supplier GSTIN does not match the GSTIN of the session');
    const buyer = einvoice.BuyerDtls.Gstin;
    if (!isValidGstin(buyer)) return refuse(res, '3028', `GSTIN - ${buyer} is invalid`);
    if (einvoice.BuyerDtls.Stcd !== buyer.slice(0, 2))
      return refuse(
        res,
        '2265',
        'Recipient GSTIN state code does not match the state code passed in recipient details',
      );
    const doc = einvoice.DocDtls;
    const existing = byDoc(gstin, doc.Typ, doc.No, doc.Dt);
    if (existing)
      return refuse(res, '2150', 'Duplicate IRN', [
        { InfCd: 'DUPIRN', Desc: { AckNo: existing.ack.AckNo, AckDt: existing.ack.AckDt, Irn: existing.ack.Irn } },
      ]);
    const entry = register(gstin, einvoice);
    if (fault === 'timeout') {
      // The IRP registered it; its answer never arrives in time.
      held.add(res);
      setTimeout(() => {
        held.delete(res);
        if (!res.destroyed) answer(res, sek, { ...entry.ack, Status: 'ACT' });
      }, options.holdMs ?? 3_000).unref();
      return;
    }
    answer(res, sek, { ...entry.ack, Status: 'ACT', EwbNo: null, EwbDt: null, EwbValidTill: null });
  }

  async function cancel(req: IncomingMessage, res: ServerResponse, sek: Buffer, gstin: string) {
    const body = JSON.parse(aesEcbDecrypt(sek, JSON.parse(await bodyOf(req)).Data).toString()) as {
      Irn: string;
      CnlRsn: string;
      CnlRem: string;
    };
    standin.cancelRequests.push(body);
    const entry = registered.get(body.Irn);
    if (!entry || entry.gstin !== gstin) return refuse(res, '2143', 'IRN details are not found');
    if (!['1', '2', '3', '4'].includes(body.CnlRsn)) return refuse(res, '2275', 'Invalid cancellation reason');
    if (entry.cancelledAt !== null) return refuse(res, '9999', 'Invoice is not active');
    if (now() - entry.generatedAt > 24 * 3600_000)
      return refuse(res, '2270', 'The allowed cancellation time limit is crossed, you cannot cancel the IRN');
    entry.cancelledAt = now();
    answer(res, sek, { Irn: body.Irn, CancelDate: ackDate(entry.cancelledAt) });
  }

  async function auth(req: IncomingMessage, res: ServerResponse) {
    standin.authRequests++;
    const { Data } = JSON.parse(await bodyOf(req)) as { Data: string };
    const credentials = JSON.parse(rsaDecryptPkcs1(encryptionPrivate, Data).toString()) as Record<string, string>;
    if (credentials.UserName !== STANDIN_CREDENTIALS.userName || credentials.Password !== STANDIN_CREDENTIALS.password)
      return refuse(res, '1005', 'Invalid Token / Invalid login credentials');
    const sek = randomBytes(32);
    const token = randomBytes(12).toString('hex');
    sessions.set(token, sek);
    json(res, {
      Status: 1,
      Data: {
        ClientId: STANDIN_CREDENTIALS.clientId,
        UserName: credentials.UserName,
        AuthToken: token,
        Sek: aesEcbEncrypt(Buffer.from(credentials.AppKey!, 'base64'), sek),
        TokenExpiry: ackDate(now() + 6 * 3600_000),
      },
    });
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://standin');
    if (
      req.headers.client_id !== STANDIN_CREDENTIALS.clientId ||
      req.headers.client_secret !== STANDIN_CREDENTIALS.clientSecret
    )
      return refuse(res, '1004', 'Header GSTIN is required / invalid client credentials');
    if (url.pathname === '/eivital/v1.04/auth' && req.method === 'POST') return auth(req, res);
    const sek = sessions.get(String(req.headers.authtoken));
    const gstin = String(req.headers.gstin);
    if (!sek) return refuse(res, '1005', 'Invalid Token');
    if (url.pathname === '/eicore/v1.03/Invoice' && req.method === 'POST') return generate(req, res, sek, gstin);
    if (url.pathname === '/eicore/v1.03/Invoice/Cancel' && req.method === 'POST') return cancel(req, res, sek, gstin);
    if (url.pathname === '/eicore/v1.03/Invoice/irnbydocdetails' && req.method === 'GET') {
      const q = url.searchParams;
      const entry = byDoc(gstin, q.get('doctype') ?? '', q.get('docnum') ?? '', q.get('docdate') ?? '');
      if (!entry) return refuse(res, '2148', 'Requested IRN data is not available');
      return answer(res, sek, { ...entry.ack, Status: entry.cancelledAt === null ? 'ACT' : 'CNL' });
    }
    res.writeHead(404).end();
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch(() => refuse(res, '5001', 'Decryption of data failed'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(standin, {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Verifies an RS256 JWT against a public key and returns its payload; throws when the signature does not hold. */
export { verifyJwt } from './jwt';
