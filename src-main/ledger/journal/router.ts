// Journal procedures: verify the hash chain, see what waits to sync.
import { managerProcedure, router, staffProcedure } from '../../trpc/init';
import { pendingCount } from '../outbox/service';
import { verifyJournal } from './service';

export const journalRouter = router({
  verify: managerProcedure.query(({ ctx }) => verifyJournal(ctx.ledger)),
  pendingSync: staffProcedure.query(({ ctx }) => ({ pending: pendingCount(ctx.ledger) })),
});
