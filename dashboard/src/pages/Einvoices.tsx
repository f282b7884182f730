// E-invoices: the owner's switch (a business above ₹5 crore turnover must report B2B bills to the IRP), every reported
// document with what the IRP answered, "Report now" for the ones waiting, and cancelling an IRN within 24 hours.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CANCEL_REASONS, IRN_CANCEL_HOURS, ackDateTime } from '../../../src-shared/gst/einvoice';
import { cancelEinvoiceInput, type EinvoiceDocumentRow } from '../../../src-shared/contracts/einvoice';
import { useTRPC } from '../trpc';
import { dateTime } from '../format';
import { useChecked } from '../form';
import { Field } from '../components/Field';
import { DataTable } from '../components/DataTable';
import { bilingual, Problem } from '../components/ShopProblem';

const STATUS_TEXT: Record<EinvoiceDocumentRow['status'], string> = {
  pending: 'Queued',
  sending: 'Sending',
  generated: 'Reported',
  refused: 'Refused',
  expired: 'Expired (not reported within 30 days)',
  cancelled: 'Cancelled',
};

/** The IRP's reasons (Cancel IRN API, CnlRsn), in its order. */
const REASON_TEXT = [
  [CANCEL_REASONS.duplicate, 'Duplicate'],
  [CANCEL_REASONS.dataEntryMistake, 'Data entry mistake'],
  [CANCEL_REASONS.orderCancelled, 'Order cancelled'],
  [CANCEL_REASONS.other, 'Other'],
] as const;

function cancellable(row: EinvoiceDocumentRow, now = Date.now()): boolean {
  if (row.status !== 'generated' || !row.generatedAt) return false;
  return now - Date.parse(row.generatedAt) <= IRN_CANCEL_HOURS * 3_600_000;
}

function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.einvoice.documents.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.einvoice.settings.queryKey() });
  };
}

function EinvoiceSwitch() {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const settings = useQuery(trpc.einvoice.settings.queryOptions());
  const setEnabled = useMutation(trpc.einvoice.setEnabled.mutationOptions({ onSuccess: refresh }));
  const enabled = settings.data?.enabled ?? false;
  return (
    <section className="card form-card" data-testid="einvoice-switch">
      <h2>E-invoicing</h2>
      <p className="muted">
        A business whose turnover in any year since 2017-18 passed ₹5 crore must report every bill to a registered buyer
        (B2B) and its credit notes to the Invoice Registration Portal, which gives each an IRN and a signed QR code for
        the printed bill (Notification 17/2022-CT).
      </p>
      <label className="inline">
        <input
          type="checkbox"
          checked={enabled}
          disabled={!settings.data || setEnabled.isPending}
          onChange={(event) => setEnabled.mutate({ enabled: event.target.checked })}
        />{' '}
        Report B2B bills to the IRP
      </label>
      <p data-testid="einvoice-state">{enabled ? 'E-invoicing is on.' : 'E-invoicing is off.'}</p>
      <Problem error={setEnabled.error} testId="einvoice-switch-error" />
      {settings.data && !settings.data.gspConfigured && (
        <p className="muted">This server has no GSP credentials yet: ask whoever runs it to add them.</p>
      )}
    </section>
  );
}

