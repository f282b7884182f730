// For the dashboard's buying-side pages: a third counter of the shop pushes, through the real sync procedure, what its
// ledger sends for two suppliers — bills last month (one under reverse charge, one partly returned) and this week, the
// payable entries they make, and a payment. The same GSTR-2B file the owner uploads in the spec is written beside it.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SyncOp } from '../../../src-shared/sync/protocol';
import type { ReportShop } from '../../support/report-shop';
import { shopDayAgo } from '../../support/shop-days';
import { debitNoteOp, payableOp, purchaseBillOp, supplierPaymentOp } from '../../support/purchase-ops';
import { pushOf } from '../../support/sync-ops';

export const SUPPLIERS = {
  sharma: { gstin: '27AABCS1429B1Z5', name: 'Sharma Wholesale' },
  rajesh: { gstin: '29AAACR5055K1Z5', name: 'Rajesh Traders (Bengaluru)' },
} as const;

function supplierOp(id: string, name: string, gstin: string): SyncOp {
  const at = new Date().toISOString();
  return {
    opId: randomUUID(),
    seq: 1,
    entity: 'party',
    entityId: id,
    payload: {
      id,
      kind: 'supplier',
      name,
      phone: '',
      gstin,
      stateCode: gstin.slice(0, 2),
      address: '',
      openingBalancePaise: 0,
      creditLimitPaise: null,
      balancePaise: 0,
      active: true,
      createdAt: at,
      updatedAt: at,
    },
    createdAt: at,
  };
}

/** The month before today's (YYYY-MM) and a day in it. */
function lastMonthDay(now: Date, day: number): string {
  const [year, month] = shopDayAgo(now, 0).split('-').map(Number) as [number, number];
  const last = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  return `${last}-${String(day).padStart(2, '0')}`;
}

