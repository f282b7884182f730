// Draws the IRP's signed QR code as a PNG (the qrcode library) for the A4/A5 invoice PDF.
import QRCode from 'qrcode';
import type { EinvoicePrint } from '../../src-shared/printing/einvoice-print';

export async function withQrImage(einvoice: EinvoicePrint | null): Promise<(EinvoicePrint & { qrPng: string }) | null> {
  if (!einvoice) return null;
  const qrPng = await QRCode.toDataURL(einvoice.signedQrCode, { errorCorrectionLevel: 'M', margin: 2, scale: 4 });
  return { ...einvoice, qrPng };
}
