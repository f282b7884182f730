// Decodes the ESC/POS commands Galla sends into a readable transcript: text with its style, QR, barcode, raster, cut, drawer kick.
//
// Hand-written because it is the test oracle: it must understand exactly the Epson commands a receipt uses
// and flag anything else as unknown, rather than guess like a real printer would.

export type TranscriptEntry =
  | { kind: 'text'; text: string; align: 'left' | 'center' | 'right'; bold: boolean; tall: boolean }
  | { kind: 'qr'; data: string }
  | { kind: 'barcode'; symbology: string; data: string }
  | { kind: 'raster'; widthDots: number; heightDots: number; bits: Uint8Array }
  | { kind: 'cut' }
  | { kind: 'drawer'; pin: number; onMs: number; offMs: number }
  | { kind: 'unknown'; bytes: string };

const ALIGN = ['left', 'center', 'right'] as const;
const BARCODES: Record<number, string> = { 65: 'UPC-A', 67: 'EAN13', 68: 'EAN8', 69: 'CODE39', 73: 'CODE128' };

export function decodeEscPos(bytes: Uint8Array): TranscriptEntry[] {
  const out: TranscriptEntry[] = [];
  const style = { align: 'left' as (typeof ALIGN)[number], bold: false, tall: false };
  let line: number[] = [];
  let qrData = '';
  const flush = (force: boolean) => {
    if (line.length || force) out.push({ kind: 'text', text: Buffer.from(line).toString('latin1'), ...style });
    line = [];
  };
  const at = (i: number) => bytes[i] ?? 0;
  let i = 0;
  while (i < bytes.length) {
    const b = at(i);
    if (b === 0x0a) {
      flush(true);
      i += 1;
      continue;
    }
    if (b >= 0x20 && b !== 0x7f) {
      line.push(b);
      i += 1;
      continue;
    }
    if (b === 0x10 && at(i + 1) === 0x04) {
      i += 3;
      continue;
    } // DLE EOT n: a status query, answered by the emulator, prints nothing
    if (b === 0x1b) {
      const c = at(i + 1);
      if (c === 0x40) {
        flush(false);
        Object.assign(style, { align: 'left', bold: false, tall: false });
        i += 2;
        continue;
      }
      if (c === 0x45) {
        style.bold = (at(i + 2) & 1) === 1;
        i += 3;
        continue;
      }
      if (c === 0x61) {
        style.align = ALIGN[at(i + 2) % 48] ?? 'left';
        i += 3;
        continue;
      }
      if (c === 0x21) {
        style.bold = (at(i + 2) & 0x08) !== 0;
        style.tall = (at(i + 2) & 0x10) !== 0;
        i += 3;
        continue;
      }
      if (c === 0x74 || c === 0x33 || c === 0x4d) {
        i += 3;
        continue;
      }
      if (c === 0x32) {
        i += 2;
        continue;
      }
      if (c === 0x64) {
        flush(false);
        for (let n = 0; n < at(i + 2); n++) out.push({ kind: 'text', text: '', ...style });
        i += 3;
        continue;
      }
      if (c === 0x70) {
        out.push({ kind: 'drawer', pin: at(i + 2) & 1 ? 5 : 2, onMs: at(i + 3) * 2, offMs: at(i + 4) * 2 });
        i += 5;
        continue;
      }
    }
    if (b === 0x1d) {
      const c = at(i + 1);
      if (c === 0x21) {
        style.tall = (at(i + 2) & 0x0f) > 0;
        i += 3;
        continue;
      }
      if (c === 0x56) {
        flush(false);
        out.push({ kind: 'cut' });
        i += at(i + 2) >= 65 ? 4 : 3;
        continue;
      }
      if (c === 0x48 || c === 0x66 || c === 0x77 || c === 0x68) {
        i += 3;
        continue;
      }
      if (c === 0x6b) {
        flush(false);
        const m = at(i + 2);
        if (m >= 65) {
          const n = at(i + 3);
          let data = Buffer.from(bytes.subarray(i + 4, i + 4 + n)).toString('latin1');
          if (m === 73) data = data.replace(/^\{[ABC]/, '');
          out.push({ kind: 'barcode', symbology: BARCODES[m] ?? `type ${m}`, data });
          i += 4 + n;
        } else {
          let end = i + 3;
          while (end < bytes.length && at(end) !== 0) end += 1;
          out.push({
            kind: 'barcode',
            symbology: `type ${m}`,
            data: Buffer.from(bytes.subarray(i + 3, end)).toString('latin1'),
          });
          i = end + 1;
        }
        continue;
      }
      if (c === 0x28 && at(i + 2) === 0x6b) {
        const len = at(i + 3) + 256 * at(i + 4);
        const fn = at(i + 6);
        if (fn === 0x50) qrData = Buffer.from(bytes.subarray(i + 8, i + 5 + len)).toString('latin1');
        if (fn === 0x51) {
          flush(false);
          out.push({ kind: 'qr', data: qrData });
        }
        i += 5 + len;
        continue;
      }
      if (c === 0x76 && at(i + 2) === 0x30) {
        flush(false);
        const stride = at(i + 4) + 256 * at(i + 5);
        const height = at(i + 6) + 256 * at(i + 7);
        out.push({
          kind: 'raster',
          widthDots: stride * 8,
          heightDots: height,
          bits: bytes.slice(i + 8, i + 8 + stride * height),
        });
        i += 8 + stride * height;
        continue;
      }
      if (c === 0x72) {
        i += 3;
        continue;
      }
    }
    out.push({ kind: 'unknown', bytes: Buffer.from(bytes.subarray(i, i + 2)).toString('hex') });
    i += 2;
  }
  flush(false);
  return out;
}

/** The transcript as lines a person (or a test) reads: text as printed, everything else in brackets. */
export function transcriptLines(entries: TranscriptEntry[]): string[] {
  return entries.map((entry) => {
    switch (entry.kind) {
      case 'text': {
        if (entry.text === '') return '';
        const marks = [
          entry.align !== 'left' ? entry.align : '',
          entry.bold ? 'bold' : '',
          entry.tall ? 'tall' : '',
        ].filter(Boolean);
        return marks.length ? `${entry.text}    {${marks.join(',')}}` : entry.text;
      }
      case 'qr':
        return `[QR ${entry.data}]`;
      case 'barcode':
        return `[BARCODE ${entry.symbology} ${entry.data}]`;
      case 'raster':
        return `[RASTER ${entry.widthDots}x${entry.heightDots} dots]`;
      case 'cut':
        return '[CUT]';
      case 'drawer':
        return `[DRAWER KICK pin ${entry.pin}]`;
      case 'unknown':
        return `[UNKNOWN ${entry.bytes}]`;
    }
  });
}
