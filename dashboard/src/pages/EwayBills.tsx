// E-way bills: the range's invoices whose movement needs one (Rule 138, the States' own limits), then one invoice:
// enter the transport, download the portal's bulk-upload JSON or make it through the API, see its number and validity,
// move the goods to another vehicle (Part B) or cancel it within 24 hours.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ewbTransportInput, ewbVehicleUpdateInput } from '../../../src-shared/gst/ewaybill';
import { stateNameAndCode } from '../../../src-shared/gst/rule46';
import { useTRPC, type Outputs } from '../trpc';
import { date, dateTime, rupees } from '../format';
import { href, navigate, type Range } from '../range';
import { useChecked } from '../form';
import { Field } from '../components/Field';
import { bilingual, Problem } from '../components/ShopProblem';
import { DataTable } from '../components/DataTable';
import { saveFile } from '../components/ExportButtons';

type Detail = Outputs['ewayBills']['detail'];

const STATUS_TEXT = { none: 'To make', draft: 'Entered, not made', active: 'Made', cancelled: 'Cancelled' } as const;

export function EwayBillsPage({ range }: { range: Range }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.ewayBills.list.queryOptions(range));
  return (
    <div className="page">
      <p className="muted">
        Goods moved for a sale of more than ₹50,000 with tax (₹1 lakh within Delhi, Maharashtra, Tamil Nadu, West Bengal
        and a few other States) need an e-way bill before they leave (CGST Rule 138).
      </p>
      {list.error && <p className="error">{list.error.message}</p>}
      <DataTable
        testId="ewaybills"
        title={`Invoices needing an e-way bill, ${date(range.from)} to ${date(range.to)}`}
        rows={list.data ?? []}
        empty="No invoice in these days needs an e-way bill."
        columns={[
          { key: 'number', label: 'Invoice' },
          { key: 'date', label: 'Date', kind: 'date' },
          { key: 'partyName', label: 'Customer' },
          { key: 'placeOfSupply', label: 'To State', render: (row) => stateNameAndCode(row.placeOfSupply) },
          { key: 'valuePaise', label: 'Value with tax', kind: 'paise' },
          {
            key: 'status',
            label: 'E-way bill',
            render: (row) =>
              row.ewbNo && row.status === 'active'
                ? `${row.ewbNo}, valid until ${dateTime(row.validUntil)}`
                : row.need === 'check' && row.status === 'none'
                  ? "Check the State's list of goods"
                  : STATUS_TEXT[row.status],
          },
        ]}
        onRowClick={(row) => navigate(href('ewaybill', range, {}, row.invoiceId))}
      />
    </div>
  );
}

export function EwayBillPage({ invoiceId }: { invoiceId: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.ewayBills.detail.queryOptions({ invoiceId }));
  const data = detail.data;
  if (detail.error) return <p className="error">{detail.error.message}</p>;
  if (!data) return <p className="loading">Loading…</p>;
  return (
    <div className="page">
      <section className="card" data-testid="ewaybill-invoice">
        <h2>E-way bill for invoice {data.number}</h2>
        <dl className="facts">
          <dt>Date</dt>
          <dd>{date(data.date)}</dd>
          <dt>Customer</dt>
          <dd>
            {data.partyName || 'Cash customer'} ({data.partyGstin ?? 'unregistered'})
          </dd>
          <dt>From → to</dt>
          <dd>
            {stateNameAndCode(data.fromStateCode)} → {stateNameAndCode(data.toStateCode)}
          </dd>
          <dt>Value with tax</dt>
          <dd>
            {rupees(data.valuePaise)} (limit {rupees(data.limitPaise)})
          </dd>
        </dl>
        {data.need === 'no' && <p className="muted">This invoice does not need an e-way bill.</p>}
        {data.need === 'check' && (
          <p className="muted">This State asks for one within it only for its listed goods: check that list.</p>
        )}
      </section>
      {data.status === 'active' ? <MadeEwayBill data={data} /> : <TransportForm data={data} />}
    </div>
  );
}

const MODES = [
  ['road', 'Road'],
  ['rail', 'Rail'],
  ['air', 'Air'],
  ['ship', 'Ship'],
] as const;

function useRefresh(invoiceId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.ewayBills.detail.queryKey({ invoiceId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.ewayBills.list.queryKey() });
  };
}

