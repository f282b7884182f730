// The report-relevant fields of synced invoice and credit-note payloads, read leniently: older counters may omit some.
import { z } from 'zod';
import { divRound } from '../../src-shared/money';

const paise = z.number().int().catch(0);
const text = (fallback: string) => z.string().catch(fallback);

export const reportInvoiceLine = z.looseObject({
  id: z.string(),
  itemId: z.string(),
  name: text(''),
  hsn: text(''),
  unit: text('pcs'),
  qtyMilli: paise,
  unitCostPaise: paise,
  gstRateBp: paise,
  taxablePaise: paise,
  cgstPaise: paise,
  sgstPaise: paise,
  igstPaise: paise,
  cessPaise: paise,
  totalPaise: paise,
});

export const reportInvoice = z.looseObject({
  invoice: z.looseObject({
    number: z.string(),
    createdAt: z.string(),
    staffId: text(''),
    partyName: text(''),
    partyGstin: z.string().nullable().catch(null),
    placeOfSupply: text(''),
    interState: z.boolean().catch(false),
    totalPaise: paise,
    changePaise: paise,
  }),
  lines: z.array(reportInvoiceLine),
  /** Who billed, by name: counters since this field was added send it; older ones leave the id alone on reports. */
  staffName: text(''),
});

export const reportCreditNote = z.looseObject({
  creditNote: z.looseObject({ number: z.string(), createdAt: z.string(), staffId: text(''), invoiceId: z.string() }),
  staffName: text(''),
  lines: z.array(
    z.looseObject({
      invoiceLineId: z.string(),
      itemId: z.string(),
      qtyMilli: paise,
      taxablePaise: paise,
      cgstPaise: paise,
      sgstPaise: paise,
      igstPaise: paise,
      cessPaise: paise,
      totalPaise: paise,
    }),
  ),
});

export type ReportInvoice = z.infer<typeof reportInvoice>;
export type ReportInvoiceLine = z.infer<typeof reportInvoiceLine>;
export type ReportCreditNote = z.infer<typeof reportCreditNote>;

/** Cost of a line at the cost price the counter recorded when it sold: quantity is in milli-units. */
export function lineCostPaise(qtyMilli: number, unitCostPaise: number): number {
  return divRound(qtyMilli * unitCostPaise, 1000);
}
