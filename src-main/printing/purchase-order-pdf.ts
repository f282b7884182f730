// A purchase order as an A4 PDF: reads the order, the shop and the supplier from the ledger and lays it out.
import { eq } from 'drizzle-orm';
import type { Ledger } from '../ledger/ledger';
import { getPurchaseOrder } from '../ledger/purchase-orders/service';
import { parties } from '../ledger/parties/schema';
import { requireShop } from '../ledger/settings/service';
import { purchaseOrderDocument } from '../../src-shared/printing/purchase-order-pdf';
import { renderPdf } from './pdf/render';

export async function purchaseOrderPdf(ledger: Ledger, id: string): Promise<{ fileName: string; pdf: Buffer }> {
  const { order, lines } = getPurchaseOrder(ledger, id);
  const supplier = ledger.db
    .select({ name: parties.name, address: parties.address, phone: parties.phone, gstin: parties.gstin })
    .from(parties)
    .where(eq(parties.id, order.supplierId))
    .get()!;
  const pdf = await renderPdf(purchaseOrderDocument({ shop: requireShop(ledger), supplier, order, lines }));
  return { fileName: `${order.number.replaceAll('/', '-')}.pdf`, pdf };
}