function TransportForm({ data }: { data: Detail }) {
  const trpc = useTRPC();
  const refresh = useRefresh(data.invoiceId);
  const entered = (data.transport ?? {}) as Record<string, unknown>;
  const [draft, setDraft] = useState({
    fromPincode: String(entered.fromPincode ?? ''),
    toPincode: String(entered.toPincode ?? ''),
    transportMode: (entered.transportMode as 'road' | 'rail' | 'air' | 'ship' | undefined) ?? 'road',
    distanceKm: entered.distanceKm === undefined ? '' : String(entered.distanceKm),
    vehicleNo: String(entered.vehicleNo ?? ''),
    transporterId: String(entered.transporterId ?? ''),
    overDimensional: entered.overDimensional === true,
  });
  const { problems, check } = useChecked(ewbTransportInput, draft);
  const download = useMutation(trpc.ewayBills.bulkJson.mutationOptions({ onSuccess: saveFile, onSettled: refresh }));
  const generate = useMutation(trpc.ewayBills.generate.mutationOptions({ onSuccess: refresh }));
  const set = (field: keyof typeof draft) => (value: string | boolean) => {
    download.reset();
    generate.reset();
    setDraft((now) => ({ ...now, [field]: value }));
  };
  const send = (how: 'download' | 'generate') => (event?: FormEvent) => {
    event?.preventDefault();
    if (!check()) return;
    const request = { invoiceId: data.invoiceId, transport: { ...draft, distanceKm: Number(draft.distanceKm) } };
    if (how === 'download') download.mutate(request);
    else generate.mutate(request);
  };
  const busy = download.isPending || generate.isPending;
  return (
    <form className="card form-card" onSubmit={send('generate')} noValidate data-testid="ewaybill-transport">
      <h2>Transport (Part A and Part B)</h2>
      {data.status === 'cancelled' && <p className="muted">E-way bill {data.ewbNo} was cancelled; make a new one.</p>}
      <fieldset>
        <Field label="From PIN code" problem={bilingual(problems.fromPincode)}>
          <input value={draft.fromPincode} inputMode="numeric" onChange={(e) => set('fromPincode')(e.target.value)} />
        </Field>
        <Field label="To PIN code" problem={bilingual(problems.toPincode)}>
          <input value={draft.toPincode} inputMode="numeric" onChange={(e) => set('toPincode')(e.target.value)} />
        </Field>
        <Field label="Transport mode" problem={bilingual(problems.transportMode)}>
          <select value={draft.transportMode} onChange={(e) => set('transportMode')(e.target.value)}>
            {MODES.map(([mode, label]) => (
              <option key={mode} value={mode}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Approximate distance (km)" problem={bilingual(problems.distanceKm)}>
          <input value={draft.distanceKm} inputMode="numeric" onChange={(e) => set('distanceKm')(e.target.value)} />
        </Field>
        <Field
          label="Vehicle number"
          problem={bilingual(problems.vehicleNo)}
          hint={
            draft.transportMode === 'road' ? 'As on the number plate, e.g. MH01AB1234.' : 'Not needed for this mode.'
          }
        >
          <input value={draft.vehicleNo} onChange={(e) => set('vehicleNo')(e.target.value.toUpperCase())} />
        </Field>
        <Field label="Transporter ID (optional)" problem={bilingual(problems.transporterId)}>
          <input value={draft.transporterId} onChange={(e) => set('transporterId')(e.target.value.toUpperCase())} />
        </Field>
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.overDimensional}
            onChange={(e) => set('overDimensional')(e.target.checked)}
          />{' '}
          Over-dimensional cargo (valid a day per 20 km)
        </label>
      </fieldset>
      <Problem error={download.error ?? generate.error} testId="ewaybill-error" />
      <div className="row">
        <button type="button" className="secondary" disabled={busy} onClick={() => send('download')()}>
          {download.isPending ? 'Preparing…' : 'Download JSON for the portal'}
        </button>
        <button type="submit" disabled={busy || !data.apiConfigured}>
          {generate.isPending ? 'Making e-way bill…' : 'Generate e-way bill'}
        </button>
      </div>
      {!data.apiConfigured && (
        <p className="muted">
          The e-way bill API is not set up on this server: upload the JSON on ewaybillgst.gov.in (Bulk generation).
        </p>
      )}
    </form>
  );
}

const VEHICLE_REASONS = [
  ['breakdown', 'Breakdown'],
  ['transhipment', 'Transhipment'],
  ['others', 'Other'],
  ['first-time', 'First time'],
] as const;

const CANCEL_REASONS = [
  ['order-cancelled', 'Order cancelled'],
  ['duplicate', 'Duplicate'],
  ['data-entry-mistake', 'Data entry mistake'],
  ['others', 'Other'],
] as const;

function MadeEwayBill({ data }: { data: Detail }) {
  const trpc = useTRPC();
  const refresh = useRefresh(data.invoiceId);
  const [vehicle, setVehicle] = useState({ vehicleNo: '', reason: 'breakdown', fromPlace: '' });
  const [cancelReason, setCancelReason] = useState<(typeof CANCEL_REASONS)[number][0]>('order-cancelled');
  const update = { invoiceId: data.invoiceId, ...vehicle };
  const { problems, check, reset } = useChecked(ewbVehicleUpdateInput, update);
  const move = useMutation(
    trpc.ewayBills.updateVehicle.mutationOptions({
      onSuccess: () => {
        setVehicle({ vehicleNo: '', reason: 'breakdown', fromPlace: '' });
        reset();
        refresh();
      },
    }),
  );
  const cancel = useMutation(trpc.ewayBills.cancel.mutationOptions({ onSuccess: refresh }));
  const submitMove = (event: FormEvent) => {
    event.preventDefault();
    if (check()) move.mutate(ewbVehicleUpdateInput.parse(update));
  };
  return (
    <>
      <section className="card" data-testid="ewaybill-made">
        <h2>E-way bill {data.ewbNo}</h2>
        <dl className="facts">
          <dt>Made on</dt>
          <dd>{dateTime(data.generatedAt)}</dd>
          <dt>Valid until</dt>
          <dd data-testid="ewaybill-valid-until">{dateTime(data.validUntil)}</dd>
          <dt>Vehicle</dt>
          <dd data-testid="ewaybill-vehicle">{data.vehicleNo || '—'}</dd>
          <dt>Can be cancelled until</dt>
          <dd>{dateTime(data.cancellableUntil)}</dd>
        </dl>
        {data.vehicleUpdates.length > 0 && (
          <ul className="muted">
            {data.vehicleUpdates.map((change) => (
              <li key={change.at}>
                {dateTime(change.at)}: {change.vehicleNo} from {change.fromPlace} ({change.reason})
              </li>
            ))}
          </ul>
        )}
      </section>
      <form className="card form-card" onSubmit={submitMove} noValidate data-testid="ewaybill-vehicle-form">
        <h2>Change vehicle (Part B)</h2>
        <fieldset>
          <Field label="New vehicle number" problem={bilingual(problems.vehicleNo)}>
            <input
              value={vehicle.vehicleNo}
              onChange={(e) => setVehicle((now) => ({ ...now, vehicleNo: e.target.value.toUpperCase() }))}
            />
          </Field>
          <Field label="Reason" problem={bilingual(problems.reason)}>
            <select value={vehicle.reason} onChange={(e) => setVehicle((now) => ({ ...now, reason: e.target.value }))}>
              {VEHICLE_REASONS.map(([reason, label]) => (
                <option key={reason} value={reason}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="From place" problem={bilingual(problems.fromPlace)}>
            <input
              value={vehicle.fromPlace}
              onChange={(e) => setVehicle((now) => ({ ...now, fromPlace: e.target.value }))}
            />
          </Field>
        </fieldset>
        <Problem error={move.error} testId="ewaybill-vehicle-error" />
        <div className="row">
          <button type="submit" disabled={move.isPending}>
            {move.isPending ? 'Updating…' : 'Update vehicle'}
          </button>
        </div>
      </form>
      <section className="card form-card" data-testid="ewaybill-cancel">
        <h2>Cancel the e-way bill</h2>
        <Field label="Why">
          <select
            value={cancelReason}
            onChange={(e) => setCancelReason(e.target.value as (typeof CANCEL_REASONS)[number][0])}
          >
            {CANCEL_REASONS.map(([reason, label]) => (
              <option key={reason} value={reason}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Problem error={cancel.error} testId="ewaybill-cancel-error" />
        <div className="row">
          <button
            type="button"
            className="danger"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate({ invoiceId: data.invoiceId, reason: cancelReason })}
          >
            {cancel.isPending ? 'Cancelling…' : 'Cancel e-way bill'}
          </button>
        </div>
      </section>
    </>
  );
}
