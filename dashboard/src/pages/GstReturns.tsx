// GSTR-3B for a month (a readable table and the portal's JSON to download) and GSTR-2B matching (upload the file from
// the portal, see matched, missing and mismatched documents, export them).
import { useState, type ChangeEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hi } from 'date-fns/locale';
import { useTRPC, type Outputs } from '../trpc';
import { date, rupees } from '../format';
import { filingMonths, lastMonth } from '../range';
import { DataTable, type Column } from '../components/DataTable';
import { saveFile } from '../components/ExportButtons';
import { fillTemplate, SHOP_MESSAGES_HI, type ShopMessage } from '../../../src-shared/shop-messages';

function MonthPicker({ label, month, onChange }: { label: string; month: string; onChange: (month: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <label className="inline">
      {t('returns.period')}{' '}
      <select aria-label={label} value={month} onChange={(event) => onChange(event.target.value)}>
        {filingMonths(undefined, undefined, i18n.language === 'hi' ? hi : undefined).map((period) => (
          <option key={period.month} value={period.month}>
            {period.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A refusal from the server in English, and in Hindi beneath it when it is a shop-language message; a page read in
 * Hindi shows the Hindi alone (the server's English only when it has no Hindi for it).
 */
function Problem({
  error,
  testId,
  id,
}: {
  error: { message: string; data?: unknown } | null;
  testId: string;
  id?: string;
}) {
  const { i18n } = useTranslation();
  if (!error) return null;
  const shop = (error.data as { shop?: ShopMessage | null } | undefined)?.shop ?? null;
  return (
    <div className="error" role="alert" data-testid={testId} id={id}>
      {!(shop && i18n.language === 'hi') && <p>{error.message}</p>}
      {shop && <p lang="hi">{fillTemplate(SHOP_MESSAGES_HI[shop.key], shop.params)}</p>}
    </div>
  );
}

type Report = Outputs['reports']['gstr3b'];
type Tax = Report['outward'];

/** The tax heads as accountants write them; only cess has a word in the page's language. */
const HEAD_NAMES = { igst: 'IGST', cgst: 'CGST', sgst: 'SGST', cess: null } as const;

export function Gstr3bPage() {
  const { t } = useTranslation();
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
          { table: '3.1(a)', nature: t('gstr3b.nature.outward'), ...data.outward },
          {
            table: '3.1(c)',
            nature: t('gstr3b.nature.nilExempt'),
            taxablePaise: data.nilExemptPaise,
            igstPaise: 0,
            cgstPaise: 0,
            sgstPaise: 0,
            cessPaise: 0,
          },
          { table: '3.1(d)', nature: t('gstr3b.nature.reverseCharge'), ...data.reverseCharge },
          // Table 4 of GSTR-3B has tax columns only (the portal's itc_avl has no txval): no taxable value is shown there.
          {
            table: '4(A)(3)',
            nature: t('gstr3b.nature.itcReverseCharge'),
            ...data.itcReverseCharge,
            taxablePaise: null,
          },
          {
            table: '4(A)(5)',
            nature: t('gstr3b.nature.itcOther'),
            ...data.itcOther,
            taxablePaise: null,
          },
        ]
      : [];
  return (
    <div className="page grid">
      <section className="card" data-testid="gstr3b">
        <h2>{t('gstr3b.heading')}</h2>
        <p className="muted">{t('gstr3b.about')}</p>
        <div className="row">
          <MonthPicker label={t('gstr3b.periodLabel')} month={month} onChange={setMonth} />
          <button type="button" onClick={download} disabled={!data}>
            {t('gstr3b.download')}
          </button>
          {data && (
            <span className="muted">
              {t('gstr3b.counts', {
                gstin: data.json.gstin,
                bills: data.counts.purchaseBills,
                debitNotes: data.counts.debitNotes,
              })}
            </span>
          )}
        </div>
        <Problem error={report.error} testId="gstr3b-problem" />
      </section>
      <DataTable
        testId="gstr3b-supplies"
        wide
        title={t('gstr3b.suppliesTitle')}
        rows={supplyRows}
        columns={[
          { key: 'table', label: t('gstr3b.columns.table') },
          { key: 'nature', label: t('gstr3b.columns.nature') },
          { key: 'taxablePaise', label: t('gstr3b.columns.taxablePaise'), kind: 'paise' },
          { key: 'igstPaise', label: 'IGST', kind: 'paise' },
          { key: 'cgstPaise', label: 'CGST', kind: 'paise' },
          { key: 'sgstPaise', label: 'SGST', kind: 'paise' },
          { key: 'cessPaise', label: t('gstr3b.columns.cessPaise'), kind: 'paise' },
        ]}
      />
      <DataTable
        testId="gstr3b-payable"
        wide
        title={t('gstr3b.payableTitle', { amount: rupees(data?.cashTotalPaise ?? 0) })}
        rows={data?.heads ?? []}
        columns={[
          {
            key: 'head',
            label: t('gstr3b.headColumns.head'),
            render: (row) => HEAD_NAMES[row.head] ?? t('gstr3b.cess'),
          },
          { key: 'outputPaise', label: t('gstr3b.headColumns.outputPaise'), kind: 'paise' },
          { key: 'reverseChargePaise', label: t('gstr3b.headColumns.reverseChargePaise'), kind: 'paise' },
          { key: 'itcPaise', label: t('gstr3b.headColumns.itcPaise'), kind: 'paise' },
          { key: 'paidByItcPaise', label: t('gstr3b.headColumns.paidByItcPaise'), kind: 'paise' },
          { key: 'cashPaise', label: t('gstr3b.headColumns.cashPaise'), kind: 'paise' },
          { key: 'itcCarriedPaise', label: t('gstr3b.headColumns.itcCarriedPaise'), kind: 'paise' },
        ]}
      />
    </div>
  );
}

type Reconciliation = Outputs['reports']['gstr2b'];
type Row = Reconciliation['rows'][number];

/** The four outcomes, most urgent first; each is named and explained under `gstr2b.lists.*` and `gstr2b.hints.*`. */
const LISTS = ['mismatched', 'missing_in_books', 'missing_in_2b', 'matched'] as const;

/** Which columns each outcome has: a document missing on one side has no figures from that side. */
const SIDE_2B = ['date2b', 'taxable2bPaise', 'tax2bPaise'] as const;
const SIDE_BOOKS = ['ourNumber', 'dateBooks', 'taxableBooksPaise', 'taxBooksPaise'] as const;
const KINDS: Partial<Record<keyof Row, 'date' | 'paise'>> = {
  date2b: 'date',
  dateBooks: 'date',
  taxable2bPaise: 'paise',
  taxableBooksPaise: 'paise',
  tax2bPaise: 'paise',
  taxBooksPaise: 'paise',
};
const ORDER = [
  'supplierName',
  'supplierGstin',
  'kind',
  'number',
  'ourNumber',
  'date2b',
  'dateBooks',
  'taxable2bPaise',
  'taxableBooksPaise',
  'tax2bPaise',
  'taxBooksPaise',
  'differences',
] as const;

function ReconciliationList({ status, rows }: { status: Row['status']; rows: Row[] }) {
  const { t } = useTranslation();
  const shown = ORDER.filter(
    (key) =>
      !(status === 'missing_in_books' && (SIDE_BOOKS as readonly string[]).includes(key)) &&
      !(status === 'missing_in_2b' && (SIDE_2B as readonly string[]).includes(key)) &&
      (key !== 'differences' || status === 'mismatched'),
  );
  const columns: Column<Row>[] = shown.map((key) => ({
    key,
    label: t(`gstr2b.columns.${key}`),
    ...(KINDS[key] ? { kind: KINDS[key] } : {}),
    ...(key === 'kind'
      ? { render: (row: Row) => (row.kind === 'invoice' ? t('gstr2b.invoice') : t('gstr2b.creditNote')) }
      : {}),
    ...(key === 'differences'
      ? {
          // The server lists them in English ("taxable, tax"); each is said in the page's language.
          render: (row: Row) =>
            String(row.differences ?? '')
              .split(', ')
              .filter(Boolean)
              .map((what) => t(`gstr2b.differ.${what}`, what))
              .join(', '),
        }
      : {}),
  }));
  return (
    <DataTable
      testId={`gstr2b-${status}`}
      wide
      title={t('gstr2b.listTitle', {
        title: t(`gstr2b.lists.${status}`),
        count: rows.length,
        hint: t(`gstr2b.hints.${status}`),
      })}
      rows={rows}
      columns={columns}
      empty={t('gstr2b.empty')}
    />
  );
}

export function Gstr2bPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [month, setMonth] = useState(() => lastMonth());
  // The last file that matched, with its result: a wrong file is refused beside the upload and leaves these as they were.
  const [shown, setShown] = useState<{ file: { name: string; text: string }; result: Reconciliation } | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const reconcile = useMutation(trpc.reports.gstr2b.mutationOptions());
  const exporting = useMutation(trpc.reports.gstr2bExport.mutationOptions({ onSuccess: saveFile }));
  const match = (file: { name: string; text: string }, forMonth: string) =>
    reconcile.mutate({ month: forMonth, file: file.text }, { onSuccess: (result) => setShown({ file, result }) });
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const chosen = input.files?.[0];
    if (!chosen) return;
    setPicked(chosen.name);
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
        <h2>{t('gstr2b.heading')}</h2>
        <p className="muted">{t('gstr2b.about')}</p>
        <div className="row">
          <MonthPicker label={t('gstr2b.periodLabel')} month={month} onChange={changeMonth} />
          {/* The browser's own file box says "Choose File" in the browser's language: it is hidden behind a button
              in the page's language (the input stays in the label, focusable, and is what a screen reader reads). */}
          <label className="inline file-pick">
            {t('gstr2b.file')}{' '}
            <input
              type="file"
              className="file-input"
              accept=".json,application/json"
              aria-label={t('gstr2b.file')}
              aria-invalid={reconcile.error ? true : undefined}
              aria-describedby={reconcile.error ? 'gstr2b-problem' : undefined}
              onChange={(e) => void choose(e)}
            />
            <span className="file-button" aria-hidden="true">
              {t('gstr2b.choose')}
            </span>
            <span className="muted" aria-hidden="true">
              {picked ?? t('gstr2b.noFile')}
            </span>
          </label>
          <Problem error={reconcile.error} testId="gstr2b-problem" id="gstr2b-problem" />
        </div>
        {result && file && (
          <div className="row">
            <span data-testid="gstr2b-summary">
              {t('gstr2b.summary', {
                file: file.name,
                matched: result.counts.matched,
                mismatched: result.counts.mismatched,
                missingInBooks: result.counts.missingInBooks,
                missingIn2b: result.counts.missingIn2b,
              })}{' '}
              <strong>{rupees(result.safeItcPaise)}</strong>{' '}
              {t('gstr2b.summaryOf', { gstin: result.gstin, month: date(`${result.month}-01`).slice(3) })}
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
        LISTS.map((status) => (
          <ReconciliationList key={status} status={status} rows={result.rows.filter((row) => row.status === status)} />
        ))}
    </div>
  );
}
