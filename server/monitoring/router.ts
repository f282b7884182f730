// Monitoring procedures for the owner's dashboard: every counter's state, and the shop's alerts to acknowledge or resolve.
import { z } from 'zod';
import { roleProcedure, router } from '../trpc/init';
import { acknowledgeAlert, listAlerts, resolveAlert } from './alerts';
import { shopCounterStatuses } from './status';

const managerProcedure = roleProcedure('manager');
const alertId = z.object({ alertId: z.uuid() }).strict();

export const monitoringRouter = router({
  counters: managerProcedure.query(({ ctx }) => shopCounterStatuses(ctx, ctx.user.shopId)),
  alerts: managerProcedure
    .input(
      z
        .object({
          which: z.enum(['unresolved', 'resolved', 'all']).default('unresolved'),
          limit: z.number().int().min(1).max(500).default(100),
        })
        .strict()
        .default({ which: 'unresolved', limit: 100 }),
    )
    .query(({ ctx, input }) => listAlerts(ctx, ctx.user.shopId, input.which, input.limit)),
  acknowledge: managerProcedure
    .input(alertId)
    .mutation(({ ctx, input }) => acknowledgeAlert(ctx, ctx.user.shopId, ctx.user.userId, input.alertId)),
  resolve: managerProcedure
    .input(alertId)
    .mutation(({ ctx, input }) => resolveAlert(ctx, ctx.user.shopId, ctx.user.userId, input.alertId)),
});
