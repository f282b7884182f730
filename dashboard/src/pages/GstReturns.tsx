// GSTR-3B for a month (a readable table and the portal's JSON to download) and GSTR-2B matching (upload the file from
// the portal, see matched, missing and mismatched documents, export them).
import { useState, type ChangeEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTRPC, type Outputs } from '../trpc';
import { date, rupees } from '../format';
import { filingMonths, lastMonth } from '../range';
import { DataTable } from '../components/DataTable';
import { saveFile } from '../components/ExportButtons';
import { fillTemplate, SHOP_MESSAGES_HI, type ShopMessage } from '../../../src-shared/shop-messages';

function MonthPicker({ label, month, onChange }: { label: string; month: string; onChange: (month: string) => void }) {
  return (
    <label className="inline">
      Period{' '}
      <select aria-label={label} value={month} onChange={(event) => onChange(event.target.value)}>
        {filingMonths().map((period) => (
          <option key={period.month} value={period.month}>
            {period.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A refusal from the server in English, and in Hindi beneath it when it is a shop-language message. */
function Problem({
  error,
  testId,
  id,
}: {
  error: { message: string; data?: unknown } | null;
  testId: string;
  id?: string;
}) {
  if (!error) return null;
  const shop = (error.data as { shop?: ShopMessage | null } | undefined)?.shop ?? null;
  return (
    <div className="error" role="alert" data-testid={testId} id={id}>
      <p>{error.message}</p>
      {shop && <p lang="hi">{fillTemplate(SHOP_MESSAGES_HI[shop.key], shop.params)}</p>}
    </div>
  );
}

type Report = Outputs['reports']['gstr3b'];
type Tax = Report['outward'];

const HEAD_NAMES = { igst: 'IGST', cgst: 'CGST', sgst: 'SGST', cess: 'Cess' } as const;

export function Gstr3bPage() {
  const trpc = useTRPC();
  const [month, setMonth] = useState(() => lastMonth());
  const report = useQuery({ ...trpc.reports.gstr3b.queryOptions({ month }), retry: false });
  const data = report.data;
  const download = () => {
    if (!data) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data.json, null, 2)], { type: 'application/json' }));
    link.download = `GSTR3B_${data.json.gstin}_${data.json.ret_period}.json`;
    link.click();
  };
  const supplyRows: (Omit<Tax, 'taxablePaise'> & { taxablePaise: number | null; table: string; nature: string })[] =
    data
      ? [
          { table: '3.1(a)', nature: 'Outward taxable supplies (sales net of returns)', ...data.outward },
          {
            table: '3.1(c)',
            nature: 'Nil rated and exempted sales',
            taxablePaise: data.nilExemptPaise,
            igstPaise: 0,
            cgstPaise: 0,
            sgstPaise: 0,
            cessPaise: 0,
          },
          { table: '3.1(d)', nature: 'Inward supplies liable to reverse charge', ...data.reverseCharge },
          // Table 4 of GSTR-3B has tax columns only (the portal's itc_avl has no txval): no taxable value is shown there.
          {
            table: '4(A)(3)',
            nature: 'ITC: inward supplies liable to reverse charge',
            ...data.itcReverseCharge,
            taxablePaise: null,
          },
          {
            table: '4(A)(5)',
            nature: 'ITC: all other (purchases net of returns)',
            ...data.itcOther,
            taxablePaise: null,
          },
        ]
      : [];
  return (
    <div className="page grid">
      <section className="card" data-testid="gstr3b">
        <h2>GSTR-3B</h2>
        <p className="muted">
          Sales net of credit notes, purchases net of debit notes, reverse charge and input tax credit for the month, in
          the GST portal’s JSON. Purchases count in the month they were recorded at the counter.
        </p>
        <div className="row">
          <MonthPicker label="GSTR-3B period" month={month} onChange={setMonth} />
          <button type="button" onClick={download} disabled={!data}>
            Download GSTR-3B JSON
          </button>
          {data && (
            <span className="muted">
              GSTIN {data.json.gstin} · {data.counts.purchaseBills} purchase bills · {data.counts.debitNotes} debit
              notes
            </span>
          )}
        </div>
        <Problem error={report.error} testId="gstr3b-problem" />
      </section>
      <DataTable
        testId="gstr3b-supplies"
        wide
        title="Supplies and input tax credit"
        rows={supplyRows}
        columns={[
          { key: 'table', label: 'Table' },
          { key: 'nature', label: 'Nature of supplies' },
          { key: 'taxablePaise', label: 'Taxable value', kind: 'paise' },
          { key: 'igstPaise', label: 'IGST', kind: 'paise' },
          { key: 'cgstPaise', label: 'CGST', kind: 'paise' },
          { key: 'sgstPaise', label: 'SGST', kind: 'paise' },
          { key: 'cessPaise', label: 'Cess', kind: 'paise' },
        ]}
      />
      <DataTable
        testId="gstr3b-payable"
        wide
        title={`Tax payable by head: ${rupees(data?.cashTotalPaise ?? 0)} in cash`}
        rows={data?.heads ?? []}
        columns={[
          { key: 'head', label: 'Tax', render: (row) => HEAD_NAMES[row.head] },
          { key: 'outputPaise', label: 'On sales', kind: 'paise' },
          { key: 'reverseChargePaise', label: 'Reverse charge', kind: 'paise' },
          { key: 'itcPaise', label: 'ITC of this head', kind: 'paise' },
          { key: 'paidByItcPaise', label: 'Paid by ITC', kind: 'paise' },
          { key: 'cashPaise', label: 'Pay in cash', kind: 'paise' },
          { key: 'itcCarriedPaise', label: 'ITC carried forward', kind: 'paise' },
        ]}
      />
    </div>
  );
}

type Reconciliation = Outputs['reports']['gstr2b'];
type Row = Reconciliation['rows'][number];

const LISTS = [
  ['mismatched', 'Amounts differ', 'The supplier filed other figures: check the bill before claiming.'],
  ['missing_in_books', 'Missing in books', 'In GSTR-2B but not recorded at the counter.'],
  ['missing_in_2b', 'Missing in GSTR-2B', 'Recorded, but the supplier has not filed it: do not claim yet.'],
  ['matched', 'Matched', 'Safe to claim.'],
] as const;

function ReconciliationList({
  status,
  title,
  hint,
  rows,
}: {
  status: Row['status'];
  title: string;
  hint: string;
  rows: Row[];
}) {
  return (
    <DataTable
      testId={`gstr2b-${status}`}
      wide
      title={`${title} (${rows.length}) — ${hint}`}
      rows={rows}
      columns={[
        { key: 'supplierName', label: 'Supplier' },
        { key: 'supplierGstin', label: 'GSTIN' },
        { key: 'kind', label: 'Document', render: (row) => (row.kind === 'invoice' ? 'Invoice' : 'Credit note') },
        { key: 'number', label: 'Number' },
        ...(status === 'missing_in_books' ? [] : [{ key: 'ourNumber' as const, label: 'Our number' }]),
        ...(status === 'missing_in_2b' ? [] : [{ key: 'date2b' as const, label: 'Date (2B)', kind: 'date' as const }]),
        ...(status === 'missing_in_books'
          ? []
          : [{ key: 'dateBooks' as const, label: 'Date (books)', kind: 'date' as const }]),
        ...(status === 'missing_in_2b'
          ? []
          : [{ key: 'taxable2bPaise' as const, label: 'Taxable (2B)', kind: 'paise' as const }]),
        ...(status === 'missing_in_books'
          ? []
          : [{ key: 'taxableBooksPaise' as const, label: 'Taxable (books)', kind: 'paise' as const }]),
        ...(status === 'missing_in_2b'
          ? []
          : [{ key: 'tax2bPaise' as const, label: 'Tax (2B)', kind: 'paise' as const }]),
        ...(status === 'missing_in_books'
          ? []
          : [{ key: 'taxBooksPaise' as const, label: 'Tax (books)', kind: 'paise' as const }]),
        ...(status === 'mismatched' ? [{ key: 'differences' as const, label: 'Differs in' }] : []),
      ]}
      empty="None."
    />
  );
}

export function Gstr2bPage() {
  const trpc = useTRPC();
  const [month, setMonth] = useState(() => lastMonth());
  // The last file that matched, with its result: a wrong file is refused beside the upload and leaves these as they were.
  const [shown, setShown] = useState<{ file: { name: string; text: string }; result: Reconciliation } | null>(null);
  const reconcile = useMutation(trpc.reports.gstr2b.mutationOptions());
  const exporting = useMutation(trpc.reports.gstr2bExport.mutationOptions({ onSuccess: saveFile }));
  const match = (file: { name: string; text: string }, forMonth: string) =>
    reconcile.mutate({ month: forMonth, file: file.text }, { onSuccess: (result) => setShown({ file, result }) });
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const chosen = input.files?.[0];
    if (!chosen) return;
    const text = await chosen.text();
    // The same file may be chosen again (after fixing the period, say): the box is emptied so it fires again.
    input.value = '';
    match({ name: chosen.name, text }, month);
  };
  const changeMonth = (next: string) => {
    setMonth(next);
    if (!shown) return;
    // The result on screen was for the other month: the same file is matched again for this one.
    const { file } = shown;
    setShown(null);
    match(file, next);
  };
  const result = shown?.result;
  const file = shown?.file;
  return (
    <div className="page grid">
      <section className="card wide" data-testid="gstr2b">
        <h2>GSTR-2B matching</h2>
        <p className="muted">
          Download GSTR-2B (JSON) for the month from the GST portal and upload it here. Each supplier invoice is matched
          with the purchase bills recorded at the counters by supplier GSTIN, invoice number, date, taxable value and
          tax (within ₹1). Nothing from the file is stored.
        </p>
        <div className="row">
          <MonthPicker label="GSTR-2B period" month={month} onChange={changeMonth} />
          <label className="inline">
            GSTR-2B file{' '}
            <input
              type="file"
              accept=".json,application/json"
              aria-label="GSTR-2B file"
              aria-invalid={reconcile.error ? true : undefined}
              aria-describedby={reconcile.error ? 'gstr2b-problem' : undefined}
              onChange={(e) => void choose(e)}
            />
          </label>
          <Problem error={reconcile.error} testId="gstr2b-problem" id="gstr2b-problem" />
        </div>
        {result && file && (
          <div className="row">
            <span data-testid="gstr2b-summary">
              {file.name}: {result.counts.matched} matched, {result.counts.mismatched} with other amounts,{' '}
              {result.counts.missingInBooks} missing in books, {result.counts.missingIn2b} missing in GSTR-2B. Safe to
              claim: <strong>{rupees(result.safeItcPaise)}</strong> (GSTIN {result.gstin},{' '}
              {date(`${result.month}-01`).slice(3)})
            </span>
            <span className="export">
              {(['csv', 'xlsx'] as const).map((format) => (
                <button
                  key={format}
                  type="button"
                  className="small"
                  disabled={exporting.isPending}
                  onClick={() => exporting.mutate({ month: result.month, file: file.text, format })}
                >
                  {format.toUpperCase()}
                </button>
              ))}
            </span>
          </div>
        )}
      </section>
      {result &&
        LISTS.map(([status, title, hint]) => (
          <ReconciliationList
            key={status}
            status={status}
            title={title}
            hint={hint}
            rows={result.rows.filter((row) => row.status === status)}
          />
        ))}
    </div>
  );
}
