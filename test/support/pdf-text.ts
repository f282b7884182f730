// Reads a PDF back with pdf.js (no system tools): its pages' sizes, its text as laid-out lines, and in drawing order.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

export interface PdfPage {
  /** Width and height in points (A4 is 595 × 842, A5 is 420 × 595). */
  width: number;
  height: number;
  /** The page's text row by row, top to bottom, pieces of a row left to right and separated by spaces. */
  lines: string[];
  /** The page's text in the order it is drawn, pieces separated by spaces (a wrapped paragraph reads as one). */
  drawn: string;
}

/** Pieces whose baselines are this close (in points) sit on one row. */
const SAME_ROW = 2;

function rows(items: TextItem[]): string[] {
  const byRow: { y: number; pieces: TextItem[] }[] = [];
  for (const item of items) {
    const y = item.transform[5] as number;
    const row = byRow.find((candidate) => Math.abs(candidate.y - y) <= SAME_ROW);
    if (row) row.pieces.push(item);
    else byRow.push({ y, pieces: [item] });
  }
  return byRow
    .sort((a, b) => b.y - a.y)
    .map((row) =>
      row.pieces
        .sort((a, b) => (a.transform[4] as number) - (b.transform[4] as number))
        .map((piece) => piece.str)
        .join(' ')
        .trim(),
    )
    .filter((line) => line.length > 0);
}

export async function readPdf(pdf: Uint8Array): Promise<PdfPage[]> {
  // pdf.js may take ownership of the buffer it is given: hand it a copy.
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      const items = (await page.getTextContent()).items.filter((item): item is TextItem => 'str' in item);
      pages.push({
        width,
        height,
        lines: rows(items),
        drawn: items
          .map((item) => item.str)
          .join(' ')
          .replace(/\s+/g, ' '),
      });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** Every page's rows in reading order, runs of spaces as one: what a person reads off the invoice. */
export async function pdfLines(pdf: Uint8Array): Promise<string[]> {
  return (await readPdf(pdf)).flatMap((page) => page.lines.map((line) => line.replace(/\s+/g, ' ')));
}
