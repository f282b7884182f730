// One synced invoice as the same A4/A5 tax invoice PDF the counter prints: the counter's own figures from its payload.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { NotFound } from '../../src-shared/errors';
import type { ReportFile } from '../../src-shared/contracts/owner-reports';
import { invoiceDocument, type InvoicePdfInput } from '../../src-shared/printing/invoice-pdf';
import { invoiceLineOnPaper, invoiceSeller, invoiceSupplyPayload } from '../../src-shared/sync/payloads';
import { NO_SUPPLY_DETAILS } from '../../src-shared/gst/rule46';
import type { ServerDb } from '../db/connection';
import { shops } from '../accounts/schema';
import { parties } from '../catalogue/schema';
import { invoices } from '../documents/schema';
import { renderPdf } from '../printing/render-pdf';
import { ewayBillOnInvoice } from '../gst/ewaybill/service';

const paise = z.number().int();
const taxes = { taxablePaise: paise, cgstPaise: paise, sgstPaise: paise, igstPaise: paise, cessPaise: paise };

/** What the PDF reads from the stored payload: the counter's invoice row, its lines and payments, checked, not trusted. */
const storedInvoice = z.looseObject({
  invoice: z.looseObject({
    number: z.string(),
    createdAt: z.string(),
    partyId: z.string().nullable(),
    partyName: z.string(),
    partyGstin: z.string().nullable(),
    placeOfSupply: z.string(),
    interState: z.boolean(),
    grossPaise: paise,
    discountPaise: paise,
    ...taxes,
    roundOffPaise: paise,
    totalPaise: paise,
    tenderedPaise: paise,
    changePaise: paise,
    khataPaise: paise,
  }),
  lines: z.array(invoiceLineOnPaper),
  payments: z.array(
    z.looseObject({
      mode: z.enum(['cash', 'upi', 'card', 'khata']),
      amountPaise: paise,
      reference: z.string().default(''),
    }),
  ),
  seller: invoiceSeller.optional(),
  supply: invoiceSupplyPayload.optional(),
});

const partyContact = z.looseObject({ address: z.string().default(''), phone: z.string().default('') });

async function sellerOf(tx: ServerDb, shopId: string, stored: z.infer<typeof storedInvoice>) {
  if (stored.seller) return stored.seller;
  // A bill synced before counters sent their details: the shop's name, state unknown.
  const [shop] = await tx.select({ name: shops.name }).from(shops).where(eq(shops.id, shopId));
  return { name: shop?.name ?? '', address: '', phone: '', gstin: null, stateCode: '', receiptFooter: '' };
}

export async function invoicePdf(
  tx: ServerDb,
  shopId: string,
  input: { id: string; pageSize: 'A4' | 'A5' },
): Promise<ReportFile> {
  const [row] = await tx
    .select({ payload: invoices.payload })
    .from(invoices)
    .where(and(eq(invoices.shopId, shopId), eq(invoices.id, input.id)));
  if (!row) throw new NotFound('No such invoice in this shop.');
  const stored = storedInvoice.parse(row.payload);
  const seller = await sellerOf(tx, shopId, stored);
  const partyId = stored.invoice.partyId;
  const [party] = partyId
    ? await tx
        .select({ payload: parties.payload })
        .from(parties)
        .where(and(eq(parties.shopId, shopId), eq(parties.id, partyId)))
    : [];
  const document: InvoicePdfInput = {
    shop: { ...seller, upiId: '' },
    invoice: stored.invoice,
    // A bill synced before counters kept these prints as the tax invoice it was.
    supply: stored.supply ?? NO_SUPPLY_DETAILS,
    lines: stored.lines,
    payments: stored.payments,
    party: party ? partyContact.parse(party.payload) : null,
    pageSize: input.pageSize,
    ewayBill: await ewayBillPrinted(tx, shopId, input.id),
  };
  const pdf = await renderPdf(invoiceDocument(document));
  return { filename: `${stored.invoice.number}.pdf`, contentType: 'application/pdf', base64: pdf.toString('base64') };
}

async function ewayBillPrinted(tx: ServerDb, shopId: string, invoiceId: string) {
  const made = await ewayBillOnInvoice(tx, shopId, invoiceId);
  if (!made) return null;
  return { number: made.ewbNo, generatedAt: made.generatedAt.toISOString(), validUntil: made.validUntil.toISOString() };
}
