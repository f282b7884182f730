// One customer's khata: details (F4 edits them), balance, receive a payment (Enter), and the statement with its
// running balance for a date range, where a wrong receipt can be cancelled.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { subDays } from 'date-fns';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { Dialog } from '../../app/Dialog';
import { useHotkeys } from '../../app/hotkeys';
import { formatRupees } from '../../../src-shared/money';
import { INDIAN_STATE_CODES } from '../../../src-shared/gst/gstin';
import { shopBusinessDate, shopDateTime } from '../../../src-shared/shop-time';
import type { Me } from '../../app/App';
import { PartyForm } from './PartyForm';
import { ReceivePayment } from './ReceivePayment';
import { ReverseReceiptDialog, type ReceiptToCancel } from './ReverseReceiptDialog';
import type { Party } from './party-form';

type StatementRow = { kind: string; docId: string | null; docNumber: string | null; reversedBy: string | null };

function PartyFacts({ party }: { party: Party }) {
  const { t } = useTranslation();
  const facts = [
    party.phone,
    party.gstin && `${t('settings.gstin')} ${party.gstin}`,
    party.stateCode && INDIAN_STATE_CODES[party.stateCode],
    party.address,
    party.creditLimitPaise !== null &&
      `${t('khata.creditLimit')} ${formatRupees(party.creditLimitPaise)} (${t(`partyForm.policies.${party.creditLimitPolicy}`)})`,
  ].filter(Boolean);
  return (
    <p className="muted party-facts" data-testid="party-facts">
      {facts.join(' · ')}
    </p>
  );
}

/** A payment's receipt can be cancelled once; afterwards the row names the reversal that cancelled it. */
function ReceiptAction({ row, onCancel }: { row: StatementRow; onCancel: () => void }) {
  const { t } = useTranslation();
  if (row.kind !== 'payment' || !row.docId) return null;
  if (row.reversedBy)
    return (
      <span className="muted" data-testid="receipt-cancelled">
        {t('reversal.cancelledBy', { number: row.reversedBy })}
      </span>
    );
  return (
    <button type="button" className="secondary small" onClick={onCancel} data-testid="reverse-receipt-open">
      {t('reversal.open')}
    </button>
  );
}

export function PartyDetail({ partyId, me, onBack }: { partyId: string; me: Me; onBack: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const today = shopBusinessDate(new Date());
  const [range, setRange] = useState({ from: shopBusinessDate(subDays(new Date(), 90)), to: today });
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState<ReceiptToCancel | null>(null);
  const [childDialog, setChildDialog] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // A cancelled receipt starts the payment form afresh, so its "Receipt … saved" line does not linger.
  const [paymentForm, setPaymentForm] = useState(0);
  const statement = useQuery(trpc.khata.statement.queryOptions({ partyId, ...range }));
  const dialogOpen = editing || cancelling !== null || childDialog;
  useHotkeys({ Escape: onBack, F4: () => setEditing(true) }, !dialogOpen);
  const party = statement.data?.party;
  const isCashier = me.role === 'cashier';
  return (
    <div className="party-detail" data-testid="party-detail">
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          ← {t('common.back')} <kbd>Esc</kbd>
        </button>
        <h1 data-testid="party-detail-name">{party?.name ?? '…'}</h1>
        <button type="button" className="secondary" onClick={() => setEditing(true)} data-testid="party-edit">
          {t('partyForm.edit')} <kbd>F4</kbd>
        </button>
        <span className="spacer" />
        <span className="big-figure">
          {t('khata.balance')}:{' '}
          <strong data-testid="party-detail-balance">{party ? formatRupees(party.balancePaise) : '…'}</strong>
        </span>
        {party && party.payablePaise !== 0 && (
          <span className="big-figure">
            {t('suppliers.weOwe')}:{' '}
            <strong data-testid="party-detail-payable">{formatRupees(party.payablePaise)}</strong>
          </span>
        )}
      </div>
      {party && <PartyFacts party={party} />}
      {notice && (
        <div className="notice" data-testid="party-notice">
          {notice}
        </div>
      )}
      <div className="split">
        <section>
          <div className="toolbar">
            <h3>{t('khata.statement')}</h3>
            <label>
              {t('khata.from')}{' '}
              <input
                type="date"
                value={range.from}
                onChange={(event) => setRange({ ...range, from: event.target.value })}
              />
            </label>
            <label>
              {t('khata.to')}{' '}
              <input
                type="date"
                value={range.to}
                onChange={(event) => setRange({ ...range, to: event.target.value })}
              />
            </label>
          </div>
          <table className="grid" data-testid="statement">
            <thead>
              <tr>
                <th>{t('khata.date')}</th>
                <th>{t('khata.entry')}</th>
                <th>{t('khata.doc')}</th>
                <th className="num">{t('khata.debit')}</th>
                <th className="num">{t('khata.credit')}</th>
                <th className="num">{t('khata.balance')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              <tr className="muted">
                <td colSpan={5}>{t('khata.opening')}</td>
                <td className="num">{formatRupees(statement.data?.openingPaise ?? 0)}</td>
                <td />
              </tr>
              {statement.data?.rows.map((row, index) => (
                <tr key={index} data-testid="statement-row">
                  <td>{shopDateTime(row.at)}</td>
                  <td>{t(`khata.kinds.${row.kind}`)}</td>
                  <td>{row.docNumber}</td>
                  <td className="num">{row.debitPaise ? formatRupees(row.debitPaise) : ''}</td>
                  <td className="num">{row.creditPaise ? formatRupees(row.creditPaise) : ''}</td>
                  <td className="num">{formatRupees(row.balancePaise)}</td>
                  <td>
                    <ReceiptAction
                      row={row}
                      onCancel={() =>
                        setCancelling({
                          receiptId: row.docId!,
                          number: row.docNumber ?? '',
                          amountPaise: row.creditPaise,
                        })
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th colSpan={5}>{t('khata.closing')}</th>
                <th className="num">{formatRupees(statement.data?.closingPaise ?? 0)}</th>
                <th />
              </tr>
            </tfoot>
          </table>
          <ErrorNote error={statement.error} />
        </section>
        <ReceivePayment
          key={paymentForm}
          partyId={partyId}
          balancePaise={party?.balancePaise ?? 0}
          onDialog={setChildDialog}
        />
      </div>
      {editing && party && (
        <Dialog
          title={t('partyForm.editTitle', { name: party.name })}
          onClose={() => setEditing(false)}
          wide
          testId="party-edit-dialog"
        >
          <PartyForm
            party={party}
            canEditCredit={!isCashier}
            onSaved={(saved) => {
              setEditing(false);
              setNotice(t('partyForm.saved', { name: saved.name }));
            }}
          />
        </Dialog>
      )}
      {cancelling && (
        <ReverseReceiptDialog
          receipt={cancelling}
          askManager={isCashier}
          onClose={() => setCancelling(null)}
          onDone={(message) => {
            setCancelling(null);
            setNotice(message);
            setPaymentForm((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}
