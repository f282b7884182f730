// Settings: shop details and GSTIN, counter series, billing rules, staff and PINs, printers, sync, backup & restore.
import { useState, type FormEvent } from 'react';
import { TAX_SCHEMES, type TaxScheme } from '../../../src-shared/gst/rule46';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { shownError } from '../../app/errors';
import type { Me } from '../../app/App';
import { StaffPanel } from './StaffPanel';
import { PrintersPanel } from './PrintersPanel';
import { SyncPanel } from './SyncPanel';
import { BackupPanel } from './BackupPanel';
import { RECEIPT_LANGUAGES, type ReceiptLanguage } from '../../../src-shared/printing/receipt-labels';
import { financialYearStart } from '../../../src-shared/invoice-number';

type AllSettings = Outputs['settings']['all'];

function ShopForm({ settings }: { settings: AllSettings }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const shop = settings.shop;
  const [form, setForm] = useState({
    name: shop?.name ?? '',
    legalName: shop?.legalName ?? '',
    address: shop?.address ?? '',
    phone: shop?.phone ?? '',
    gstin: shop?.gstin ?? '',
    stateCode: shop?.stateCode ?? '',
    upiId: shop?.upiId ?? '',
    receiptFooter: shop?.receiptFooter ?? 'Thank you! Visit again.',
  });
  const [receiptLanguage, setReceiptLanguage] = useState<ReceiptLanguage>(shop?.receiptLanguage ?? 'en');
  const [taxScheme, setTaxScheme] = useState<TaxScheme>(shop?.taxScheme ?? 'regular');
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.settings.set.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        void queryClient.invalidateQueries();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate({ key: 'shop', value: { ...form, receiptLanguage, taxScheme, gstin: form.gstin.trim() || null } });
  };
  // Each field's first problem is shown beside it ("value.gstin" is the GSTIN field of the shop setting).
  const problems = shownError(save.error)?.details ?? [];
  const problemOf = (key: keyof typeof form) => problems.find((detail) => detail.path === `value.${key}`)?.message;
  const allPlaced = problems.length > 0 && problems.every((detail) => detail.path.replace(/^value\./, '') in form);
  const field = (key: keyof typeof form, label: string) => (
    <label key={key} className={problemOf(key) ? 'invalid' : undefined}>
      {label}
      <input
        value={form[key]}
        data-testid={`shop-${key}`}
        aria-invalid={problemOf(key) ? true : undefined}
        onChange={(event) => setForm({ ...form, [key]: event.target.value })}
      />
      {problemOf(key) && (
        <span className="field-error" role="alert" data-testid={`shop-${key}-error`}>
          {problemOf(key)}
        </span>
      )}
    </label>
  );
  return (
    <form className="card inline-form" onSubmit={submit} data-testid="shop-form">
      <h3>{t('settings.shop')}</h3>
      {field('name', t('settings.shopName'))}
      {field('legalName', t('settings.legalName'))}
      {field('address', t('settings.address'))}
      {field('phone', t('khata.phone'))}
      {field('gstin', t('settings.gstin'))}
      {field('stateCode', t('settings.stateCode'))}
      {field('upiId', t('settings.upiId'))}
      {field('receiptFooter', t('settings.footer'))}
      <label>
        {t('settings.receiptLanguage')}
        <select
          value={receiptLanguage}
          data-testid="shop-receiptLanguage"
          onChange={(event) => setReceiptLanguage(event.target.value as ReceiptLanguage)}
        >
          {RECEIPT_LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`settings.receiptLanguages.${language}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('settings.taxScheme')}
        <select
          value={taxScheme}
          data-testid="shop-taxScheme"
          onChange={(event) => setTaxScheme(event.target.value as TaxScheme)}
        >
          {TAX_SCHEMES.map((scheme) => (
            <option key={scheme} value={scheme}>
              {t(`settings.taxSchemes.${scheme}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('common.save')}</button>
      {saved && <div className="notice">{t('settings.saved')}</div>}
      {!allPlaced && <ErrorNote error={save.error} />}
    </form>
  );
}

function CounterForm({ settings }: { settings: AllSettings }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [counterId, setCounterId] = useState(settings.counter.counterId);
  const [limit, setLimit] = useState(String(settings.billing.cashierDiscountLimitBp / 100));
  const [roundOff, setRoundOff] = useState(settings.billing.roundOff);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.settings.set.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries() }),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    await save.mutateAsync({ key: 'counter', value: { counterId: counterId.trim().toUpperCase() } });
    await save.mutateAsync({
      key: 'billing',
      value: { ...settings.billing, cashierDiscountLimitBp: Math.round(Number(limit) * 100), roundOff },
    });
    setSaved(true);
  };
  return (
    <form className="card inline-form" onSubmit={(event) => void submit(event)} data-testid="counter-form">
      <h3>{t('settings.counter')}</h3>
      <label>
        {t('settings.counterId')}
        <input value={counterId} onChange={(event) => setCounterId(event.target.value)} />
      </label>
      <p className="hint">
        {t('settings.seriesExample', {
          example: `${counterId.toUpperCase() || 'C1'}-${financialYearStart(new Date())}-000001`,
        })}
      </p>
      <label>
        {t('settings.discountLimit')}
        <input inputMode="decimal" value={limit} onChange={(event) => setLimit(event.target.value)} />
      </label>
      <label className="check">
        <input type="checkbox" checked={roundOff} onChange={(event) => setRoundOff(event.target.checked)} />{' '}
        {t('settings.roundOff')}
      </label>
      <button type="submit">{t('common.save')}</button>
      {saved && <div className="notice">{t('settings.saved')}</div>}
      <ErrorNote error={save.error} />
    </form>
  );
}

export function SettingsScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.all.queryOptions());
  // A cashier sees only what she may use here (printers and their queue, sync status), never forms she cannot save.
  const canManage = me.role !== 'cashier';
  return (
    <div className="settings">
      <div className="toolbar">
        <h1>{t('settings.title')}</h1>
      </div>
      {settings.data && (
        <div className="cards">
          {canManage && <ShopForm settings={settings.data} />}
          {canManage && <CounterForm settings={settings.data} />}
          {canManage && <StaffPanel me={me} />}
          <PrintersPanel me={me} printers={settings.data.printers} />
          <SyncPanel me={me} />
          {canManage && <BackupPanel me={me} />}
        </div>
      )}
      <ErrorNote error={settings.error} />
    </div>
  );
}
