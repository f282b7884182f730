// Puts an invoice PDF where the system's viewer can open it: a file of its own in the temp folder, named by its number.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The number (C1-2026-000123.pdf) is safe as a file name; anything else is replaced, so a name never leaves the folder. */
export async function writeTempPdf(fileName: string, pdf: Buffer): Promise<string> {
  const folder = path.join(os.tmpdir(), 'galla-invoices');
  await fs.mkdir(folder, { recursive: true });
  const file = path.join(folder, fileName.replace(/[^\w.-]/g, '_'));
  await fs.writeFile(file, pdf);
  return file;
}
