// pdfmake on the server, set up as the counter sets it up: fonts read once from their packages into pdfmake's
// memory, and no file or URL access from a document, so both sides render the shared invoice definition alike.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);
const DEVANAGARI = {
  regular: '@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf',
};
let ready = false;

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
    'NotoSansDevanagari-Regular.ttf': require.resolve(DEVANAGARI.regular),
    'NotoSansDevanagari-Bold.ttf': require.resolve(DEVANAGARI.bold),
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
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

export function renderPdf(document: TDocumentDefinitions): Promise<Buffer> {
  setUp();
  return pdfmake.createPdf(document).getBuffer();
}
