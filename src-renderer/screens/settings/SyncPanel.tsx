// Sync: enrol this counter with the shop's server (owner), then what sync is doing: last success, what waits, how far
// behind, errors, a clock warning, and a pull held by the mass-deletion fail-safe for a manager to confirm.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { parseEnrolmentLink } from '../../../src-shared/sync/enrol-link';
import { useTRPC, type Outputs } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import type { Me } from '../../app/App';
import { useAge } from './BackupProgress';
import { shopDateTime, shopTime } from '../../../src-shared/shop-time';

type SyncStatus = Outputs['sync']['status'];

function EnrolForm({ isOwner }: { isOwner: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const enrol = useMutation(trpc.sync.enrol.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries() }));
  if (!isOwner) return <p className="muted">{t('sync.ownerEnrols')}</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    enrol.mutate({ serverUrl: serverUrl.trim(), code });
  };
  /** The dashboard's QR code scanned into either box holds both the address and the code: split it. */
  const typed = (setBox: (text: string) => void) => (text: string) => {
    const link = parseEnrolmentLink(text);
    if (!link) return setBox(text);
    setServerUrl(link.serverUrl);
    setCode(link.code);
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="enrol-form">
      <p className="hint">{t('sync.enrolHint')}</p>
      <label>
        {t('sync.serverUrl')}
        <input
          type="url"
          value={serverUrl}
          placeholder="https://galla.example.in"
          data-testid="enrol-url"
          onChange={(event) => typed(setServerUrl)(event.target.value)}
        />
      </label>
      <label>
        {t('sync.code')}
        <input
          value={code}
          autoComplete="off"
          placeholder="ABCDE-12345"
          data-testid="enrol-code"
          onChange={(event) => typed(setCode)(event.target.value)}
        />
      </label>
      <button type="submit" disabled={enrol.isPending || !serverUrl.trim() || !code.trim()} data-testid="enrol-submit">
        {enrol.isPending ? t('sync.enrolling') : t('sync.enrol')}
      </button>
      <ErrorNote error={enrol.error} testId="enrol-error" />
    </form>
  );
}

function HoldNotice({ hold, canConfirm }: { hold: NonNullable<SyncStatus['hold']>; canConfirm: boolean }) {
  const { t } = useTranslation();
  const age = useAge();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const confirm = useMutation(
    trpc.sync.confirmMassChange.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries() }),
  );
  return (
    <div className="warning" role="alert" data-testid="sync-hold">
      <strong>{t('sync.heldTitle')}</strong>
      <p>{t('sync.heldDetail', { removing: hold.removing, active: hold.active })}</p>
      <p className="small" title={hold.reason}>
        {t('sync.heldSince', { age: age(hold.at) })}
      </p>
      {canConfirm ? (
        confirm.isSuccess ? (
          <div className="notice" data-testid="sync-hold-confirmed">
            {t('sync.heldConfirmed')}
          </div>
        ) : (
          <button
            type="button"
            onClick={() => confirm.mutate()}
            disabled={confirm.isPending}
            data-testid="sync-hold-confirm"
          >
            {t('sync.heldConfirm', { removing: hold.removing })}
          </button>
        )
      ) : (
        <p>{t('sync.heldManager')}</p>
      )}
      <ErrorNote error={confirm.error} />
    </div>
  );
}

function Figure({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="figure">
      <span>{label}</span>
      <strong data-testid={testId}>{children}</strong>
    </div>
  );
}

/** The server's refusals, one line per reason in shop words; the op ids stay in a tooltip for Galla support. */
function RefusedByServer({ refusals }: { refusals: SyncStatus['syncConflicts'] }) {
  const { t } = useTranslation();
  const byCode = new Map<string, typeof refusals>();
  for (const refusal of refusals) byCode.set(refusal.code!, [...(byCode.get(refusal.code!) ?? []), refusal]);
  return (
    <div className="warning" role="alert" data-testid="sync-conflicts">
      <ul>
        {[...byCode].map(([code, group]) => (
          <li key={code} title={group.map((refusal) => `${refusal.entity} ${refusal.opId}`).join('\n')}>
            {t('sync.refusedByServer', {
              count: group.length,
              reason: t(`sync.refusalCodes.${code}`, { defaultValue: group.at(-1)!.reason }),
            })}
          </li>
        ))}
      </ul>
      <p className="small">{t('sync.refusedHint')}</p>
    </div>
  );
}

