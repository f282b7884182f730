// Each bill's round-off spread over its lines (largest remainder, in paise), so item-wise sales sum exactly to net sales.
import { allocateProportionally } from '../../../src-shared/money';
import type { ReportRange } from '../../../src-shared/contracts/reports';
import type { Ledger } from '../ledger';

interface RoundedLine {
  documentId: string;
  itemId: string;
  totalPaise: number;
  roundOffPaise: number;
}

/** Only documents that were rounded: a bill that was not needs no share. Lines in their printed order. */
const ROUNDED_SALE_LINES = `
  SELECT i.id AS documentId, l.item_id AS itemId, l.total_paise AS totalPaise, i.round_off_paise AS roundOffPaise
  FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
  WHERE i.business_date BETWEEN @from AND @to AND i.round_off_paise <> 0
  ORDER BY i.id, l.line_no`;

const ROUNDED_RETURN_LINES = `
  SELECT n.id AS documentId, r.item_id AS itemId, r.total_paise AS totalPaise, n.round_off_paise AS roundOffPaise
  FROM credit_notes n JOIN credit_note_lines r ON r.credit_note_id = n.id JOIN invoice_lines l ON l.id = r.invoice_line_id
  WHERE n.business_date BETWEEN @from AND @to AND n.round_off_paise <> 0
  ORDER BY n.id, l.line_no`;

function byDocument(lines: RoundedLine[]): RoundedLine[][] {
  const documents = new Map<string, RoundedLine[]>();
  for (const line of lines) documents.set(line.documentId, [...(documents.get(line.documentId) ?? []), line]);
  return [...documents.values()];
}

/** Round-off share per item; a document whose lines are all free gives its round-off to its first line. */
function sharesOf(lines: RoundedLine[]): Map<string, number> {
  const shares = new Map<string, number>();
  for (const document of byDocument(lines)) {
    const weights = document.map((line) => Math.max(0, line.totalPaise));
    const roundOff = document[0]!.roundOffPaise;
    const parts = weights.some((weight) => weight > 0)
      ? allocateProportionally(roundOff, weights)
      : weights.map((_, index) => (index === 0 ? roundOff : 0));
    document.forEach((line, index) => shares.set(line.itemId, (shares.get(line.itemId) ?? 0) + (parts[index] ?? 0)));
  }
  return shares;
}

export function roundOffShares(
  ledger: Ledger,
  range: ReportRange,
): { sales: Map<string, number>; returns: Map<string, number> } {
  return {
    sales: sharesOf(ledger.sqlite.prepare(ROUNDED_SALE_LINES).all(range) as RoundedLine[]),
    returns: sharesOf(ledger.sqlite.prepare(ROUNDED_RETURN_LINES).all(range) as RoundedLine[]),
  };
}
