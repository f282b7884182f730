// The bill's totals beside the lines, and the legend of keys (a cashier never needs the mouse).
import { useTranslation } from 'react-i18next';
import { formatRupees } from '../../../src-shared/money';
import type { Cart, CartTotals } from './cart';

function Figure({
  label,
  paise,
  testId,
  strong = false,
}: {
  label: string;
  paise: number;
  testId?: string;
  strong?: boolean;
}) {
  return (
    <div className={strong ? 'figure strong' : 'figure'}>
      <span>{label}</span>
      <span className="num" data-testid={testId}>
        {formatRupees(paise)}
      </span>
    </div>
  );
}

export function BillSummary({
  cart,
  totals,
  needsDelivery,
}: {
  cart: Cart;
  totals: CartTotals;
  needsDelivery: boolean;
}) {
  const { t } = useTranslation();
  const discount = cart.billDiscount
    ? cart.billDiscount.kind === 'percent'
      ? `${cart.billDiscount.bp / 100}%`
      : formatRupees(cart.billDiscount.paise)
    : null;
  return (
    <div className="summary" data-testid="bill-summary">
      <div className="figure">
        <span>{t('billing.customer')}</span>
        <span data-testid="bill-customer">{cart.party ? cart.party.name : t('billing.walkIn')}</span>
      </div>
      {cart.party && (
        <div className="figure muted small">
          <span>{t('khata.balance')}</span>
          <span className="num">{formatRupees(cart.party.balancePaise)}</span>
        </div>
      )}
      {cart.deliveryAddress && (
        <div className="figure small">
          <span>{t('customer.deliveryAddress')}</span>
          <span data-testid="bill-delivery">{cart.deliveryAddress}</span>
        </div>
      )}
      {needsDelivery && !cart.deliveryAddress && (
        <div className="warning small" role="alert" data-testid="bill-delivery-needed">
          {t(cart.party ? 'customer.deliveryNeeded' : 'customer.buyerNeeded')}
        </div>
      )}
      {discount && (
        <div className="figure">
          <span>{t('billing.billDiscount')}</span>
          <span data-testid="bill-discount">{discount}</span>
        </div>
      )}
      {totals?.ok === false && <div className="error">{totals.message}</div>}
      {totals?.ok && (
        <>
          <Figure label={t('billing.gross')} paise={totals.totals.grossPaise} />
          {totals.totals.discountPaise > 0 && (
            <Figure label={t('billing.discount')} paise={-totals.totals.discountPaise} />
          )}
          <Figure label={t('billing.taxable')} paise={totals.totals.taxablePaise} />
          <Figure label={t('billing.tax')} paise={totals.totals.taxPaise} />
          {totals.totals.roundOffPaise !== 0 && (
            <Figure label={t('billing.roundOff')} paise={totals.totals.roundOffPaise} />
          )}
        </>
      )}
      <Figure label={t('billing.total')} paise={totals?.ok ? totals.totals.totalPaise : 0} testId="bill-total" strong />
      {cart.heldBillId && <div className="muted small">{t('billing.recalled')}</div>}
    </div>
  );
}

const KEYS = [
  ['F2', 'billing.keys.pay'],
  ['F3', 'billing.keys.customer'],
  ['F4', 'billing.keys.discount'],
  ['F5', 'billing.keys.lineDiscount'],
  ['F6', 'billing.keys.qty'],
  ['F7', 'billing.keys.price'],
  ['F8', 'billing.keys.hold'],
  ['F9', 'billing.keys.recall'],
  ['↑ ↓', 'billing.keys.select'],
  ['+ −', 'billing.keys.bump'],
  ['Del', 'billing.keys.remove'],
  ['3*code', 'billing.keys.multiply'],
] as const;

export function KeyLegend() {
  const { t } = useTranslation();
  return (
    <dl className="keys" data-testid="key-legend">
      {KEYS.map(([key, label]) => (
        <div key={key}>
          <dt>
            <kbd>{key}</kbd>
          </dt>
          <dd>{t(label)}</dd>
        </div>
      ))}
    </dl>
  );
}
