// Reads a PDF's text back with pdfjs, line by line in reading order, the way a person reads the page.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface Run {
  text: string;
  x: number;
  y: number;
}

/** Runs on the same baseline (within 2 pt) make one line; lines top to bottom, runs left to right, joined by a space. */
export async function pdfLines(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const lines: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const runs: Run[] = content.items
      .filter((item) => 'str' in item && item.str.trim() !== '')
      .map((item) => {
        const run = item as { str: string; transform: number[] };
        return { text: run.str.trim(), x: run.transform[4]!, y: run.transform[5]! };
      });
    const rows: Run[][] = [];
    for (const run of runs.sort((a, b) => b.y - a.y || a.x - b.x)) {
      const row = rows.find((candidate) => Math.abs(candidate[0]!.y - run.y) <= 2);
      if (row) row.push(run);
      else rows.push([run]);
    }
    for (const row of rows)
      lines.push(
        row
          .sort((a, b) => a.x - b.x)
          .map((run) => run.text)
          .join(' '),
      );
  }
  await document.destroy();
  return lines;
}
