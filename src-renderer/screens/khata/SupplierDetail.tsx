// One supplier's side of the khata: details (F4 edits them), what the shop owes them and (if they also buy) what they
// owe the shop, the statement of bills, returns and payments with its running balance, and paying them.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { Dialog } from '../../app/Dialog';
import { useHotkeys } from '../../app/hotkeys';
import { formatRupees } from '../../../src-shared/money';
import { INDIAN_STATE_CODES } from '../../../src-shared/gst/gstin';
import { shopDate, shopDateTime } from '../../../src-shared/shop-time';
import type { Me } from '../../app/App';
import { PartyForm } from './PartyForm';
import { PaySupplier } from './PaySupplier';

export function SupplierDetail({ partyId, me, onBack }: { partyId: string; me: Me; onBack: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const party = useQuery(trpc.parties.get.queryOptions({ id: partyId }));
  const statement = useQuery(trpc.payables.statement.queryOptions({ supplierId: partyId }));
  // A payment's slip can be printed again from its row (marked as a duplicate, the drawer stays shut).
  const printing = useMutation(trpc.printing.reprint.mutationOptions());
  useHotkeys({ Escape: onBack, F4: () => setEditing(true) }, !editing);
  const supplier = party.data;
  const facts = supplier
    ? [
        supplier.phone,
        supplier.gstin && `${t('settings.gstin')} ${supplier.gstin}`,
        supplier.stateCode && INDIAN_STATE_CODES[supplier.stateCode],
        supplier.address,
      ].filter(Boolean)
    : [];
  return (
    <div className="party-detail" data-testid="supplier-detail">
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          ← {t('common.back')} <kbd>Esc</kbd>
        </button>
        <h1 data-testid="supplier-detail-name">{supplier?.name ?? '…'}</h1>
        <button type="button" className="secondary" onClick={() => setEditing(true)}>
          {t('suppliers.edit')} <kbd>F4</kbd>
        </button>
        <span className="spacer" />
        <span className="big-figure">
          {t('suppliers.weOwe')}:{' '}
          <strong data-testid="supplier-detail-payable">{supplier ? formatRupees(supplier.payablePaise) : '…'}</strong>
        </span>
        {supplier && supplier.balancePaise !== 0 && (
          <span className="big-figure">
            {t('suppliers.theyOwe')}:{' '}
            <strong data-testid="supplier-detail-receivable">{formatRupees(supplier.balancePaise)}</strong>
          </span>
        )}
      </div>
      <p className="muted party-facts">{facts.join(' · ')}</p>
      {notice && (
        <div className="notice" data-testid="supplier-notice">
          {notice}
        </div>
      )}
      <div className="split wide-left">
        <section>
          <h3>{t('khata.statement')}</h3>
          <table className="grid" data-testid="supplier-statement">
            <thead>
              <tr>
                <th>{t('khata.date')}</th>
                <th>{t('khata.entry')}</th>
                <th>{t('khata.doc')}</th>
                <th className="num">{t('suppliers.billed')}</th>
                <th className="num">{t('suppliers.paidOrReturned')}</th>
                <th className="num">{t('suppliers.weOwe')}</th>
              </tr>
            </thead>
            <tbody>
              <tr className="muted">
                <td colSpan={5}>{t('khata.opening')}</td>
                <td className="num">{formatRupees(statement.data?.openingPaise ?? 0)}</td>
              </tr>
              {statement.data?.rows.map((row, index) => (
                <tr key={index} data-testid="supplier-statement-row">
                  <td title={shopDateTime(row.at)}>{shopDate(row.at)}</td>
                  <td>{t(`suppliers.kinds.${row.kind}`)}</td>
                  <td>
                    {row.docNumber}
                    {row.payment && (
                      <span className="muted small payment-detail">
                        {t(`purchases.modes.${row.payment.mode}`)}
                        {row.payment.reference && ` ${row.payment.reference}`}
                        {row.payment.chequeDate && ` (${shopDate(row.payment.chequeDate)})`}
                      </span>
                    )}
                    {row.kind === 'payment' && row.docId && (
                      <button
                        type="button"
                        className="secondary"
                        data-testid="supplier-payment-print"
                        disabled={printing.isPending}
                        onClick={() =>
                          printing.mutate({ docType: 'supplier_payment', docId: row.docId!, format: 'receipt' })
                        }
                      >
                        {t('suppliers.printSlip')}
                      </button>
                    )}
                  </td>
                  <td className="num">{row.creditPaise ? formatRupees(row.creditPaise) : ''}</td>
                  <td className="num">{row.debitPaise ? formatRupees(row.debitPaise) : ''}</td>
                  <td className="num">{formatRupees(row.payablePaise)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th colSpan={5}>{t('khata.closing')}</th>
                <th className="num" data-testid="supplier-statement-closing">
                  {statement.data ? formatRupees(statement.data.closingPaise) : '…'}
                </th>
              </tr>
            </tfoot>
          </table>
          {printing.isSuccess && (
            <div className="notice" data-testid="supplier-payment-printed">
              {t('suppliers.slipPrinted')}
            </div>
          )}
          <ErrorNote error={statement.error ?? party.error ?? printing.error} />
        </section>
        {me.role !== 'cashier' ? (
          <PaySupplier supplierId={partyId} payablePaise={supplier?.payablePaise ?? 0} />
        ) : (
          <span />
        )}
      </div>
      {editing && supplier && (
        <Dialog
          title={t('partyForm.editTitle', { name: supplier.name })}
          onClose={() => setEditing(false)}
          wide
          testId="supplier-edit-dialog"
        >
          <PartyForm
            party={supplier}
            canEditCredit={me.role !== 'cashier'}
            onSaved={(saved) => {
              setEditing(false);
              setNotice(t('partyForm.saved', { name: saved.name }));
            }}
          />
        </Dialog>
      )}
    </div>
  );
}
