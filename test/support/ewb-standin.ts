// A local stand-in for the e-way bill API behind a GSP (NIC's ACCESSTOKEN, GENEWAYBILL, VEHEWB, CANEWB and
// GetEwayBillGeneratedByConsigner) on 127.0.0.1 and a free port: it checks credentials and each request against the
// published fields (test/support/ewb-schema.ts), keeps the e-way bills it made, answers as NIC does ({ status: "1",
// data } or { status: "0", error: base64 of { errorCodes } }), and can be told to misbehave: answer non-JSON, answer
// too late (having made the bill or not), or refuse with given codes.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validUntil } from '../../src-shared/gst/ewaybill';
import { ewbApiProblems } from './ewb-schema';

export const STANDIN_CREDENTIALS = {
  clientId: 'galla-test-client',
  clientSecret: 'galla-test-secret',
  username: 'galla_api_user',
  password: 'galla-api-password',
};

export type Misbehaviour =
  { kind: 'not-json' } | { kind: 'late'; afterMs: number; makeIt: boolean } | { kind: 'refuse'; codes: string };

export interface StandinBill {
  ewbNo: string;
  gstin: string;
  docType: string;
  docNo: string;
  generatedAt: Date;
  validUntil: Date;
  vehicleNo: string;
  status: 'active' | 'cancelled';
  body: Record<string, unknown>;
}

