// Update procedures for the renderer: the status (always visible), the billing screen saying whether a bill is open,
// and "Restart and update" (which the policy may still refuse, say while a receipt prints).
import { z } from 'zod';
import type { UpdateStatus } from '../../src-shared/updates/status';
import { router, staffProcedure } from '../trpc/init';
import type { UpdateController } from './controller';

/**
 * The running app's one update controller, set by src-main/electron/updater.ts. A slot rather than context because
 * the app router is a constant built before Electron starts; in the browser and in tests it stays empty ("off").
 */
export const updateSlot: { controller: UpdateController | null; billOpen: boolean } = {
  controller: null,
  billOpen: false,
};

const OFF = (runningVersion: string): UpdateStatus => ({
  phase: 'off',
  runningVersion,
  availableVersion: null,
  lastCheckAt: null,
  nextCheckAt: null,
  waitingFor: null,
  error: null,
  lastInstall: 'none',
});

export const updatesRouter = router({
  status: staffProcedure.query((): UpdateStatus => updateSlot.controller?.status() ?? OFF('')),
  billState: staffProcedure.input(z.object({ open: z.boolean() }).strict()).mutation(({ input }) => {
    updateSlot.billOpen = input.open;
  }),
  installNow: staffProcedure.mutation(async () => {
    const controller = updateSlot.controller;
    if (!controller) return { install: false as const, reason: 'nothing-downloaded' as const };
    return controller.considerInstall('cashier');
  }),
});