export async function seedPurchases(shop: ReportShop, now = new Date()): Promise<{ twoBFile: string }> {
  const { code } = await shop.owner.counters.createEnrolmentCode({ name: 'Back office', counterCode: 'C3' });
  const enrolled = await (await shop.server.as(null)).counters.enrol({ code, counterCode: 'C3' });
  const device = await shop.server.as(enrolled.deviceToken);
  const sharma = randomUUID();
  const rajesh = randomUUID();
  const d = (day: number) => lastMonthDay(now, day);
  const at = (date: string) => ({ createdAt: `${date}T05:30:00.000Z` });
  const bill = (n: number, supplierId: string, options: Omit<Parameters<typeof purchaseBillOp>[0], 'number'>) =>
    purchaseBillOp({ ...options, number: `C3PB-2026-${String(n).padStart(6, '0')}`, supplierId });
  const b1 = bill(1, sharma, {
    supplierGstin: SUPPLIERS.sharma.gstin,
    supplierInvoiceNumber: 'SW/0042',
    supplierInvoiceDate: d(3),
    businessDate: d(3),
    taxablePaise: 500_000,
    cgstPaise: 45_000,
    sgstPaise: 45_000,
    paidPaise: 90_000,
  });
  const b2 = bill(2, rajesh, {
    supplierGstin: SUPPLIERS.rajesh.gstin,
    supplierStateCode: '29',
    supplierInvoiceNumber: 'RT-7',
    supplierInvoiceDate: d(9),
    businessDate: d(9),
    taxablePaise: 300_000,
    igstPaise: 54_000,
  });
  const b3 = bill(3, sharma, {
    supplierGstin: SUPPLIERS.sharma.gstin,
    supplierInvoiceNumber: 'SW/0050',
    supplierInvoiceDate: d(21),
    businessDate: d(21),
    taxablePaise: 80_000,
    cgstPaise: 7_200,
    sgstPaise: 7_200,
  });
  const b4 = bill(4, sharma, {
    supplierGstin: null,
    reverseCharge: true,
    supplierInvoiceNumber: 'URD-1',
    supplierInvoiceDate: d(15),
    businessDate: d(15),
    taxablePaise: 100_000,
    cgstPaise: 2_500,
    sgstPaise: 2_500,
    paidPaise: 100_000,
  });
  const recent = shopDayAgo(now, 1);
  const b5 = bill(5, rajesh, {
    supplierGstin: SUPPLIERS.rajesh.gstin,
    supplierStateCode: '29',
    supplierInvoiceNumber: 'RT-19',
    supplierInvoiceDate: recent,
    businessDate: recent,
    taxablePaise: 120_000,
    igstPaise: 21_600,
  });
  const dn = debitNoteOp(b1, {
    number: 'C3DN-2026-000001',
    businessDate: d(12),
    taxablePaise: 50_000,
    cgstPaise: 4_500,
    sgstPaise: 4_500,
  });
  const pay = supplierPaymentOp({ number: 'C3SP-2026-000001', supplierId: sharma, amountPaise: 200_000, mode: 'upi' });
  const ops = [
    supplierOp(sharma, SUPPLIERS.sharma.name, SUPPLIERS.sharma.gstin),
    supplierOp(rajesh, SUPPLIERS.rajesh.name, SUPPLIERS.rajesh.gstin),
    b1,
    payableOp(sharma, 500_000, 'purchase', { ...at(d(3)), docId: b1.entityId }),
    b2,
    payableOp(rajesh, 354_000, 'purchase', { ...at(d(9)), docId: b2.entityId }),
    b3,
    payableOp(sharma, 94_400, 'purchase', { ...at(d(21)), docId: b3.entityId }),
    b4,
    dn,
    payableOp(sharma, -59_000, 'debit_note', { ...at(d(12)), docId: dn.entityId }),
    pay,
    payableOp(sharma, -200_000, 'payment', { ...at(recent), docId: pay.entityId }),
    b5,
    payableOp(rajesh, 141_600, 'purchase', { ...at(recent), docId: b5.entityId }),
  ].map((op, index) => ({ ...op, seq: index + 1 }));
  const pushed = await device.sync.push(pushOf(ops));
  const refused = pushed.results.filter((result) => result.status !== 'applied');
  if (refused.length > 0) throw new Error(`the purchase seed was refused: ${JSON.stringify(refused)}`);

  // The month's GSTR-2B: SW/0042 as filed (matched), RT-7 with other figures (mismatched), one invoice the shop never
  // recorded (missing in books), and Sharma's credit note for the return (matched); SW/0050 is not filed yet.
  const portal = (iso: string) => iso.split('-').reverse().join('-');
  const twoB = {
    data: {
      gstin: '27AAPFU0939F1ZV',
      rtnprd: `${d(1).slice(5, 7)}${d(1).slice(0, 4)}`,
      version: '1.0',
      docdata: {
        b2b: [
          {
            ctin: SUPPLIERS.sharma.gstin,
            trdnm: 'SHARMA WHOLESALE',
            inv: [
              {
                inum: 'SW-42',
                dt: portal(d(3)),
                val: 5900,
                rev: 'N',
                items: [{ num: 1, rt: 18, txval: 5000, igst: 0, cgst: 450, sgst: 450, cess: 0 }],
              },
            ],
          },
          {
            ctin: SUPPLIERS.rajesh.gstin,
            trdnm: 'RAJESH TRADERS',
            inv: [
              {
                inum: 'RT-0007',
                dt: portal(d(9)),
                val: 3658,
                rev: 'N',
                items: [{ num: 1, rt: 18, txval: 3100, igst: 558, cgst: 0, sgst: 0, cess: 0 }],
              },
              {
                inum: 'RT-11',
                dt: portal(d(25)),
                val: 1416,
                rev: 'N',
                items: [{ num: 1, rt: 18, txval: 1200, igst: 216, cgst: 0, sgst: 0, cess: 0 }],
              },
            ],
          },
        ],
        cdnr: [
          {
            ctin: SUPPLIERS.sharma.gstin,
            trdnm: 'SHARMA WHOLESALE',
            nt: [
              {
                ntnum: 'SWCN-3',
                typ: 'C',
                dt: portal(d(13)),
                val: 590,
                items: [{ num: 1, rt: 18, txval: 500, igst: 0, cgst: 45, sgst: 45, cess: 0 }],
              },
            ],
          },
        ],
      },
    },
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-2b-'));
  const twoBFile = path.join(dir, `GSTR2B_27AAPFU0939F1ZV_${twoB.data.rtnprd}.json`);
  fs.writeFileSync(twoBFile, JSON.stringify(twoB, null, 2));
  return { twoBFile };
}