export function SyncPanel({ me }: { me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const age = useAge();
  const status = useQuery({ ...trpc.sync.status.queryOptions(), refetchInterval: 3_000 });
  const data = status.data;
  const skewMinutes = data ? Math.round(Math.abs(data.clock.skewMs) / 60_000) : 0;
  return (
    <section className="card sync-panel" data-testid="sync-panel">
      <h3>{t('sync.title')}</h3>
      {data && !data.enrolled && (
        <>
          <p data-testid="sync-state">
            <strong>{t('sync.notEnrolled')}</strong>
          </p>
          <EnrolForm isOwner={me.role === 'owner'} />
        </>
      )}
      {data?.enrolled && data.server && (
        <div className="sync-figures">
          <p data-testid="sync-state">
            {t('sync.enrolledWith', { shop: data.server.shopName, counter: data.server.counterCode })}
          </p>
          <p className="hint">{data.server.url}</p>
          <Figure label={t('sync.lastSuccess')} testId="sync-last">
            {data.lastSuccessAt ? age(data.lastSuccessAt) : t('status.notYetSynced')}
          </Figure>
          <Figure label={t('sync.pendingOps')} testId="sync-pending">
            {data.pendingOps}
          </Figure>
          {data.push.of > 0 && data.push.done < data.push.of && (
            <div className="progress-row">
              <progress max={data.push.of} value={data.push.done} aria-label={t('sync.pushing')} />
              <span className="num">{t('sync.pushProgress', { done: data.push.done, of: data.push.of })}</span>
            </div>
          )}
          <Figure label={t('sync.behind')} testId="sync-behind">
            {data.pull.behind === 0 ? t('sync.upToDate') : t('sync.changesBehind', { count: data.pull.behind })}
          </Figure>
          {data.rejectedOps > 0 && <Figure label={t('sync.rejected')}>{data.rejectedOps}</Figure>}
        </div>
      )}
      {data?.error && (
        <div className="error" role="alert" data-testid="sync-error">
          {t('sync.lastError', { message: data.error.message })}
          <div className="small">
            {t('sync.failures', { count: data.error.failures })}
            {data.error.nextAttemptAt && ` · ${t('sync.nextAttempt', { time: shopTime(data.error.nextAttemptAt) })}`}
          </div>
        </div>
      )}
      {data?.clock.drifted && (
        <div className="warning" data-testid="sync-clock">
          {t('sync.clockDrift', { minutes: skewMinutes })}
        </div>
      )}
      {data?.journalRefused && (
        <div className="error" role="alert" data-testid="sync-journal-refused">
          {t('sync.journalRefused')}
        </div>
      )}
      {data && data.syncConflicts.length > 0 && <RefusedByServer refusals={data.syncConflicts} />}
      {data?.lastResync && (
        <p className="notice" data-testid="sync-resync">
          {t('sync.resynced', { at: shopDateTime(data.lastResync.at), count: data.lastResync.resent })}
        </p>
      )}
      {data?.hold && <HoldNotice hold={data.hold} canConfirm={me.role !== 'cashier'} />}
      {data && data.conflicts.length > 0 && (
        <details>
          <summary>{t('sync.conflicts', { count: data.conflicts.length })}</summary>
          <ul className="small">
            {data.conflicts.map((conflict, index) => (
              <li key={index}>
                {conflict.entity}: {conflict.note}
              </li>
            ))}
          </ul>
        </details>
      )}
      <ErrorNote error={status.error} />
    </section>
  );
}
