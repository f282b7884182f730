// The whole catalogue in one TanStack table: sort by any column, filter by text, and only the visible rows rendered.
import { useMemo, useRef, useState } from 'react';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { formatQuantity, formatRupees } from '../../../src-shared/money';
import type { Outputs } from '../../app/trpc';

export type ItemRow = Outputs['catalogue']['list']['rows'][number];

const ROW_HEIGHT = 34;

/** onOpen: a click, or Enter on a focused row (Enter in the filter box opens the first row shown). */
export function ItemsTable({ items, onOpen }: { items: ItemRow[]; onOpen: (row: ItemRow) => void }) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filter, setFilter] = useState('');
  const columns = useMemo<ColumnDef<ItemRow>[]>(
    () => [
      { accessorKey: 'sku', header: t('items.sku') },
      { accessorKey: 'name', header: t('items.name'), size: 320 },
      { accessorKey: 'category', header: t('items.category') },
      {
        accessorKey: 'pricePaise',
        header: t('items.price'),
        cell: (cell) => formatRupees(cell.getValue<number>()),
        meta: { numeric: true },
      },
      {
        accessorKey: 'gstRateBp',
        header: t('items.gst'),
        cell: (cell) => `${cell.getValue<number>() / 100}%`,
        meta: { numeric: true },
      },
      {
        accessorKey: 'stockMilli',
        header: t('items.stock'),
        cell: (cell) => `${formatQuantity(cell.getValue<number>())} ${cell.row.original.unit}`,
        meta: { numeric: true },
      },
      {
        accessorKey: 'reorderLevelMilli',
        header: t('items.reorder'),
        cell: (cell) => formatQuantity(cell.getValue<number>()),
        meta: { numeric: true },
      },
    ],
    [t],
  );
  const table = useReactTable({
    data: items,
    columns,
    state: { sorting, globalFilter: filter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    globalFilterFn: (row, _column, value: string) => {
      const needle = value.toLowerCase();
      return (
        row.original.name.toLowerCase().includes(needle) ||
        row.original.sku.toLowerCase().includes(needle) ||
        row.original.category.toLowerCase().includes(needle)
      );
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const padTop = virtualRows[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);
  return (
    <section className="items-table">
      <div className="toolbar">
        <input
          autoFocus
          data-testid="item-filter"
          placeholder={t('items.filter')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && rows[0]) onOpen(rows[0].original);
          }}
        />
        <span className="muted" data-testid="item-count">
          {t('items.count', { shown: rows.length, total: items.length })}
        </span>
      </div>
      <div className="table-scroll" ref={scroller} data-testid="items-scroll">
        <table className="grid">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th
                    key={header.id}
                    className={
                      (header.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric ? 'num' : ''
                    }
                  >
                    <button
                      type="button"
                      className="sort"
                      onClick={header.column.getToggleSortingHandler()}
                      data-testid={`sort-${header.column.id}`}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      {{ asc: ' ▲', desc: ' ▼' }[header.column.getIsSorted() as string] ?? ''}
                    </button>
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && <tr style={{ height: padTop }} />}
            {virtualRows.map((virtualRow) => {
              const row = rows[virtualRow.index]!;
              return (
                <tr
                  key={row.id}
                  style={{ height: ROW_HEIGHT }}
                  data-testid="item-row"
                  className="openable"
                  tabIndex={0}
                  onClick={() => onOpen(row.original)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') onOpen(row.original);
                  }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td
                      key={cell.id}
                      className={
                        (cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric ? 'num' : ''
                      }
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 && <tr style={{ height: padBottom }} />}
          </tbody>
        </table>
      </div>
    </section>
  );
}
