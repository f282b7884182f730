// Drill-down: the invoices behind a report row (a day, counter, staff, hour or item), then one invoice in full.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc';
import { date, dateTime, quantity, rupees } from '../format';
import { href, navigate, type Range } from '../range';
import { DataTable } from '../components/DataTable';
import { ExportButtons, saveFile } from '../components/ExportButtons';

export function InvoicesPage({ range, params }: { range: Range; params: URLSearchParams }) {
  const trpc = useTRPC();
  const filters = {
    ...(params.get('counterId') ? { counterId: params.get('counterId')! } : {}),
    ...(params.get('staffId') ? { staffId: params.get('staffId')! } : {}),
    ...(params.get('hour') ? { hour: Number(params.get('hour')) } : {}),
    ...(params.get('itemId') ? { itemId: params.get('itemId')! } : {}),
  };
  const list = useQuery(trpc.reports.invoices.queryOptions({ ...range, ...filters, limit: 200 }));
  const title = `Invoices ${range.from === range.to ? `on ${date(range.from)}` : `${date(range.from)} to ${date(range.to)}`}${'hour' in filters ? ` at ${filters.hour}:00` : ''}`;
  return (
    <div className="page">
      <p className="muted">
        {list.data
          ? `${list.data.total} invoices${list.data.total > list.data.rows.length ? `, newest ${list.data.rows.length} shown` : ''}`
          : 'Loading…'}
      </p>
      <DataTable
        testId="invoices"
        title={title}
        rows={list.data?.rows ?? []}
        columns={[
          { key: 'number', label: 'Invoice' },
          { key: 'createdAt', label: 'Time', render: (row) => dateTime(row.createdAt) },
          { key: 'counterCode', label: 'Counter' },
          { key: 'partyName', label: 'Customer' },
          { key: 'taxPaise', label: 'Tax', kind: 'paise' },
          { key: 'totalPaise', label: 'Total', kind: 'paise' },
        ]}
        onRowClick={(row) => navigate(href('invoice', range, {}, row.id))}
        actions={<ExportButtons table="invoices" range={range} />}
      />
    </div>
  );
}

interface Line {
  name?: string;
  hsn?: string;
  qtyMilli?: number;
  unitPricePaise?: number;
  gstRateBp?: number;
  totalPaise?: number;
}

/** The same A4 tax invoice PDF the counter prints, made by the server from the synced bill. */
function PdfButton({ id }: { id: string }) {
  const trpc = useTRPC();
  const pdf = useMutation(trpc.reports.invoicePdf.mutationOptions({ onSuccess: saveFile }));
  return (
    <span className="export">
      <button
        type="button"
        className="small"
        disabled={pdf.isPending}
        onClick={() => pdf.mutate({ id, pageSize: 'A4' })}
        data-testid="invoice-pdf"
      >
        {pdf.isPending ? 'Preparing PDF…' : 'Download A4 invoice (PDF)'}
      </button>
      {pdf.error && <span className="error">{pdf.error.message}</span>}
    </span>
  );
}

export function InvoicePage({ id }: { id: string }) {
  const trpc = useTRPC();
  const invoice = useQuery(trpc.reports.invoice.queryOptions({ id }));
  const data = invoice.data;
  if (invoice.error) return <p className="error">{invoice.error.message}</p>;
  if (!data) return <p className="loading">Loading…</p>;
  const header = data.header as { partyName?: string; partyGstin?: string | null; placeOfSupply?: string };
  return (
    <div className="page">
      <section className="card invoice" data-testid="invoice">
        <header className="card-head">
          <h2>Invoice {data.number}</h2>
          <span className="muted">
            {data.counterCode} · {dateTime(data.counterCreatedAt)}
          </span>
          <PdfButton id={id} />
        </header>
        <p>
          {header.partyName ? `Bill to ${header.partyName}` : 'Walk-in customer'}
          {header.partyGstin ? ` · GSTIN ${header.partyGstin}` : ''}
          {header.placeOfSupply ? ` · Place of supply ${header.placeOfSupply}` : ''}
        </p>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th>Item</th>
                <th>HSN</th>
                <th className="num">Qty</th>
                <th className="num">Rate</th>
                <th className="num">GST</th>
                <th className="num">Amount</th>
              </tr>
            </thead>
            <tbody>
              {(data.lines as Line[]).map((line, index) => (
                <tr key={index}>
                  <td data-label="Item">{line.name ?? '—'}</td>
                  <td data-label="HSN">{line.hsn ?? ''}</td>
                  <td data-label="Qty" className="num">
                    {quantity(line.qtyMilli ?? 0)}
                  </td>
                  <td data-label="Rate" className="num">
                    {rupees(line.unitPricePaise)}
                  </td>
                  <td data-label="GST" className="num">
                    {line.gstRateBp === undefined ? '' : `${line.gstRateBp / 100}%`}
                  </td>
                  <td data-label="Amount" className="num">
                    {rupees(line.totalPaise)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="totals">
          <dt>Taxable</dt>
          <dd>{rupees(data.taxablePaise)}</dd>
          <dt>CGST + SGST</dt>
          <dd>{rupees(data.cgstPaise + data.sgstPaise)}</dd>
          <dt>IGST</dt>
          <dd>{rupees(data.igstPaise)}</dd>
          <dt>Total</dt>
          <dd className="grand">{rupees(data.totalPaise)}</dd>
          <dt>Paid</dt>
          <dd>
            {data.payments.map((payment) => `${payment.mode.toUpperCase()} ${rupees(payment.amountPaise)}`).join(' · ')}
          </dd>
          {data.returns.length > 0 && (
            <>
              <dt>Returns</dt>
              <dd>{data.returns.map((note) => `${note.number} ${rupees(note.totalPaise)}`).join(' · ')}</dd>
            </>
          )}
        </dl>
      </section>
    </div>
  );
}
