// Reads QR codes back from a PDF: each embedded image drawn on its pages (pdf.js's operator list and decoded image
// data), decoded with jsQR. The A4/A5 invoice draws the IRP's signed QR code as such an image.
import jsQR from 'jsqr';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface PdfImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
  kind?: number;
}

/** pdf.js image kinds: 1 grayscale 1 bit, 2 RGB 24 bit, 3 RGBA 32 bit. */
function rgba(image: PdfImage): Uint8ClampedArray {
  const pixels = image.width * image.height;
  if (image.data.length === pixels * 4) return new Uint8ClampedArray(image.data);
  const out = new Uint8ClampedArray(pixels * 4);
  if (image.data.length === pixels * 3) {
    for (let i = 0; i < pixels; i++) {
      out[i * 4] = image.data[i * 3]!;
      out[i * 4 + 1] = image.data[i * 3 + 1]!;
      out[i * 4 + 2] = image.data[i * 3 + 2]!;
      out[i * 4 + 3] = 255;
    }
    return out;
  }
  // One bit a pixel, rows padded to whole bytes.
  const rowBytes = Math.ceil(image.width / 8);
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const bit = (image.data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
      const v = bit ? 255 : 0;
      out.set([v, v, v, 255], (y * image.width + x) * 4);
    }
  return out;
}

export async function qrCodesInPdf(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const found: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const ops = await page.getOperatorList();
    for (let i = 0; i < ops.fnArray.length; i++) {
      if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
      const name = ops.argsArray[i][0] as string;
      const image = await new Promise<PdfImage>((resolve) => page.objs.get(name, resolve));
      const code = jsQR(rgba(image), image.width, image.height);
      if (code) found.push(code.data);
    }
  }
  await doc.destroy();
  return found;
}
