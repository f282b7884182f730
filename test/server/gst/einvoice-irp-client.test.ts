// The GSP adapter against the local IRP stand-in: the published auth and encryption, the IRN and signed QR code, and
// the IRP's answers that are not an IRN (duplicate, refusal, a reply that is not JSON, no reply in time, cancellation).
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildEinvoice } from '../../../src-shared/gst/einvoice';
import { GSP_BAD_REPLY, GSP_TIMEOUT, IrpClient, type GspConfig } from '../../../server/gst/einvoice/irp-client';
import { startGspStandin, STANDIN_CREDENTIALS, type GspStandin } from '../../support/gsp-standin';
import { verifyJwt } from '../../support/jwt';
import { b2bInvoice, SHOP_GSTIN } from '../../support/einvoice-shop';

const SELLER = { gstin: SHOP_GSTIN, legalName: 'Galla Kirana Private Limited' };
let standin: GspStandin | null = null;

afterEach(async () => {
  await standin?.close();
  standin = null;
});

async function setUp(options: { timeoutMs?: number; now?: () => number; password?: string } = {}) {
  standin = await startGspStandin({ now: options.now, holdMs: 2_000 });
  const config: GspConfig = {
    baseUrl: standin.url,
    ...STANDIN_CREDENTIALS,
    password: options.password ?? STANDIN_CREDENTIALS.password,
    irpPublicKeyPem: standin.irpPublicKeyPem,
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  return { client: new IrpClient(config, options.now), standin };
}

describe('generating an IRN through the GSP', () => {
  it('signs in with the AppKey under RSA, sends the e-invoice under the SEK, and reads back the IRN and signed QR', async () => {
    const { client, standin } = await setUp();
    const einvoice = buildEinvoice(SELLER, b2bInvoice());
    const outcome = await client.generateIrn(SHOP_GSTIN, einvoice);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(standin.generateRequests).toEqual([einvoice]);
    const irn = createHash('sha256').update(`${SHOP_GSTIN}2026-27INVC1-000042`).digest('hex');
    expect(outcome.data.Irn).toBe(irn);
    expect(outcome.data.AckNo).toMatch(/^\d{15}$/);
    const qr = verifyJwt(outcome.data.SignedQRCode, standin.signingPublicKeyPem);
    expect(JSON.parse(qr.data as string)).toMatchObject({
      SellerGstin: SHOP_GSTIN,
      BuyerGstin: '29AAPFU0939F1ZR',
      DocNo: 'C1-000042',
      DocTyp: 'INV',
      TotInvVal: 1601,
      Irn: irn,
    });
    const [head, , signature] = outcome.data.SignedQRCode.split('.');
    const forged = Buffer.from(JSON.stringify({ data: '{"TotInvVal":1}', iss: 'NIC' })).toString('base64url');
    expect(() => verifyJwt(`${head}.${forged}.${signature}`, standin.signingPublicKeyPem)).toThrow('does not verify');
  });

  it('signs in once and reuses the session for the next document', async () => {
    const { client, standin } = await setUp();
    await client.generateIrn(SHOP_GSTIN, buildEinvoice(SELLER, b2bInvoice()));
    await client.generateIrn(SHOP_GSTIN, buildEinvoice(SELLER, b2bInvoice({ number: 'C1-000043' })));
    expect(standin.authRequests).toBe(1);
  });

  it('a second request for the same document is the IRP duplicate 2150, and the IRN is read back by its details', async () => {
    const { client } = await setUp();
    const einvoice = buildEinvoice(SELLER, b2bInvoice());
    const first = await client.generateIrn(SHOP_GSTIN, einvoice);
    const second = await client.generateIrn(SHOP_GSTIN, einvoice);
    expect(second).toMatchObject({ ok: false, kind: 'refused', errors: [{ code: '2150', message: 'Duplicate IRN' }] });
    expect(second.ok || second.kind !== 'refused' ? null : second.duplicateIrn).toBe(first.ok ? first.data.Irn : 'x');
    const found = await client.irnByDocument(SHOP_GSTIN, einvoice.DocDtls);
    expect(found).toEqual(first);
  });

  it('the IRP refusing a document comes back with its code and message', async () => {
    const { client, standin } = await setUp();
    const einvoice = buildEinvoice(SELLER, b2bInvoice());
    const wrongState = { ...einvoice, BuyerDtls: { ...einvoice.BuyerDtls, Stcd: '27' } };
    expect(await client.generateIrn(SHOP_GSTIN, wrongState)).toMatchObject({
      ok: false,
      kind: 'refused',
      errors: [{ code: '2265', message: expect.stringContaining('state code') }],
    });
    standin.failNextGenerate({ code: '3028', message: 'GSTIN - 29AAPFU0939F1ZR is invalid' });
    expect(await client.generateIrn(SHOP_GSTIN, einvoice)).toMatchObject({ errors: [{ code: '3028' }] });
  });

  it('a reply that is not JSON, and no reply in time, are failures to reach the IRP, not refusals', async () => {
    const { client, standin } = await setUp({ timeoutMs: 500 });
    standin.failNextGenerate('not-json');
    expect(await client.generateIrn(SHOP_GSTIN, buildEinvoice(SELLER, b2bInvoice()))).toMatchObject({
      ok: false,
      kind: 'unreachable',
      errors: [{ code: GSP_BAD_REPLY, message: expect.stringContaining('not JSON') }],
    });
    standin.failNextGenerate('timeout');
    expect(await client.generateIrn(SHOP_GSTIN, buildEinvoice(SELLER, b2bInvoice()))).toMatchObject({
      ok: false,
      kind: 'unreachable',
      errors: [{ code: GSP_TIMEOUT }],
    });
  });

  it('wrong API credentials are refused at sign-in and nothing is sent', async () => {
    const { client, standin } = await setUp({ password: 'not-the-password' });
    expect(await client.generateIrn(SHOP_GSTIN, buildEinvoice(SELLER, b2bInvoice()))).toMatchObject({
      ok: false,
      kind: 'refused',
      errors: [{ code: '1005' }],
    });
    expect(standin.generateRequests).toEqual([]);
  });
});

describe('cancelling an IRN', () => {
  it('works within 24 hours once; a second time the IRN is no longer active; after 24 hours the IRP refuses', async () => {
    let clock = Date.parse('2026-12-02T06:00:00Z');
    const { client } = await setUp({ now: () => clock });
    const first = await client.generateIrn(SHOP_GSTIN, buildEinvoice(SELLER, b2bInvoice()));
    const irn = first.ok ? first.data.Irn : '';
    const cancel = { Irn: irn, CnlRsn: '2', CnlRem: 'Wrong quantity billed' };
    expect(await client.cancelIrn(SHOP_GSTIN, cancel)).toMatchObject({ ok: true, data: { Irn: irn } });
    expect(await client.cancelIrn(SHOP_GSTIN, cancel)).toMatchObject({ errors: [{ code: '9999' }] });
    const late = await client.generateIrn(SHOP_GSTIN, buildEinvoice(SELLER, b2bInvoice({ number: 'C1-000050' })));
    clock += 25 * 3600_000;
    expect(await client.cancelIrn(SHOP_GSTIN, { ...cancel, Irn: late.ok ? late.data.Irn : '' })).toMatchObject({
      errors: [{ code: '2270' }],
    });
  });
});
