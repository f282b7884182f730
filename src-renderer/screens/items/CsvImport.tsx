// CSV import: rows are checked in chunks (the progress bar), every row's errors listed; then one atomic import, as the ledger wants.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import Papa from 'papaparse';
import { useTRPCClient } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import type { ErrorDetail } from '../../../src-shared/errors';
import { SAMPLE_CSV } from '../../../src-shared/contracts/catalogue';
import { detailsInLanguage, shownError } from '../../app/errors';

const CHUNK_ROWS = 250;

type Phase =
  | { kind: 'idle' }
  | { kind: 'checking'; done: number; total: number }
  | { kind: 'importing'; total: number }
  | { kind: 'done'; created: number; updated: number; counted: number }
  | { kind: 'rejected'; errors: ErrorDetail[]; total: number }
  | { kind: 'failed'; error: unknown };

/** Offers the sample file as a download: in the browser a file, in Electron the save dialog. */
function downloadSample(): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF' + SAMPLE_CSV + '\n'], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: 'galla-items-sample.csv' });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Splits the CSV into chunks that each keep the header; a chunk's row numbers are shifted back to the file's. */
function chunksOf(csv: string): { csv: string; firstRow: number }[] {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  if (!header) return [{ csv, firstRow: 0 }];
  const chunks: { csv: string; firstRow: number }[] = [];
  for (let start = 0; start < rows.length; start += CHUNK_ROWS)
    chunks.push({ csv: Papa.unparse([header, ...rows.slice(start, start + CHUNK_ROWS)]), firstRow: start });
  return chunks.length ? chunks : [{ csv, firstRow: 0 }];
}

export function CsvImport() {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  const run = async (file: File) => {
    let total = 0;
    try {
      const csv = await file.text();
      const chunks = chunksOf(csv);
      const errors: ErrorDetail[] = [];
      for (const [index, chunk] of chunks.entries()) {
        setPhase({ kind: 'checking', done: index, total: chunks.length });
        const checked = await client.catalogue.checkCsv.mutate({ csv: chunk.csv });
        total += checked.rows + new Set(checked.errors.map((error) => error.row)).size;
        errors.push(...checked.errors.map((error) => ({ ...error, row: (error.row ?? 0) + chunk.firstRow })));
      }
      if (errors.length) return setPhase({ kind: 'rejected', errors, total });
      setPhase({ kind: 'importing', total });
      const result = await client.catalogue.importCsv.mutate({ csv });
      setPhase({ kind: 'done', ...result });
      void queryClient.invalidateQueries();
    } catch (error) {
      // A row the ledger refused while importing (a barcode already on another item) is listed like a checked row.
      const rows = shownError(error)?.details.filter((detail) => detail.row !== undefined) ?? [];
      setPhase(rows.length ? { kind: 'rejected', errors: rows, total } : { kind: 'failed', error });
    }
  };

  const percent =
    phase.kind === 'checking'
      ? Math.round((phase.done / phase.total) * 90)
      : phase.kind === 'importing'
        ? 95
        : phase.kind === 'done' || phase.kind === 'rejected'
          ? 100
          : 0;
  return (
    <section className="card csv-import" data-testid="csv-import">
      <h3>{t('items.import')}</h3>
      <p className="hint">{t('items.importHint')}</p>
      <p className="hint" data-testid="csv-stock-hint">
        {t('items.stockHint')}
      </p>
      <button type="button" className="secondary" onClick={downloadSample} data-testid="csv-sample">
        {t('items.sample')}
      </button>
      <input
        type="file"
        accept=".csv,text/csv"
        data-testid="csv-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void run(file);
          event.target.value = '';
        }}
      />
      {phase.kind !== 'idle' && (
        <progress max={100} value={percent} data-testid="csv-progress" aria-label={t('items.import')}>
          {percent}%
        </progress>
      )}
      {phase.kind === 'checking' && (
        <div className="muted">
          {t('items.checking', { done: phase.done * CHUNK_ROWS, total: phase.total * CHUNK_ROWS })}
        </div>
      )}
      {phase.kind === 'importing' && <div className="muted">{t('items.importing', { total: phase.total })}</div>}
      {phase.kind === 'done' && (
        <div className="notice" data-testid="csv-done">
          {t('items.imported', { created: phase.created, updated: phase.updated })}
          {phase.counted > 0 && <> {t('items.counted', { counted: phase.counted })}</>}
        </div>
      )}
      {phase.kind === 'failed' && <ErrorNote error={phase.error} />}
      {phase.kind === 'rejected' && (
        <div className="error" data-testid="csv-errors">
          <div>
            {t('items.rowErrors', { count: new Set(phase.errors.map((error) => error.row)).size, total: phase.total })}
          </div>
          <table className="grid small">
            <thead>
              <tr>
                <th>{t('items.row')}</th>
                <th>{t('items.column')}</th>
                <th>{t('items.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {detailsInLanguage(phase.errors.slice(0, 200)).map((error, index) => (
                <tr key={index}>
                  <td>{error.row}</td>
                  <td>
                    <code>{error.path}</code>
                  </td>
                  <td>{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
