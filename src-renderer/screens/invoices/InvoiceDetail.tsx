// One invoice: lines, GST, payments and credit notes; reprint and return.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { useHotkeys } from '../../app/hotkeys';
import { formatQuantity, formatRupees } from '../../../src-shared/money';
import type { Me } from '../../app/App';
import { ReturnForm } from './ReturnForm';
import { InvoicePdfButtons } from './InvoicePdfButtons';
import { shopDateTime } from '../../../src-shared/shop-time';
import { EinvoiceState } from './EinvoiceState';

export function InvoiceDetail({ id, me, onBack }: { id: string; me: Me; onBack: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const detail = useQuery(trpc.sales.get.queryOptions({ id }));
  const printing = useMutation(trpc.printing.reprint.mutationOptions());
  const reprint = () => printing.mutate({ docType: 'invoice', docId: id, format: 'receipt' });
  useHotkeys({ Escape: onBack, 'Alt+p': reprint });
  if (!detail.data) return <ErrorNote error={detail.error} />;
  const { invoice, lines, payments, creditNotes } = detail.data;
  return (
    <div className="invoice-detail" data-testid="invoice-detail">
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          ← {t('common.back')} <kbd>Esc</kbd>
        </button>
        <h1 data-testid="invoice-number">{invoice.number}</h1>
        <span className="muted">
          {shopDateTime(invoice.createdAt)} · {invoice.partyName || t('billing.walkIn')}
        </span>
        <span className="spacer" />
        <button type="button" onClick={reprint} data-testid="reprint">
          {t('invoices.reprint')} <kbd>Alt+P</kbd>
        </button>
      </div>
      <InvoicePdfButtons invoiceId={id} />
      {printing.isSuccess && <div className="notice">{t('invoices.reprinted')}</div>}
      <ErrorNote error={printing.error} />
      {detail.data.einvoice && <EinvoiceState einvoice={detail.data.einvoice} />}
      <div className="split">
        <section>
          <table className="grid">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('billing.item')}</th>
                <th>HSN</th>
                <th className="num">{t('billing.qty')}</th>
                <th className="num">{t('billing.rate')}</th>
                <th className="num">GST %</th>
                <th className="num">{t('billing.amount')}</th>
                <th className="num">{t('invoices.returned')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id}>
                  <td>{line.lineNo}</td>
                  <td>{line.name}</td>
                  <td>{line.hsn}</td>
                  <td className="num">
                    {formatQuantity(line.qtyMilli)} {line.unit}
                  </td>
                  <td className="num">{formatRupees(line.unitPricePaise)}</td>
                  <td className="num">{line.gstRateBp / 100}</td>
                  <td className="num">{formatRupees(line.totalPaise)}</td>
                  <td className="num">{line.returnedQtyMilli ? formatQuantity(line.returnedQtyMilli) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="summary narrow">
            {(
              [
                ['billing.taxable', invoice.taxablePaise],
                ['CGST', invoice.cgstPaise],
                ['SGST', invoice.sgstPaise],
                ['IGST', invoice.igstPaise],
                ['billing.roundOff', invoice.roundOffPaise],
              ] as const
            )
              .filter(([, paise]) => paise !== 0)
              .map(([label, paise]) => (
                <div className="figure" key={label}>
                  <span>{label.includes('.') ? t(label) : label}</span>
                  <span className="num">{formatRupees(paise)}</span>
                </div>
              ))}
            <div className="figure strong">
              <span>{t('billing.total')}</span>
              <span className="num">{formatRupees(invoice.totalPaise)}</span>
            </div>
            {payments.map((payment) => (
              <div className="figure small" key={payment.id}>
                <span>
                  {t(`payment.${payment.mode}`)} {payment.reference}
                </span>
                <span className="num">{formatRupees(payment.amountPaise)}</span>
              </div>
            ))}
            {invoice.changePaise > 0 && (
              <div className="figure small">
                <span>{t('payment.change')}</span>
                <span className="num">{formatRupees(invoice.changePaise)}</span>
              </div>
            )}
          </div>
          {creditNotes.length > 0 && (
            <div data-testid="credit-notes">
              <h3>{t('invoices.creditNotes')}</h3>
              {creditNotes.map((note) => (
                <div key={note.id} className="figure">
                  <span>
                    {note.number} · {note.reason}
                  </span>
                  <span className="num">{formatRupees(note.totalPaise)}</span>
                </div>
              ))}
            </div>
          )}
        </section>
        <ReturnForm detail={detail.data} me={me} />
      </div>
    </div>
  );
}
