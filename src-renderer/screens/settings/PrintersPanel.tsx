// Printers: the counter's receipt printers (add, change, remove, which one is the default), a test print for each,
// and the print queue, so a cashier sees at once whether receipts come out and why one waits.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import type { Me } from '../../app/App';
import type { PrinterProfile } from '../../../src-shared/contracts/printing';
import { connectionText, printersWithout } from './printer-form';
import { PrinterForm } from './PrinterForm';
import { PrintJobsTable } from './PrintJobsTable';

type Editing = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; printer: PrinterProfile };

export function PrintersPanel({ me, printers }: { me: Me; printers: PrinterProfile[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = me.role !== 'cashier';
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const jobs = useQuery({ ...trpc.printing.jobs.queryOptions({ limit: 8 }), refetchInterval: 2_000 });
  const refreshJobs = () => void queryClient.invalidateQueries({ queryKey: trpc.printing.jobs.queryKey() });
  const testPrint = useMutation(trpc.printing.testPrint.mutationOptions({ onSuccess: refreshJobs }));
  const save = useMutation(
    trpc.settings.set.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries() }),
  );
  const nameOf = (id: string) => printers.find((printer) => printer.id === id)?.name ?? id;

  const sendTest = (printer: PrinterProfile) => {
    setNotice(null);
    testPrint.mutate(
      { printerId: printer.id },
      { onSuccess: () => setNotice(t('printers.testSent', { name: printer.name })) },
    );
  };
  const remove = (printer: PrinterProfile) => {
    setNotice(null);
    save.mutate(
      { key: 'printers', value: printersWithout(printers, printer.id) },
      {
        onSuccess: () => {
          setRemoving(null);
          setNotice(t('printers.removed', { name: printer.name }));
        },
      },
    );
  };
  const closeForm = (saved: PrinterProfile[]) => {
    if (saved !== printers) setNotice(t('settings.saved'));
    setEditing({ mode: 'closed' });
  };

  return (
    <section className="card printers-panel" data-testid="printers-panel">
      <div className="panel-head">
        <h3>{t('settings.printers')}</h3>
        <span className="muted">{t('status.queued', { count: jobs.data?.pending ?? 0 })}</span>
        <span className="spacer" />
        {canManage && editing.mode === 'closed' && printers.length < 10 && (
          <button
            type="button"
            data-testid="printer-add"
            onClick={() => {
              setNotice(null);
              setEditing({ mode: 'add' });
            }}
          >
            {t('printers.add')}
          </button>
        )}
      </div>
      {printers.length === 0 ? (
        <p className="muted" data-testid="no-printers">
          {t('settings.noPrinters')} {canManage ? t('printers.noneHint') : t('printers.askManager')}
        </p>
      ) : (
        <table className="grid" data-testid="printer-list">
          <thead>
            <tr>
              <th>{t('printers.name')}</th>
              <th>{t('printers.connection')}</th>
              <th>{t('printers.paper')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {printers.map((printer) => (
              <tr key={printer.id} data-testid={`printer-row-${printer.id}`}>
                <td>
                  {printer.name} {printer.isDefault && <span className="badge">{t('printers.default')}</span>}
                </td>
                <td>{connectionText(printer.connection, (kind) => t(`printers.kinds.${kind}`))}</td>
                <td className="nowrap">
                  {printer.width} mm{printer.drawerKick ? ` · ${t('printers.drawer')}` : ''}
                </td>
                <td>
                  <div className="row-actions">
                    <button type="button" onClick={() => sendTest(printer)} data-testid={`test-print-${printer.id}`}>
                      {t('settings.testPrint')}
                    </button>
                    {canManage && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => {
                          setNotice(null);
                          setEditing({ mode: 'edit', printer });
                        }}
                      >
                        {t('printers.edit')}
                      </button>
                    )}
                    {canManage && removing !== printer.id && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setRemoving(printer.id)}
                        data-testid={`remove-printer-${printer.id}`}
                      >
                        {t('printers.remove')}
                      </button>
                    )}
                    {canManage && removing === printer.id && (
                      <>
                        <button
                          type="button"
                          className="danger"
                          onClick={() => remove(printer)}
                          data-testid={`confirm-remove-${printer.id}`}
                          autoFocus
                        >
                          {t('printers.removeConfirm')}
                        </button>
                        <button type="button" className="secondary" onClick={() => setRemoving(null)}>
                          {t('common.cancel')}
                        </button>
                      </>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {notice && (
        <div className="notice" data-testid="printers-notice">
          {notice}
        </div>
      )}
      <ErrorNote error={testPrint.error ?? save.error ?? jobs.error} />
      {editing.mode !== 'closed' && (
        <PrinterForm
          key={editing.mode === 'edit' ? editing.printer.id : 'new'}
          printers={printers}
          editing={editing.mode === 'edit' ? editing.printer : null}
          onDone={closeForm}
        />
      )}
      <h4>{t('printers.recentJobs')}</h4>
      <PrintJobsTable jobs={jobs.data?.jobs ?? []} printerName={nameOf} />
    </section>
  );
}
