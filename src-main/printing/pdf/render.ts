// pdfmake in Node: fonts loaded once into memory from the packages that ship them; no file or URL access from document content.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { devanagariFontFile } from '../raster';

const require = createRequire(import.meta.url);
let ready = false;

/** pdfmake's in-memory file system (on the Node instance too, though its types say browser only): fonts are read from it, never from disk. */
const memoryFs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void } })
  .virtualfs;

function setUp(): void {
  if (ready) return;
  const roboto = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const files: Record<string, string> = {
    'Roboto-Regular.ttf': path.join(roboto, 'Roboto-Regular.ttf'),
    'Roboto-Medium.ttf': path.join(roboto, 'Roboto-Medium.ttf'),
    'Roboto-Italic.ttf': path.join(roboto, 'Roboto-Italic.ttf'),
    'Roboto-MediumItalic.ttf': path.join(roboto, 'Roboto-MediumItalic.ttf'),
    'NotoSansDevanagari-Regular.ttf': devanagariFontFile('regular'),
    'NotoSansDevanagari-Bold.ttf': devanagariFontFile('bold'),
  };
  for (const [name, file] of Object.entries(files)) memoryFs.writeFileSync(name, fs.readFileSync(file));
  pdfmake.setFonts({
    Roboto: {
      normal: 'Roboto-Regular.ttf',
      bold: 'Roboto-Medium.ttf',
      italics: 'Roboto-Italic.ttf',
      bolditalics: 'Roboto-MediumItalic.ttf',
    },
    NotoDevanagari: {
      normal: 'NotoSansDevanagari-Regular.ttf',
      bold: 'NotoSansDevanagari-Bold.ttf',
      italics: 'NotoSansDevanagari-Regular.ttf',
      bolditalics: 'NotoSansDevanagari-Bold.ttf',
    },
  });
  // Fonts come from memory, so a document never needs to read a file or fetch a URL: deny both.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

export function renderPdf(document: TDocumentDefinitions): Promise<Buffer> {
  setUp();
  return pdfmake.createPdf(document).getBuffer();
}
