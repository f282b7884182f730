// The one step every finalised document goes through: number, hash-chain link, rows, its effects, summaries, outbox, print.
import type { Ledger } from '../ledger';
import { chainDocument, nextDocumentNumber, type ChainLink } from '../journal/service';
import type { JournalDocType } from '../journal/schema';
import { enqueue } from '../outbox/service';
import { queueDocumentPrint, type PrintDocType } from '../printing/queue';
import { PRINT_DOC_TYPES } from '../printing/schema';

/** The documents that print on record must be ones the print queue knows how to lay out. */
function printable(docType: JournalDocType): PrintDocType {
  if (!(PRINT_DOC_TYPES as readonly string[]).includes(docType))
    throw new TypeError(`A ${docType} has no receipt layout to print on record.`);
  return docType as PrintDocType;
}

/**
 * What the ledger must know to record one type of document. Every field is required (summaries and printing
 * say `null`/`false` explicitly), so a new type (purchase bill, debit note, order) decides each step on purpose.
 */
export interface DocumentKind<Doc> {
  /** Names the number series, the journal entry, the outbox entity and the print job's document type. */
  readonly docType: JournalDocType;
  /** What the hash covers: the same content the journal reads back from the stored rows when verifying. */
  content(doc: Doc): unknown;
  /** Writes the document's own rows (header with its chain link, lines, payments). */
  insert(ledger: Ledger, doc: Doc, link: ChainLink): void;
  /** Moves the running summaries the reports read (the day's sales...); null when this type moves none. */
  readonly summarise: ((ledger: Ledger, doc: Doc, link: ChainLink) => void) | null;
  /** What the server receives for it. */
  outboxPayload(ledger: Ledger, doc: Doc, link: ChainLink): unknown;
  /** Whether a receipt is queued on the default printer as it is recorded. */
  readonly printsOnRecord: boolean;
}

export interface DocumentToRecord<Doc, Effects> {
  id: string;
  /** The counter whose series numbers it. */
  counterId: string;
  /** When it is finalised: the same instant its number's financial year and its own timestamps come from. */
  at: Date;
  /** Builds the document around the number it was given. */
  compose(number: string): Doc;
  /** What this document does to the rest of the ledger (stock, khata, audit) once its rows are written. */
  apply(doc: Doc, link: ChainLink): Effects;
}

export interface RecordedDocument<Doc, Effects> {
  doc: Doc;
  link: ChainLink;
  effects: Effects;
}

/**
 * Records a document inside the caller's transaction, in a fixed order: gap-free number → document → hash-chain
 * link → its rows → its effects → summaries → outbox row → print job. A throw anywhere rolls all of it back with
 * the caller's own writes, the number included.
 */
export function recordDocument<Doc, Effects>(
  ledger: Ledger,
  kind: DocumentKind<Doc>,
  input: DocumentToRecord<Doc, Effects>,
): RecordedDocument<Doc, Effects> {
  if (!ledger.sqlite.inTransaction) throw new TypeError('recordDocument runs inside the caller’s transaction.');
  const doc = input.compose(nextDocumentNumber(ledger, kind.docType, input.counterId, input.at));
  const link = chainDocument(ledger, kind.docType, input.id, kind.content(doc));
  kind.insert(ledger, doc, link);
  const effects = input.apply(doc, link);
  kind.summarise?.(ledger, doc, link);
  enqueue(ledger, kind.docType, input.id, kind.outboxPayload(ledger, doc, link));
  if (kind.printsOnRecord) queueDocumentPrint(ledger, printable(kind.docType), input.id);
  return { doc, link, effects };
}
