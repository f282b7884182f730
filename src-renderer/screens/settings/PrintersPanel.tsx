// Printers: the print queue and a test print per configured printer, read from the printing procedures when this build has them.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { useOptionalMutation, useOptionalQuery } from '../../app/optional-procedure';

interface PrintJobs {
  pending: number;
  jobs: { id: string; docType: string; status: string; printerId: string; lastError?: string | null }[];
}

interface PrinterProfileSlot {
  id: string;
  name: string;
  width: number;
}

export function PrintersPanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.all.queryOptions());
  const jobs = useOptionalQuery<PrintJobs>('printing.jobs', { limit: 10 });
  const callOptional = useOptionalMutation();
  const [result, setResult] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  // Printer profiles live in settings under "printers" once the printing work has landed.
  const printers = ((settings.data as { printers?: PrinterProfileSlot[] } | undefined)?.printers ?? []) as PrinterProfileSlot[];
  return (
    <section className="card" data-testid="printers-panel">
      <h3>{t('settings.printers')}</h3>
      {!jobs.available && <p className="muted">{t('settings.printersSlot')}</p>}
      {jobs.available && (
        <>
          {printers.length === 0 && <p className="muted">{t('settings.noPrinters')}</p>}
          <ul>
            {printers.map((printer) => (
              <li key={printer.id}>
                {printer.name} · {printer.width} mm{' '}
                <button type="button" onClick={() => callOptional('printing.testPrint', { printerId: printer.id }).then(() => setSent(true), setResult)}>{t('settings.testPrint')}</button>
              </li>
            ))}
          </ul>
          <p>{t('status.queued', { count: jobs.data?.pending ?? 0 })}</p>
          {sent && <div className="notice">{t('settings.testPrintSent')}</div>}
          <ErrorNote error={result ?? jobs.error} />
        </>
      )}
    </section>
  );
}
