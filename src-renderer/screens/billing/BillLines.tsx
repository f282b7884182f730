// The bill's lines: the selected one highlighted, each row memoised so a scan renders one new row, not the whole bill.
import { memo, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatQuantity, formatRupees } from '../../../src-shared/money';
import type { InvoiceTotals } from '../../../src-shared/sales/totals';
import type { CartLine } from './cart';
import { isBelowCost } from '../../../src-shared/sales/below-cost';

/** Performance marks for bench/render.ts: the scanned row committed to the DOM, then the frame that paints it. */
export const SCAN_MARKS = {
  itemKnown: 'galla:scan-item-known',
  rowCommitted: 'galla:scan-row-committed',
  rowFrame: 'galla:scan-row-frame',
} as const;

const Row = memo(function Row({
  line,
  index,
  selected,
  amountPaise,
  taxablePaise,
}: {
  line: CartLine;
  index: number;
  selected: boolean;
  amountPaise: number | undefined;
  taxablePaise: number | undefined;
}) {
  const { t } = useTranslation();
  const costPaise = line.item.costPaise ?? 0;
  const belowCost = taxablePaise !== undefined && isBelowCost({ qtyMilli: line.qtyMilli, taxablePaise }, costPaise);
  const price = line.unitPricePaise ?? line.item.pricePaise;
  return (
    <tr className={selected ? 'selected' : ''} aria-selected={selected} data-testid="bill-line">
      <td className="num">{index + 1}</td>
      <td>
        <div className="line-name">{line.item.name}</div>
        <div className="muted small">{line.item.sku}</div>
      </td>
      <td className="num" data-testid="line-qty">
        {formatQuantity(line.qtyMilli)} {line.item.unit}
      </td>
      <td className="num">
        {formatRupees(price)}
        {line.unitPricePaise !== null && ' *'}
        {line.discount && (
          <div className="muted small" data-testid="line-discount">
            −{line.discount.kind === 'percent' ? `${line.discount.bp / 100}%` : formatRupees(line.discount.paise)}
          </div>
        )}
      </td>
      <td className="num" data-testid="line-amount">
        {amountPaise === undefined ? '' : formatRupees(amountPaise)}
        {belowCost && (
          <div className="line-warning small" role="note" data-testid="line-below-cost">
            {t('billing.belowCost', { cost: formatRupees(costPaise) })}
          </div>
        )}
      </td>
    </tr>
  );
});

/** `scanSeq` goes up by one for each scanned item, so the marks are taken only for scans. */
export function BillLines({
  lines,
  selected,
  totals,
  scanSeq,
}: {
  lines: CartLine[];
  selected: number;
  totals: InvoiceTotals | null;
  scanSeq: number;
}) {
  const { t } = useTranslation();
  const body = useRef<HTMLTableSectionElement>(null);
  const markedSeq = useRef(scanSeq);
  useLayoutEffect(() => {
    body.current?.querySelector('tr.selected')?.scrollIntoView({ block: 'nearest' });
    if (scanSeq === markedSeq.current) return;
    markedSeq.current = scanSeq;
    performance.mark(SCAN_MARKS.rowCommitted);
    requestAnimationFrame(() => performance.mark(SCAN_MARKS.rowFrame));
  }, [scanSeq, selected]);
  if (lines.length === 0)
    return (
      <div className="empty-bill" data-testid="empty-bill">
        {t('billing.empty')}
      </div>
    );
  return (
    <table className="bill-lines grid">
      <thead>
        <tr>
          <th className="num">#</th>
          <th>{t('billing.item')}</th>
          <th className="num">{t('billing.qty')}</th>
          <th className="num">{t('billing.rate')}</th>
          <th className="num">{t('billing.amount')}</th>
        </tr>
      </thead>
      <tbody ref={body}>
        {lines.map((line, index) => (
          <Row
            key={line.key}
            line={line}
            index={index}
            selected={index === selected}
            amountPaise={totals?.lines[index]?.totalPaise}
            taxablePaise={totals?.lines[index]?.taxablePaise}
          />
        ))}
      </tbody>
    </table>
  );
}
