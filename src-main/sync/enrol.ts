// Enrols this counter with the shop's server using the owner's one-time code; the device token is kept in the ledger.
import { Conflict } from '../../src-shared/errors';
import { type Ledger, nowIso } from '../ledger/ledger';
import { getCounter, getShop } from '../ledger/settings/service';
import { requestEnrolment } from './remote';
import { readSyncState, writeSyncState, type Enrolment } from './state';

export async function enrolCounter(ledger: Ledger, input: { serverUrl: string; code: string }): Promise<Enrolment> {
  if (readSyncState(ledger, 'enrolment')) throw new Conflict({ key: 'counterAlreadyEnrolled' });
  const { counterId: counterCode } = getCounter(ledger);
  // The shop's GSTIN and legal name go with the request, so the owner need not type them again on the dashboard.
  const shop = getShop(ledger);
  const result = await requestEnrolment(input.serverUrl, {
    code: input.code,
    counterCode,
    gstin: shop?.gstin ?? null,
    legalName: shop?.legalName ?? '',
  });
  const enrolment: Enrolment = {
    serverUrl: input.serverUrl.replace(/\/$/, ''),
    deviceToken: result.deviceToken,
    counterId: result.counterId,
    shopId: result.shopId,
    shopName: result.shopName,
    counterCode: result.counterCode,
    enrolledAt: nowIso(ledger),
  };
  ledger.transaction(() => writeSyncState(ledger, 'enrolment', enrolment));
  return enrolment;
}
