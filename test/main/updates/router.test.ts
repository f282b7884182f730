// The renderer's update procedures: the status shows "off" outside Electron, the billing screen's bill state reaches
// the policy, and "Restart and update" is refused while a bill is open.
import { afterEach, describe, expect, it } from 'vitest';
import { UpdateController } from '../../../src-main/updates/controller';
import { updateSlot } from '../../../src-main/updates/router';
import { DEFAULT_UPDATE_POLICY } from '../../../src-shared/updates/policy';
import { shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop | null = null;
afterEach(() => {
  updateSlot.controller = null;
  updateSlot.billOpen = false;
  shop?.t.cleanup();
});

describe('update procedures', () => {
  it('report "off" where no updater runs (the browser build, tests)', async () => {
    shop = await shopWithStaff();
    expect(await shop.cashier.updates.status()).toMatchObject({ phase: 'off' });
  });

  it('"Restart and update" waits while the billing screen holds a bill, and installs once it is closed', async () => {
    shop = await shopWithStaff({ openShift: false });
    let installs = 0;
    const controller = new UpdateController({
      port: {
        check: async () => ({ version: '0.2.0' }),
        download: async () => {},
        recheck: async () => {},
        install: () => void (installs += 1),
      },
      policy: { ...DEFAULT_UPDATE_POLICY, startWindowSeconds: 0 },
      runningVersion: '0.1.0',
      activity: () => ({ billOpen: updateSlot.billOpen, callsInFlight: 0, printsInFlight: 0, shiftOpen: false }),
      attempts: { read: () => null, write: () => {} },
      confirm: async () => false,
      timers: { setTimeout: () => 0, clearTimeout: () => {} },
    });
    updateSlot.controller = controller;
    await shop.cashier.updates.billState({ open: true });
    await controller.checkNow();
    expect(await shop.cashier.updates.installNow()).toEqual({ install: false, reason: 'bill-open' });
    expect(installs).toBe(0);
    await shop.cashier.updates.billState({ open: false });
    expect(await shop.cashier.updates.installNow()).toEqual({ install: true, version: '0.2.0' });
    expect(installs).toBe(1);
    expect((await shop.cashier.updates.status()).phase).toBe('installing');
  });
});
