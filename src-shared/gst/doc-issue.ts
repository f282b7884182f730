// GSTR-1 Table 13 (documents issued): the serial ranges of each number series used in the period.
import type { Gstr1Json } from '../contracts/gstr1';

/** Table 13's document kinds by the portal's doc_num (GSTR-1 API; india-compliance DOC_NATURE). */
export const DOC_NUM = { invoices: 1, creditNotes: 5 } as const;

interface Serial {
  number: string;
  prefix: string;
  serial: number;
}

/** "C1-2026-000017" → series "C1-2026-", serial 17; a number without trailing digits is a series of its own. */
function serialOf(number: string): Serial {
  const match = /^(.*?)(\d+)$/.exec(number);
  return match ? { number, prefix: match[1]!, serial: Number(match[2]) } : { number, prefix: number, serial: 0 };
}

/**
 * One row per unbroken run of a series. Galla never cancels a finalised invoice (a void is a credit note for the whole
 * bill, and the invoice stays issued), so `cancel` is 0; a gap in a series (a counter that has not synced yet) starts a
 * new row rather than being counted as cancelled.
 */
function rangesOf(numbers: string[]): Gstr1Json['doc_issue']['doc_det'][number]['docs'] {
  const bySeries = new Map<string, Serial[]>();
  for (const serial of [...new Set(numbers)].map(serialOf))
    bySeries.set(serial.prefix, [...(bySeries.get(serial.prefix) ?? []), serial]);
  const runs: Serial[][] = [];
  for (const prefix of [...bySeries.keys()].sort()) {
    const serials = bySeries.get(prefix)!.sort((a, b) => a.serial - b.serial);
    let run: Serial[] = [];
    for (const serial of serials) {
      if (run.length > 0 && serial.serial !== run.at(-1)!.serial + 1) {
        runs.push(run);
        run = [];
      }
      run.push(serial);
    }
    runs.push(run);
  }
  return runs.map((run, index) => ({
    num: index + 1,
    from: run[0]!.number,
    to: run.at(-1)!.number,
    totnum: run.length,
    cancel: 0,
    net_issue: run.length,
  }));
}

export function documentsIssued(documents: { invoices: string[]; creditNotes: string[] }): Gstr1Json['doc_issue'] {
  const kinds = [
    { doc_num: DOC_NUM.invoices, docs: rangesOf(documents.invoices) },
    { doc_num: DOC_NUM.creditNotes, docs: rangesOf(documents.creditNotes) },
  ];
  return { doc_det: kinds.filter((kind) => kind.docs.length > 0) };
}
