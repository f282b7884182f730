// Settings procedures: read all, write one key (managers and owners).
import { setSettingInput } from '../../../src-shared/contracts/settings';
import { managerProcedure, router, staffProcedure } from '../../trpc/init';
import { getAllSettings, setSetting } from './service';

export const settingsRouter = router({
  all: staffProcedure.query(({ ctx }) => getAllSettings(ctx.ledger)),
  set: managerProcedure
    .input(setSettingInput)
    .mutation(({ ctx, input }) => setSetting(ctx.ledger, ctx.actor, input.key, input.value)),
});
