// GST by rate and by HSN (net of returns), returns and shift reconciliation, and the GSTR-1 JSON for the portal's offline tool.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../trpc';
import { filingMonths, href, lastMonth, type Range } from '../range';
import { dateTime } from '../format';
import { DataTable } from '../components/DataTable';
import { ExportButtons } from '../components/ExportButtons';
import { documentRanges, gstr1Sections } from './gstr1-sections';

const TAX = [
  { key: 'taxablePaise', label: 'Taxable', kind: 'paise' },
  { key: 'cgstPaise', label: 'CGST', kind: 'paise' },
  { key: 'sgstPaise', label: 'SGST', kind: 'paise' },
  { key: 'igstPaise', label: 'IGST', kind: 'paise' },
  { key: 'cessPaise', label: 'Cess', kind: 'paise' },
  { key: 'taxPaise', label: 'Total tax', kind: 'paise' },
] as const;

const percent = (bp: number) => `${bp / 100}%`;

/** The GSTR-1 for a month (last month unless the owner picks another), under the shop's GSTIN from Shop settings. */
function Gstr1Card({ range }: { range: Range }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const me = useQuery(trpc.accounts.me.queryOptions());
  const [month, setMonth] = useState(() => lastMonth());
  const [problem, setProblem] = useState('');
  const gstin = me.data?.shop.gstin ?? null;
  const preview = useQuery({ ...trpc.reports.gstr1.queryOptions({ month }), enabled: Boolean(gstin) });
  const download = async () => {
    setProblem('');
    try {
      const json = await client.fetchQuery(trpc.reports.gstr1.queryOptions({ month }));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }));
      link.download = `GSTR1_${json.gstin}_${json.fp}.json`;
      link.click();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <>
      <section className="card" data-testid="gstr1">
        <h2>GSTR-1</h2>
        <p className="muted">
          B2B invoices by buyer GSTIN, B2C (Large) invoices, B2C (Others) by state and rate, nil-rated supplies, credit
          notes, the HSN summary and the documents issued, as the GST portal’s offline tool imports them.
        </p>
        {me.data && !gstin ? (
          <p className="error">
            The shop has no GSTIN yet: add it in <a href={href('shop', range)}>Shop settings</a>.
          </p>
        ) : (
          <p>
            Filed under GSTIN <strong data-testid="gstr1-gstin">{gstin ?? '…'}</strong>{' '}
            <a href={href('shop', range)} className="muted">
              (Shop settings)
            </a>
          </p>
        )}
        <div className="row">
          <label className="inline">
            Period{' '}
            <select aria-label="GSTR-1 period" value={month} onChange={(event) => setMonth(event.target.value)}>
              {filingMonths().map((period) => (
                <option key={period.month} value={period.month}>
                  {period.label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void download()} disabled={!gstin}>
            Download GSTR-1 JSON
          </button>
        </div>
        {problem && <p className="error">{problem}</p>}
        {preview.error && <p className="error">{preview.error.message}</p>}
      </section>
      {preview.data && (
        <>
          <DataTable
            title={`GSTR-1 sections, ${filingMonths().find((period) => period.month === month)?.label ?? month}`}
            testId="gstr1-sections"
            wide
            rows={gstr1Sections(preview.data)}
            columns={[
              { key: 'section', label: 'Section' },
              { key: 'table', label: 'Table' },
              { key: 'records', label: 'Records', kind: 'number' },
              { key: 'taxablePaise', label: 'Taxable', kind: 'paise' },
              { key: 'taxPaise', label: 'Tax', kind: 'paise' },
            ]}
          />
          <DataTable
            title="Documents issued (Table 13)"
            testId="gstr1-documents"
            wide
            rows={documentRanges(preview.data)}
            empty="No documents in this period."
            columns={[
              { key: 'kind', label: 'Document' },
              { key: 'from', label: 'From' },
              { key: 'to', label: 'To' },
              { key: 'totnum', label: 'Total', kind: 'number' },
              { key: 'cancel', label: 'Cancelled', kind: 'number' },
              { key: 'netIssue', label: 'Net issued', kind: 'number' },
            ]}
          />
        </>
      )}
    </>
  );
}

export function GstPage({ range }: { range: Range }) {
  const trpc = useTRPC();
  const gst = useQuery(trpc.reports.gst.queryOptions(range));
  return (
    <div className="page grid">
      <DataTable
        title="GST by rate"
        rows={gst.data?.byRate ?? []}
        columns={[
          { key: 'gstRateBp', label: 'Rate', kind: 'number', render: (row) => percent(row.gstRateBp) },
          { key: 'valuePaise', label: 'Value', kind: 'paise' },
          ...TAX,
        ]}
        actions={<ExportButtons table="gst-by-rate" range={range} />}
      />
      <DataTable
        title="GST by HSN"
        rows={gst.data?.byHsn ?? []}
        columns={[
          { key: 'hsn', label: 'HSN' },
          { key: 'unit', label: 'Unit' },
          { key: 'gstRateBp', label: 'Rate', kind: 'number', render: (row) => percent(row.gstRateBp) },
          { key: 'qtyMilli', label: 'Qty', kind: 'milli' },
          { key: 'valuePaise', label: 'Value', kind: 'paise' },
          ...TAX,
        ]}
        actions={<ExportButtons table="gst-by-hsn" range={range} />}
      />
      <Gstr1Card range={range} />
    </div>
  );
}

export function ShiftsPage({ range }: { range: Range }) {
  const trpc = useTRPC();
  const sessions = useQuery(trpc.reports.cashSessions.queryOptions(range));
  const returns = useQuery(trpc.reports.returns.queryOptions(range));
  return (
    <div className="page grid">
      <DataTable
        title="Cash sessions: expected vs counted"
        rows={sessions.data ?? []}
        columns={[
          { key: 'counterCode', label: 'Counter' },
          {
            key: 'openedAt',
            label: 'Opened',
            render: (row) => dateTime(row.openedAt),
          },
          { key: 'openingFloatPaise', label: 'Float', kind: 'paise' },
          { key: 'expectedCashPaise', label: 'Expected', kind: 'paise' },
          { key: 'countedPaise', label: 'Counted', kind: 'paise' },
          { key: 'differencePaise', label: 'Difference', kind: 'paise' },
        ]}
        actions={<ExportButtons table="cash-sessions" range={range} />}
      />
      <DataTable
        title="Returns"
        rows={returns.data ?? []}
        columns={[
          { key: 'number', label: 'Credit note' },
          { key: 'date', label: 'Date', kind: 'date' },
          { key: 'invoiceNumber', label: 'Invoice' },
          { key: 'refundMode', label: 'Refund' },
          { key: 'totalPaise', label: 'Total', kind: 'paise' },
        ]}
        actions={<ExportButtons table="returns" range={range} />}
      />
    </div>
  );
}
