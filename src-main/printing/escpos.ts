// A receipt model to ESC/POS bytes, built with node-thermal-printer's command set (Epson dialect).
//
// node-thermal-printer builds the bytes; it does not send them. Its transports resolve as soon as the bytes
// are handed to the socket and then destroy it, so they cannot tell "printed" from "maybe printed" (see
// transports.ts). We take getBuffer() and send it ourselves. Two commands are written directly: its drawer
// kick omits ESC p's two pulse-time bytes, and raster lines come from raster.ts.
import { BreakLine, CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { ReceiptBlock, ReceiptModel } from '../../src-shared/printing/receipt-model';
import type { PrinterProfile } from '../../src-shared/contracts/printing';
import { rasterLine, type Bitmap } from './raster';

const DOTS = { 32: 384, 48: 576 } as const;
/** ESC p 0 25 250: pulse drawer pin 2 for 50 ms on, 500 ms off. */
const DRAWER_KICK = Buffer.from([0x1b, 0x70, 0x00, 25, 250]);
const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/** The code page never has ₹; the layout already writes "Rs.", this catches any that slipped into free text. */
function forTextMode(text: string): string {
  return text.replaceAll('₹', 'Rs.');
}

export function rasterCommand(bitmap: Bitmap): Buffer {
  const stride = Math.ceil(bitmap.widthDots / 8);
  const head = Buffer.from([
    0x1d,
    0x76,
    0x30,
    0x00,
    stride & 0xff,
    stride >> 8,
    bitmap.heightDots & 0xff,
    bitmap.heightDots >> 8,
  ]);
  return Buffer.concat([head, bitmap.bits]);
}

/** Text is ASCII by now (printable() checked), so it goes in as one buffer: the library's println encodes it a character at a time. */
function println(printer: ThermalPrinter, text: string): void {
  printer.add(Buffer.from(`${text}\n`, 'latin1'));
}

function printable(block: ReceiptBlock): boolean {
  if (block.kind === 'text') return ASCII_PRINTABLE.test(forTextMode(block.text));
  if (block.kind === 'row') return ASCII_PRINTABLE.test(forTextMode(block.left + block.right));
  return true;
}

function writeBlock(printer: ThermalPrinter, block: ReceiptBlock, columns: 32 | 48): void {
  if (!printable(block) && (block.kind === 'text' || block.kind === 'row')) {
    printer.alignLeft();
    const runs =
      block.kind === 'text'
        ? [{ text: block.text, align: block.align }]
        : [
            { text: block.left, align: 'left' as const },
            { text: block.right, align: 'right' as const },
          ];
    printer.add(rasterCommand(rasterLine(runs, DOTS[columns], block)));
    return;
  }
  switch (block.kind) {
    case 'text':
      if (block.align === 'center') printer.alignCenter();
      else if (block.align === 'right') printer.alignRight();
      else printer.alignLeft();
      // ESC ! (double height) also sets or clears emphasis, so it goes first and bold (ESC E) after it.
      if (block.tall) printer.setTextDoubleHeight();
      if (block.bold) printer.bold(true);
      println(printer, forTextMode(block.text));
      if (block.tall) printer.setTextNormal();
      if (block.bold) printer.bold(false);
      return;
    case 'row': {
      printer.alignLeft();
      if (block.tall) printer.setTextDoubleHeight();
      if (block.bold) printer.bold(true);
      const left = forTextMode(block.left);
      const right = forTextMode(block.right);
      println(printer, left + ' '.repeat(Math.max(columns - left.length - right.length, 1)) + right);
      if (block.tall) printer.setTextNormal();
      if (block.bold) printer.bold(false);
      return;
    }
    case 'rule':
      printer.alignLeft();
      println(printer, block.char.repeat(columns));
      return;
    case 'qr':
      printer.alignCenter();
      // A long payload (the IRP's signed QR code is a JWT of about a thousand characters) needs a version near 25:
      // three dots a module keeps its ~117 modules inside even a 58 mm roll's 384 dots.
      printer.printQR(block.data, {
        cellSize: block.data.length > 300 ? 3 : columns === 32 ? 5 : 6,
        correction: 'M',
        model: 2,
      });
      printer.newLine();
      return;
    case 'barcode': {
      printer.alignCenter();
      // CODE128 set B (GS k 73): 11 modules a character plus 35 of start, check and stop; three dots a module when that fits, else two (the least ESC/POS allows).
      const modules = 11 * block.data.length + 35;
      printer.printBarcode(block.data, 73, {
        width: modules * 3 <= DOTS[columns] ? 3 : 2,
        height: 60,
        hriPos: 2,
        hriFont: 0,
      });
      printer.newLine();
      return;
    }
    case 'feed':
      for (let i = 0; i < block.lines; i++) printer.newLine();
      return;
  }
}

/** The whole job's bytes: initialise, code page, drawer kick first (the cashier needs the drawer before the paper), body, cut. */
export function renderEscPos(model: ReceiptModel, profile: Pick<PrinterProfile, 'codePage'>): Buffer {
  // No interface: this object only builds bytes. The code page is chosen after ESC @, which resets it.
  const printer = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    interface: '',
    width: model.columns,
    breakLine: BreakLine.NONE,
  });
  const init = Buffer.from([0x1b, 0x40]);
  printer.add(init);
  printer.setCharacterSet(CharacterSet[profile.codePage]);
  if (model.drawerKick) printer.add(DRAWER_KICK);
  for (const block of model.blocks) writeBlock(printer, block, model.columns);
  if (model.cut) printer.cut({ verticalTabAmount: 1 });
  return Buffer.from(printer.getBuffer());
}
