// The device-independent receipt: lines already laid out to the paper's column count, plus codes, cut and drawer kick.
//
// Widths are counted in printer columns (Font A: 12 dots, so 32 on 58 mm and 48 on 80 mm paper). A renderer
// prints ASCII lines as text and any other line (Devanagari, ₹) as a raster image of the same line, so the
// layout here never has to know which printer font or code page is in use.

import type { ReceiptLanguage } from './receipt-labels';

export type Align = 'left' | 'center' | 'right';

export type ReceiptBlock =
  | { kind: 'text'; text: string; align: Align; bold?: boolean; tall?: boolean }
  | { kind: 'row'; left: string; right: string; bold?: boolean; tall?: boolean }
  | { kind: 'rule'; char: '-' | '=' }
  | { kind: 'qr'; data: string }
  | { kind: 'barcode'; data: string }
  | { kind: 'feed'; lines: number };

export interface ReceiptModel {
  columns: 32 | 48;
  blocks: ReceiptBlock[];
  /** Open the cash drawer (ESC p) before printing: a cash sale's receipt on a printer with a drawer. */
  drawerKick: boolean;
  cut: boolean;
}

/** What shapes the receipt: the printer profile's paper, cut and drawer, and the shop's receipt language. */
export interface ReceiptPaper {
  width: 58 | 80;
  cut: boolean;
  drawerKick: boolean;
  /** English when not set. */
  language?: ReceiptLanguage;
}

export function columnsFor(width: 58 | 80): 32 | 48 {
  return width === 58 ? 32 : 48;
}

/** Devanagari vowel signs and virama, Latin combining accents, ZWJ/ZWNJ: they take no column of their own. */
const ZERO_WIDTH_RANGES: [number, number][] = [
  [0x0300, 0x036f],
  [0x0900, 0x0902],
  [0x093a, 0x094f],
  [0x0951, 0x0957],
  [0x0962, 0x0963],
  [0x200c, 0x200d],
];
const ZERO_WIDTH = {
  test: (char: string): boolean =>
    ZERO_WIDTH_RANGES.some(([from, to]) => char.codePointAt(0)! >= from && char.codePointAt(0)! <= to),
};

/** Columns a string takes when printed: one per character, none for combining marks. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) if (!ZERO_WIDTH.test(char)) width += 1;
  return width;
}

/** Cuts a word that is wider than a line into line-sized pieces, never inside a combining sequence. */
function splitLongWord(word: string, columns: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const char of word) {
    if (displayWidth(current) >= columns && !ZERO_WIDTH.test(char)) {
      pieces.push(current);
      current = '';
    }
    current += char;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Word-wraps text to `columns`; a word longer than a line is broken. Always at least one line. */
export function wrapText(text: string, columns: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => splitLongWord(w, columns))) {
    const candidate = current ? `${current} ${word}` : word;
    if (displayWidth(candidate) <= columns) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

/** A left/right row; when both do not fit on one line the left part wraps and the right ends the last line. */
export function rows(
  left: string,
  right: string,
  columns: number,
  style: { bold?: boolean; tall?: boolean } = {},
): ReceiptBlock[] {
  const indent = /^ */.exec(left)?.[0] ?? '';
  const room = columns - displayWidth(right) - 1 - indent.length;
  const wrapped = wrapText(left, Math.max(room, 1)).map((line) => indent + line);
  const blocks: ReceiptBlock[] = wrapped.slice(0, -1).map((text) => ({ kind: 'text', text, align: 'left', ...style }));
  blocks.push({ kind: 'row', left: wrapped.at(-1) ?? '', right, ...style });
  return blocks;
}

export function centered(
  text: string,
  columns: number,
  style: { bold?: boolean; tall?: boolean } = {},
): ReceiptBlock[] {
  return wrapText(text, columns).map((line) => ({ kind: 'text', text: line, align: 'center', ...style }));
}

/** Pads fixed-width columns (right-aligned numbers) for small tables such as the tax summary; Hindi counts by columns, not code units. */
export function tableLine(cells: string[], widths: number[]): string {
  return cells
    .map((cell, index) => {
      const pad = ' '.repeat(Math.max((widths[index] ?? 0) - displayWidth(cell), 0));
      return index === 0 ? cell + pad : pad + cell;
    })
    .join('');
}

/** A model's lines as plain text, the way a person reads the paper: for previews and tests. */
export function receiptText(model: ReceiptModel): string[] {
  const { columns } = model;
  return model.blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'text': {
        const pad = columns - displayWidth(block.text);
        const left = block.align === 'center' ? Math.floor(pad / 2) : block.align === 'right' ? pad : 0;
        return [' '.repeat(Math.max(left, 0)) + block.text];
      }
      case 'row':
        return [
          block.left +
            ' '.repeat(Math.max(columns - displayWidth(block.left) - displayWidth(block.right), 1)) +
            block.right,
        ];
      case 'rule':
        return [block.char.repeat(columns)];
      case 'qr':
        return [`[QR ${block.data}]`];
      case 'barcode':
        return [`[BARCODE ${block.data}]`];
      case 'feed':
        return Array.from({ length: block.lines }, () => '');
    }
  });
}
