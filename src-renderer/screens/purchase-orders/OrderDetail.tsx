// One purchase order: its lines with what has come and what is left; send it (receipt printer, A4 PDF, text to
// copy into WhatsApp), cancel it with a reason, or receive it on a purchase bill prefilled with what is left.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { useHotkeys } from '../../app/hotkeys';
import type { Me } from '../../app/App';
import { formatQuantity, formatRupees } from '../../../src-shared/money';
import { shopDate } from '../../../src-shared/shop-time';
import { canOrder } from './order-rights';
import { receivePrefill, type PurchaseBillPrefill } from './receive-prefill';

function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function OrderDetail({
  id,
  me,
  onBack,
  onEdit,
  onReceive,
}: {
  id: string;
  me: Me;
  onBack: () => void;
  onEdit: () => void;
  onReceive?: (prefill: PurchaseBillPrefill) => void;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.purchaseOrders.get.queryOptions({ id }));
  const [shared, setShared] = useState<{ text: string; copied: boolean } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.purchaseOrders.pathKey() });

  const send = useMutation(trpc.purchaseOrders.send.mutationOptions({ onSuccess: refresh }));
  const openPdf = useMutation(
    trpc.purchaseOrders.openPdf.mutationOptions({
      onSuccess: (result) => {
        if (!result.opened && result.base64) download(result.fileName, result.base64);
      },
    }),
  );
  const cancel = useMutation(
    trpc.purchaseOrders.cancel.mutationOptions({
      onSuccess: async () => {
        setCancelling(false);
        await refresh();
      },
    }),
  );
  const sendAs = async (via: 'print' | 'pdf' | 'text') => {
    setShared(null);
    openPdf.reset();
    await send.mutateAsync({ id, via });
    if (via === 'pdf') openPdf.mutate({ id });
    if (via === 'text') {
      const { text } = await queryClient.fetchQuery(
        trpc.purchaseOrders.shareText.queryOptions({ id, language: i18n.language === 'hi' ? 'hi' : 'en' }),
      );
      const copied = await navigator.clipboard?.writeText(text).then(
        () => true,
        () => false,
      );
      setShared({ text, copied: copied ?? false });
    }
  };
  useHotkeys({ Escape: cancelling ? () => setCancelling(false) : onBack });

  if (!detail.data) return <ErrorNote error={detail.error} />;
  const { order, lines } = detail.data;
  const manager = canOrder(me);
  const open = order.state !== 'received' && order.state !== 'cancelled';
  const receivable = order.state === 'sent' || order.state === 'partly_received';
  return (
    <div className="po-detail" data-testid="po-detail">
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          ← {t('common.back')} <kbd>Esc</kbd>
        </button>
        <h1 data-testid="po-number">{order.number}</h1>
        <span className={`badge po-${order.state}`} data-testid="po-state">
          {t(`purchaseOrders.states.${order.state}`)}
        </span>
        <span className="muted">
          {order.supplierName} · {t('purchaseOrders.made', { date: shopDate(order.createdAt) })}
          {order.sentAt ? ` · ${t('purchaseOrders.sentOn', { date: shopDate(order.sentAt) })}` : ''}
        </span>
      </div>
      {manager && open && (
        <div className="form-actions" data-testid="po-actions">
          {order.state === 'draft' && (
            <button type="button" className="secondary" onClick={onEdit} data-testid="po-edit">
              {t('purchaseOrders.edit')}
            </button>
          )}
          <span className="muted">
            {t(order.state === 'draft' ? 'purchaseOrders.send' : 'purchaseOrders.sendAgain')}:
          </span>
          <button
            type="button"
            onClick={() => void sendAs('print')}
            disabled={send.isPending}
            data-testid="po-send-print"
          >
            {t('purchaseOrders.viaPrint')}
          </button>
          <button type="button" onClick={() => void sendAs('pdf')} disabled={send.isPending} data-testid="po-send-pdf">
            {t('purchaseOrders.viaPdf')}
          </button>
          <button
            type="button"
            onClick={() => void sendAs('text')}
            disabled={send.isPending}
            data-testid="po-send-text"
          >
            {t('purchaseOrders.viaText')}
          </button>
          <span className="spacer" />
          {receivable && (
            <button
              type="button"
              className="active"
              disabled={!onReceive}
              title={onReceive ? undefined : t('purchaseOrders.receiveNotYet')}
              onClick={() => onReceive?.(receivePrefill(detail.data))}
              data-testid="po-receive"
            >
              {t('purchaseOrders.receive')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => setCancelling(true)} data-testid="po-cancel">
            {t('purchaseOrders.cancelOrder')}
          </button>
        </div>
      )}
      {send.isSuccess && send.data.printJobId && (
        <div className="notice" data-testid="po-printed">
          {t('purchaseOrders.printQueued')}
        </div>
      )}
      {openPdf.data && (
        <div className="notice" data-testid="po-pdf-state">
          {t(openPdf.data.opened ? 'invoices.pdfOpened' : 'invoices.pdfDownloaded', { file: openPdf.data.fileName })}
        </div>
      )}
      {shared && (
        <div className="po-share" data-testid="po-share">
          <div className="notice">{t(shared.copied ? 'purchaseOrders.textCopied' : 'purchaseOrders.textToCopy')}</div>
          <textarea
            readOnly
            rows={Math.min(shared.text.split('\n').length, 14)}
            value={shared.text}
            data-testid="po-share-text"
            onFocus={(event) => event.target.select()}
          />
        </div>
      )}
      <ErrorNote error={send.error ?? openPdf.error} />
      {cancelling && (
        <div className="warning po-cancel-form" data-testid="po-cancel-form">
          <label className={cancel.error ? 'field invalid' : 'field'}>
            <span>{t('purchaseOrders.cancelReason')}</span>
            <input
              autoFocus
              data-testid="po-cancel-reason"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <div className="form-actions">
            <button
              type="button"
              onClick={() => cancel.mutate({ id, reason })}
              disabled={cancel.isPending}
              data-testid="po-cancel-confirm"
            >
              {t('purchaseOrders.confirmCancel')}
            </button>
            <button type="button" className="secondary" onClick={() => setCancelling(false)}>
              {t('purchaseOrders.keepOrder')} <kbd>Esc</kbd>
            </button>
          </div>
          <ErrorNote error={cancel.error} testId="po-cancel-error" />
        </div>
      )}
      {order.state === 'cancelled' && (
        <div className="warning" data-testid="po-cancelled">
          {t('purchaseOrders.cancelledBecause', { reason: order.cancelReason ?? '' })}
        </div>
      )}
      <table className="grid" data-testid="po-detail-lines">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('purchaseOrders.item')}</th>
            <th className="num">{t('purchaseOrders.ordered')}</th>
            <th className="num">{t('purchaseOrders.received')}</th>
            <th className="num">{t('purchaseOrders.left')}</th>
            <th className="num">{t('purchaseOrders.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} data-testid="po-detail-line">
              <td>{line.lineNo}</td>
              <td>{line.name}</td>
              <td className="num">
                {formatQuantity(line.orderedQtyMilli)} {line.unit}
              </td>
              <td className="num">{line.receivedQtyMilli ? formatQuantity(line.receivedQtyMilli) : ''}</td>
              <td className="num">{line.leftToReceiveMilli ? formatQuantity(line.leftToReceiveMilli) : ''}</td>
              <td className="num">{line.expectedRatePaise ? formatRupees(line.expectedRatePaise) : ''}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={5}>{t('purchaseOrders.expectedValue')}</th>
            <th className="num" data-testid="po-expected-total">
              {formatRupees(order.expectedTotalPaise)}
            </th>
          </tr>
        </tfoot>
      </table>
      {order.note && <p data-testid="po-note-shown">{t('purchaseOrders.noteShown', { note: order.note })}</p>}
    </div>
  );
}
