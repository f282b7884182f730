// The latest print jobs: what each printed (bill number, test page, Z-report), on which printer, whether it came out,
// why it waits, and Retry now for one that waits or failed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { shopDateTime } from '../../../src-shared/shop-time';

type PrintJobRow = Outputs['printing']['jobs']['jobs'][number];

const time = (iso: string) => shopDateTime(iso);

export function PrintJobsTable({ jobs, printerName }: { jobs: PrintJobRow[]; printerName: (id: string) => string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retry = useMutation(
    trpc.printing.retry.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.printing.jobs.queryKey() }),
    }),
  );
  if (jobs.length === 0) return <p className="muted">{t('printers.noJobs')}</p>;
  return (
    <>
      <div className="jobs-scroll">
        <table className="grid" data-testid="print-jobs">
          <thead>
            <tr>
              <th>{t('printers.jobAt')}</th>
              <th>{t('printers.jobDocument')}</th>
              <th>{t('printers.jobPrinter')}</th>
              <th>{t('printers.jobStatus')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id} data-status={job.status}>
                <td className="nowrap">{time(job.createdAt)}</td>
                <td>{t(`printers.docs.${job.docType}`, { number: job.docNumber ?? '' })}</td>
                <td>{printerName(job.printerId)}</td>
                <td className={job.status === 'failed' || (job.status !== 'done' && job.lastError) ? 'owing' : ''}>
                  {t(`printers.statuses.${job.status}`)}
                  {job.status !== 'done' && job.lastError && <div className="small">{job.lastError}</div>}
                </td>
                <td>
                  {job.status !== 'done' && (
                    <button type="button" className="secondary" onClick={() => retry.mutate({ jobId: job.id })}>
                      {t('printers.retry')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorNote error={retry.error} />
    </>
  );
}
