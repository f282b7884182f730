// Add or change one receipt printer: how it is connected (network, USB, serial, OS queue), paper width, code page,
// cut and cash drawer, default. Saves the whole printer list; the ledger's messages show beside their field.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { shownError } from '../../app/errors';
import { CODE_PAGES, RECEIPT_WIDTHS, type PrinterProfile } from '../../../src-shared/contracts/printing';
import {
  CONNECTION_KINDS,
  emptyPrinterForm,
  fieldOfPrinterPath,
  formOfPrinter,
  printerFormProblems,
  printersWith,
  type ConnectionKind,
  type PrinterFormState,
} from './printer-form';

export function PrinterForm({
  printers,
  editing,
  onDone,
}: {
  printers: PrinterProfile[];
  editing: PrinterProfile | null;
  onDone: (saved: PrinterProfile[]) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<PrinterFormState>(() =>
    editing ? formOfPrinter(editing) : emptyPrinterForm(printers.length === 0),
  );
  const [problems, setProblems] = useState<Partial<Record<keyof PrinterFormState, string>>>({});
  const save = useMutation(trpc.settings.set.mutationOptions());
  const serverError = shownError(save.error);
  const serverProblems = Object.fromEntries(
    (serverError?.details ?? []).map((detail) => [fieldOfPrinterPath(detail.path), detail.message]),
  );
  const problemOf = (key: keyof PrinterFormState) =>
    problems[key] ? t(problems[key]) : (serverProblems[key] as string | undefined);
  // When every problem is shown beside its field, no line under the form repeats them.
  const allPlaced =
    !!serverError?.details.length && serverError.details.every((detail) => fieldOfPrinterPath(detail.path) !== null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = printerFormProblems(form);
    setProblems(found);
    if (Object.keys(found).length) return;
    const next = printersWith(printers, editing?.id ?? null, form);
    save.mutate(
      { key: 'printers', value: next },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries();
          onDone(next);
        },
      },
    );
  };
  const set = <K extends keyof PrinterFormState>(key: K, value: PrinterFormState[K]) => {
    // What the ledger said was about the old value: an edited field shows no stale message.
    save.reset();
    setProblems((current) => ({ ...current, [key]: undefined }));
    setForm((current) => ({ ...current, [key]: value }));
  };
  const field = (key: keyof PrinterFormState, label: string, control: ReactNode, hint?: string) => (
    <label className={problemOf(key) ? 'field invalid' : 'field'} key={key}>
      <span>{label}</span>
      {control}
      {problemOf(key) ? (
        <span className="field-error" data-testid={`printer-${key}-error`}>
          {problemOf(key)}
        </span>
      ) : (
        hint && <span className="hint">{hint}</span>
      )}
    </label>
  );
  const text = (
    key: 'name' | 'host' | 'port' | 'path',
    extra: { inputMode?: 'numeric'; placeholder?: string; autoFocus?: boolean } = {},
  ) => (
    <input
      value={form[key]}
      data-testid={`printer-${key}`}
      onChange={(event) => set(key, event.target.value)}
      {...extra}
    />
  );
  const pathLabel =
    form.kind === 'os'
      ? t('printers.queueName')
      : form.kind === 'usb'
        ? t('printers.usbPath')
        : t('printers.serialPath');
  const pathHint =
    form.kind === 'os'
      ? t('printers.queueHint')
      : form.kind === 'usb'
        ? t('printers.usbHint')
        : t('printers.serialHint');

  return (
    <form className="printer-form" onSubmit={submit} data-testid="printer-form" noValidate>
      <h4>{editing ? t('printers.editTitle', { name: editing.name }) : t('printers.addTitle')}</h4>
      <div className="field-grid">
        {field(
          'name',
          t('printers.name'),
          text('name', { placeholder: t('printers.namePlaceholder'), autoFocus: true }),
        )}
        {field(
          'kind',
          t('printers.connection'),
          <select
            value={form.kind}
            data-testid="printer-kind"
            onChange={(event) => set('kind', event.target.value as ConnectionKind)}
          >
            {CONNECTION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`printers.kinds.${kind}`)}
              </option>
            ))}
          </select>,
        )}
        {form.kind === 'network' &&
          field('host', t('printers.host'), text('host', { placeholder: '192.168.1.50' }), t('printers.hostHint'))}
        {form.kind === 'network' && field('port', t('printers.port'), text('port', { inputMode: 'numeric' }))}
        {form.kind !== 'network' && field('path', pathLabel, text('path'), pathHint)}
        {field(
          'width',
          t('printers.paper'),
          <select
            value={form.width}
            data-testid="printer-width"
            onChange={(event) => set('width', Number(event.target.value) as PrinterFormState['width'])}
          >
            {RECEIPT_WIDTHS.map((width) => (
              <option key={width} value={width}>
                {t('printers.paperWidth', { width, columns: width === 58 ? 32 : 48 })}
              </option>
            ))}
          </select>,
        )}
        {field(
          'codePage',
          t('printers.codePage'),
          <select
            value={form.codePage}
            data-testid="printer-code-page"
            onChange={(event) => set('codePage', event.target.value as PrinterFormState['codePage'])}
          >
            {CODE_PAGES.map((page) => (
              <option key={page} value={page}>
                {page}
              </option>
            ))}
          </select>,
          t('printers.codePageHint'),
        )}
      </div>
      <div className="checks">
        <label className="check">
          <input
            type="checkbox"
            checked={form.cut}
            data-testid="printer-cut"
            onChange={(event) => set('cut', event.target.checked)}
          />{' '}
          {t('printers.cut')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={form.drawerKick}
            data-testid="printer-drawer"
            onChange={(event) => set('drawerKick', event.target.checked)}
          />{' '}
          {t('printers.drawerKick')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={form.isDefault}
            data-testid="printer-default"
            onChange={(event) => set('isDefault', event.target.checked)}
          />{' '}
          {t('printers.isDefault')}
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" data-testid="printer-save" disabled={save.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(printers)}>
          {t('common.cancel')}
        </button>
      </div>
      {serverError && !allPlaced && (
        <div className="error" role="alert" data-testid="printer-error">
          {serverError.message}
        </div>
      )}
    </form>
  );
}