/** "02/12/2026 10:05:00 AM" in IST, as NIC writes its times. */
export function nicTime(at: Date): string {
  const ist = new Date(at.getTime() + 330 * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = ist.getUTCHours();
  const half = hours >= 12 ? 'PM' : 'AM';
  return `${pad(ist.getUTCDate())}/${pad(ist.getUTCMonth() + 1)}/${ist.getUTCFullYear()} ${pad(hours % 12 || 12)}:${pad(ist.getUTCMinutes())}:${pad(ist.getUTCSeconds())} ${half}`;
}

const refusal = (codes: string) => ({
  status: '0',
  error: Buffer.from(JSON.stringify({ errorCodes: codes })).toString('base64'),
});

async function bodyOf(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

export async function startEwbStandin(options: { clock?: () => Date } = {}) {
  const clock = options.clock ?? (() => new Date());
  const bills: StandinBill[] = [];
  const requests: { path: string; action: string; problems: string[] }[] = [];
  const tokens = new Set<string>();
  let next: Misbehaviour | null = null;
  let serial = 131_000_000_000;

  function generate(gstin: string, data: Record<string, unknown>) {
    const problems = ewbApiProblems(data);
    if (problems.length > 0) return { answer: refusal('100'), problems };
    if (data.fromGstin !== gstin) return { answer: refusal('209'), problems };
    const same = bills.find((bill) => bill.status === 'active' && bill.docNo === data.docNo && bill.gstin === gstin);
    if (same) return { answer: refusal('604'), problems };
    const generatedAt = clock();
    const bill: StandinBill = {
      ewbNo: String(++serial),
      gstin,
      docType: String(data.docType),
      docNo: String(data.docNo),
      generatedAt,
      validUntil: validUntil(generatedAt, Number(data.transDistance), data.vehicleType === 'O'),
      vehicleNo: String(data.vehicleNo),
      status: 'active',
      body: data,
    };
    bills.push(bill);
    return { answer: { status: '1', data: madeAnswer(bill) }, problems };
  }

  const madeAnswer = (bill: StandinBill) => ({
    ewayBillNo: Number(bill.ewbNo),
    ewayBillDate: nicTime(bill.generatedAt),
    // NIC writes the last minute of the day.
    validUpto: nicTime(new Date(bill.validUntil.getTime() - 59_000)),
    alert: '',
  });

  function action(gstin: string, body: { action?: string; data?: Record<string, unknown> }) {
    const data = body.data ?? {};
    if (body.action === 'GENEWAYBILL') return generate(gstin, data);
    const bill = bills.find((one) => one.ewbNo === String(data.ewbNo) && one.gstin === gstin);
    if (!bill || bill.status !== 'active') return { answer: refusal('312'), problems: [] };
    if (body.action === 'VEHEWB') {
      if (!/^[A-Z0-9]{6,15}$/.test(String(data.vehicleNo))) return { answer: refusal('108'), problems: [] };
      bill.vehicleNo = String(data.vehicleNo);
      return {
        answer: {
          status: '1',
          data: { vehUpdDate: nicTime(clock()), validUpto: nicTime(new Date(bill.validUntil.getTime() - 59_000)) },
        },
        problems: [],
      };
    }
    if (body.action === 'CANEWB') {
      if (clock().getTime() > bill.generatedAt.getTime() + 24 * 3_600_000)
        return { answer: refusal('315'), problems: [] };
      bill.status = 'cancelled';
      return {
        answer: { status: '1', data: { ewayBillNo: Number(bill.ewbNo), cancelDate: nicTime(clock()) } },
        problems: [],
      };
    }
    return { answer: refusal('100'), problems: [`unknown action ${body.action}`] };
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const gstin = String(request.headers.gstin ?? '');
    const reply = (json: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(json));
    };
    const rightClient =
      request.headers['client-id'] === STANDIN_CREDENTIALS.clientId &&
      request.headers['client-secret'] === STANDIN_CREDENTIALS.clientSecret;
    if (url.pathname === '/auth') {
      const body = (await bodyOf(request)) as { username?: string; password?: string };
      requests.push({ path: url.pathname, action: 'ACCESSTOKEN', problems: [] });
      if (
        !rightClient ||
        body.username !== STANDIN_CREDENTIALS.username ||
        body.password !== STANDIN_CREDENTIALS.password
      )
        return reply(refusal('106'));
      const token = `token-${tokens.size + 1}`;
      tokens.add(token);
      return reply({ status: '1', data: { authtoken: token } });
    }
    if (!rightClient || !tokens.has(String(request.headers.authtoken))) return reply(refusal('238'));
    const misbehaviour = next;
    next = null;
    if (url.pathname === '/ewayapi/GetEwayBillGeneratedByConsigner') {
      requests.push({ path: url.pathname, action: 'GETBYDOC', problems: [] });
      const bill = bills.find(
        (one) =>
          one.status === 'active' &&
          one.gstin === gstin &&
          one.docType === url.searchParams.get('docType') &&
          one.docNo === url.searchParams.get('docNo'),
      );
      return reply(bill ? { status: '1', data: madeAnswer(bill) } : refusal('325'));
    }
    const body = (await bodyOf(request)) as { action?: string; data?: Record<string, unknown> };
    if (misbehaviour?.kind === 'not-json') {
      requests.push({ path: url.pathname, action: String(body.action), problems: [] });
      response.writeHead(502, { 'content-type': 'text/html' });
      return response.end('<html><body>502 Bad Gateway</body></html>');
    }
    if (misbehaviour?.kind === 'refuse') {
      requests.push({ path: url.pathname, action: String(body.action), problems: [] });
      return reply(refusal(misbehaviour.codes));
    }
    const { answer, problems } =
      misbehaviour?.kind === 'late' && !misbehaviour.makeIt
        ? { answer: refusal('100'), problems: [] }
        : action(gstin, body);
    requests.push({ path: url.pathname, action: String(body.action), problems });
    if (misbehaviour?.kind === 'late') await new Promise((resolve) => setTimeout(resolve, misbehaviour.afterMs));
    if (!response.destroyed) reply(answer);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify(refusal('100')));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bills,
    requests,
    /** The next /ewayapi call misbehaves this way (once). */
    misbehave(how: Misbehaviour) {
      next = how;
    },
    /** The server's configuration for this stand-in. */
    config(timeoutMs = 2_000) {
      return { url: `http://127.0.0.1:${port}`, ...STANDIN_CREDENTIALS, timeoutMs };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type EwbStandin = Awaited<ReturnType<typeof startEwbStandin>>;
