// The counters' hash chains anchored on the server: each push's journal head must extend the last one acknowledged.
import { and, desc, eq } from 'drizzle-orm';
import { Conflict } from '../../src-shared/errors';
import { extendsAnchor, GENESIS_HEAD, type JournalHead } from '../../src-shared/sync/integrity';
import type { JournalAnchor } from '../../src-shared/sync/protocol';
import type { ServerDb } from '../db/connection';
import type { Device } from './rows';
import { journalHeads } from './schema';

/** A push whose journal does not extend the anchored head: refused whole, and the owner is told. */
export class JournalChainBroken extends Conflict {
  override readonly reason = 'JOURNAL_CHAIN_BROKEN';

  constructor(readonly detail: string) {
    super(
      `This counter's journal does not continue the one the server last confirmed (${detail}). Its ledger file may have been altered or replaced; sync is stopped until the owner checks it.`,
    );
  }
}

export async function lastJournalHead(tx: ServerDb, device: Device): Promise<JournalHead> {
  const [row] = await tx
    .select({ seq: journalHeads.seq, hash: journalHeads.hash })
    .from(journalHeads)
    .where(and(eq(journalHeads.shopId, device.shopId), eq(journalHeads.counterId, device.counterId)))
    .orderBy(desc(journalHeads.seq))
    .limit(1);
  return row ?? GENESIS_HEAD;
}

/** The links sent stop short of the anchored head (this server was restored, or the counter forgot what it anchored). */
export class JournalLinksMissing extends Conflict {
  override readonly reason = 'JOURNAL_LINKS_MISSING';
}

/** Checks the anchor against the last acknowledged head and stores the new head; throws JournalChainBroken. */
export async function anchorJournal(tx: ServerDb, device: Device, anchor: JournalAnchor): Promise<void> {
  const anchored = await lastJournalHead(tx, device);
  const verdict = extendsAnchor(anchored, anchor);
  if (!verdict.ok && verdict.gap)
    throw new JournalLinksMissing(`Send the journal links from document ${anchored.seq} on: ${verdict.reason}.`);
  if (!verdict.ok) throw new JournalChainBroken(verdict.reason);
  if (verdict.head.seq === anchored.seq) return;
  await tx
    .insert(journalHeads)
    .values({ shopId: device.shopId, counterId: device.counterId, seq: verdict.head.seq, hash: verdict.head.hash });
}
