// Item-wise quantity, sales and gross profit over the range, and items at or below their reorder level.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc';
import { href, navigate, type Range } from '../range';
import { DataTable } from '../components/DataTable';
import { ExportButtons } from '../components/ExportButtons';

export function ItemsPage({ range }: { range: Range }) {
  const trpc = useTRPC();
  const items = useQuery(trpc.reports.items.queryOptions(range));
  const low = useQuery(trpc.reports.lowStock.queryOptions());
  return (
    <div className="page grid">
      <DataTable
        testId="items"
        title="Item-wise sales and profit"
        rows={items.data?.rows ?? []}
        columns={[
          { key: 'name', label: 'Item' },
          { key: 'sku', label: 'SKU' },
          { key: 'netQtyMilli', label: 'Qty', kind: 'milli' },
          { key: 'netSalesPaise', label: 'Net sales (with GST)', kind: 'paise' },
          { key: 'netTaxablePaise', label: 'Net sales (before GST)', kind: 'paise' },
          { key: 'netCostPaise', label: 'Cost of goods sold', kind: 'paise' },
          { key: 'grossProfitPaise', label: 'Gross profit', kind: 'paise' },
        ]}
        onRowClick={(row) => navigate(href('invoices', range, { itemId: row.itemId }))}
        actions={<ExportButtons table="items" range={range} />}
      />
      <DataTable
        title="Low stock"
        rows={low.data ?? []}
        columns={[
          { key: 'name', label: 'Item' },
          { key: 'sku', label: 'SKU' },
          { key: 'stockMilli', label: 'In stock', kind: 'milli' },
          { key: 'reorderLevelMilli', label: 'Reorder at', kind: 'milli' },
        ]}
        empty="Nothing is below its reorder level."
        actions={<ExportButtons table="low-stock" range={range} />}
      />
    </div>
  );
}
