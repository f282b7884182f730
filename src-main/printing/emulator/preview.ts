// A picture of what the emulated printer would put on paper (PNG), so a person can look at a receipt's layout.
// Text uses fixed 12-dot cells like Font A; QR codes and barcodes are drawn as labelled boxes (their exact data is in the transcript).
import { PNG } from 'pngjs';
import { rasterCells, type Bitmap } from '../raster';
import type { TranscriptEntry } from './decode';

const CELL = 12;

/** A labelled frame `boxDots` wide, centred on the paper: where the printer would draw a QR code, a barcode or the cut. */
function box(widthDots: number, boxDots: number, heightDots: number, label: string): Bitmap {
  const x0 = Math.floor((widthDots - boxDots) / 2);
  const inner = rasterCells(label.slice(0, Math.floor(boxDots / CELL) - 2), widthDots, CELL, {
    offsetCells: Math.floor(x0 / CELL) + 1,
  });
  const stride = Math.ceil(widthDots / 8);
  const bits = new Uint8Array(stride * heightDots);
  const set = (x: number, y: number) => (bits[y * stride + (x >> 3)]! |= 0x80 >> (x & 7));
  for (let x = x0 + 4; x < x0 + boxDots - 4; x++) [2, heightDots - 3].forEach((y) => set(x, y));
  for (let y = 2; y < heightDots - 2; y++) [x0 + 4, x0 + boxDots - 5].forEach((x) => set(x, y));
  const top = Math.max(Math.floor((heightDots - inner.heightDots) / 2), 0);
  bits.set(inner.bits.subarray(0, (heightDots - top) * stride), top * stride);
  return { widthDots, heightDots, bits };
}

function entryBitmap(entry: TranscriptEntry, widthDots: number): Bitmap | null {
  const columns = widthDots / CELL;
  switch (entry.kind) {
    case 'text': {
      const free = Math.max(columns - entry.text.length, 0);
      const offsetCells = entry.align === 'center' ? Math.floor(free / 2) : entry.align === 'right' ? free : 0;
      return rasterCells(entry.text, widthDots, CELL, { bold: entry.bold, tall: entry.tall, offsetCells });
    }
    case 'raster':
      return entry;
    case 'qr':
      return box(widthDots, 216, 216, 'QR code');
    case 'barcode':
      return box(widthDots, widthDots, 70, `||| CODE128 ${entry.data} |||`);
    case 'cut':
      return box(widthDots, widthDots, 32, '- - - - - - cut - - - - - -');
    default:
      return null;
  }
}

export function transcriptPng(entries: TranscriptEntry[], widthDots: 384 | 576): Buffer {
  const parts = entries.map((entry) => entryBitmap(entry, widthDots)).filter((b): b is Bitmap => b !== null);
  const margin = 16;
  const width = widthDots + 2 * margin;
  const height = parts.reduce((sum, part) => sum + part.heightDots, 0) + 2 * margin;
  const png = new PNG({ width, height });
  png.data.fill(255);
  let top = margin;
  for (const part of parts) {
    const stride = Math.ceil(part.widthDots / 8);
    for (let y = 0; y < part.heightDots; y++) {
      for (let x = 0; x < Math.min(part.widthDots, widthDots); x++) {
        if (!((part.bits[y * stride + (x >> 3)] ?? 0) & (0x80 >> (x & 7)))) continue;
        const at = ((top + y) * width + margin + x) * 4;
        png.data[at] = png.data[at + 1] = png.data[at + 2] = 0;
      }
    }
    top += part.heightDots;
  }
  return PNG.sync.write(png);
}
