// What an e-invoiced document prints (CGST Rule 48(4) and Notification 72/2019-CT: the IRN and the IRP's signed QR
// code on the invoice): the IRN, acknowledgement number and date, and the QR code carrying the signed payload itself.
import type { ReceiptBlock } from './receipt-model';
import { centered, rows, wrapText } from './receipt-model';
import type { Labeller } from './receipt-labels';
import { ackDateTime } from '../gst/einvoice';

export interface EinvoicePrint {
  irn: string;
  ackNo: string;
  ackDt: string;
  signedQrCode: string;
}

/** Only a generated, uncancelled IRN is printed; a document without one prints as before. */
export function printableEinvoice(
  row: {
    status: string;
    irn: string | null;
    ackNo: string | null;
    ackDt: string | null;
    signedQrCode: string | null;
  } | null,
): EinvoicePrint | null {
  if (!row || row.status !== 'generated' || !row.irn || !row.ackNo || !row.ackDt || !row.signedQrCode) return null;
  // The IRP's "yyyy-MM-dd HH:mm:ss" (India's time) printed the shop's way, dd-mm-yyyy hh:mm.
  return { irn: row.irn, ackNo: row.ackNo, ackDt: ackDateTime(row.ackDt), signedQrCode: row.signedQrCode };
}

export function einvoiceReceiptBlocks(einvoice: EinvoicePrint, columns: number, l: Labeller): ReceiptBlock[] {
  return [
    { kind: 'rule', char: '-' },
    ...wrapText(`${l('irn')}: ${einvoice.irn}`, columns).map((text): ReceiptBlock => ({
      kind: 'text',
      text,
      align: 'left',
    })),
    ...rows(l('ackNo'), einvoice.ackNo, columns),
    ...rows(l('ackDate'), einvoice.ackDt, columns),
    ...centered(l('einvoiceQr'), columns),
    { kind: 'qr', data: einvoice.signedQrCode },
    { kind: 'rule', char: '-' },
  ];
}