function CancelForm({ row, onDone }: { row: EinvoiceDocumentRow; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [draft, setDraft] = useState({
    docId: row.docId,
    reason: CANCEL_REASONS.dataEntryMistake as string,
    remark: '',
  });
  const { problems, check } = useChecked(cancelEinvoiceInput, draft);
  const cancel = useMutation(
    trpc.einvoice.cancel.mutationOptions({
      onSuccess: () => {
        refresh();
        onDone();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check()) cancel.mutate(cancelEinvoiceInput.parse(draft));
  };
  return (
    <form className="card form-card" onSubmit={submit} noValidate data-testid="einvoice-cancel">
      <h2>Cancel the IRN of {row.docNumber}</h2>
      <p className="muted">
        The IRP cancels an IRN only within {IRN_CANCEL_HOURS} hours of its generation (reported{' '}
        {dateTime(row.generatedAt)}); the bill itself stays as it is: make a credit note for the goods.
      </p>
      <fieldset>
        <Field label="Reason" problem={bilingual(problems.reason)}>
          <select value={draft.reason} onChange={(e) => setDraft((now) => ({ ...now, reason: e.target.value }))}>
            {REASON_TEXT.map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Remark" problem={bilingual(problems.remark)} hint="Up to 100 characters, sent to the IRP.">
          <input
            value={draft.remark}
            maxLength={100}
            onChange={(e) => {
              cancel.reset();
              setDraft((now) => ({ ...now, remark: e.target.value }));
            }}
          />
        </Field>
      </fieldset>
      <Problem error={cancel.error} testId="einvoice-cancel-error" />
      <div className="row">
        <button type="button" className="secondary" onClick={onDone}>
          Keep the IRN
        </button>
        <button type="submit" className="danger" disabled={cancel.isPending}>
          {cancel.isPending ? 'Cancelling…' : 'Cancel IRN'}
        </button>
      </div>
    </form>
  );
}

function irpAnswer(row: EinvoiceDocumentRow) {
  if (row.status === 'refused' || row.errorCode)
    return (
      <span className={row.status === 'refused' ? 'error' : 'muted'}>
        {row.errorCode} {row.errorMessage}
      </span>
    );
  return row.irn ? <code title={row.irn}>{`${row.irn.slice(0, 12)}…`}</code> : '—';
}

export function EinvoicesPage() {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const documents = useQuery(trpc.einvoice.documents.queryOptions({}));
  const reportNow = useMutation(trpc.einvoice.reportNow.mutationOptions({ onSuccess: refresh }));
  const [cancelling, setCancelling] = useState<EinvoiceDocumentRow | null>(null);
  return (
    <div className="page">
      <EinvoiceSwitch />
      <div className="row">
        <button type="button" disabled={reportNow.isPending} onClick={() => reportNow.mutate()}>
          {reportNow.isPending ? 'Reporting…' : 'Report now'}
        </button>
        {reportNow.data && (
          <span className="muted" data-testid="einvoice-reported">
            {reportNow.data.settled === 1 ? '1 document settled.' : `${reportNow.data.settled} documents settled.`}
          </span>
        )}
      </div>
      <Problem error={reportNow.error} testId="einvoice-report-error" />
      {documents.error && <p className="error">{documents.error.message}</p>}
      <DataTable
        testId="einvoices"
        wide
        title="Documents reported to the IRP"
        rows={documents.data ?? []}
        empty="No B2B bill has been queued for the IRP yet."
        columns={[
          { key: 'docNumber', label: 'Document' },
          { key: 'docKind', label: 'Kind', render: (row) => (row.docKind === 'invoice' ? 'Invoice' : 'Credit note') },
          { key: 'docDate', label: 'Date', kind: 'date' },
          { key: 'status', label: 'Status', render: (row) => STATUS_TEXT[row.status] },
          { key: 'irn', label: 'IRN / IRP answer', render: irpAnswer },
          { key: 'ackNo', label: 'Ack No' },
          { key: 'ackDt', label: 'Ack date (IST)', render: (row) => ackDateTime(row.ackDt) },
          {
            key: 'cancelledAt',
            label: '',
            render: (row) =>
              row.cancelledAt ? (
                `Cancelled ${dateTime(row.cancelledAt)}`
              ) : cancellable(row) ? (
                <button type="button" className="link" onClick={() => setCancelling(row)}>
                  Cancel IRN
                </button>
              ) : null,
          },
        ]}
      />
      {cancelling && <CancelForm key={cancelling.docId} row={cancelling} onDone={() => setCancelling(null)} />}
    </div>
  );
}
