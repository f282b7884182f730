// A report table: TanStack Table v8 with sorting by any column, a filter box, money, quantities and dates formatted,
// rows clickable.
import { useMemo, useState, type ReactNode } from 'react';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type FilterFn,
  type SortingState,
} from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { date, quantity, rupees } from '../format';

export interface Column<T> {
  key: keyof T & string;
  label: string;
  /** A 'date' holds a business date (YYYY-MM-DD): shown dd-mm-yyyy, sorted by the calendar. */
  kind?: 'paise' | 'milli' | 'number' | 'text' | 'date';
  render?: (row: T) => ReactNode;
}

interface Props<T> {
  title: string;
  rows: T[];
  columns: Column<T>[];
  onRowClick?: (row: T) => void;
  actions?: ReactNode;
  testId?: string;
  empty?: string;
  /** Across the page's whole width, for a table with many columns. */
  wide?: boolean;
}

function cell<T>(column: Column<T>, row: T): ReactNode {
  if (column.render) return column.render(row);
  const value = row[column.key] as unknown;
  if (column.kind === 'paise') return rupees(value as number | null);
  if (column.kind === 'milli') return quantity(Number(value));
  if (column.kind === 'date') return date(value as string | null);
  return value === null || value === undefined ? '—' : String(value);
}

/** The filter box finds what the table shows: "02-12-2026" finds the row of the business date 2026-12-02. */
function matchesShownText<T>(columns: Column<T>[]): FilterFn<T> {
  const dateColumns = new Set<string>(columns.filter((column) => column.kind === 'date').map((column) => column.key));
  return (row, columnId, typed: string) => {
    const value = row.getValue<unknown>(columnId);
    if (value === null || value === undefined) return false;
    const shown = dateColumns.has(columnId) ? date(String(value)) : String(value);
    return shown.toLowerCase().includes(typed.trim().toLowerCase());
  };
}

export function DataTable<T extends object>({
  title,
  rows,
  columns,
  onRowClick,
  actions,
  testId,
  empty,
  wide = false,
}: Props<T>) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filter, setFilter] = useState('');
  const columnDefs = useMemo<ColumnDef<T>[]>(
    () =>
      columns.map((column) => ({
        id: column.key,
        accessorFn: (row: T) => row[column.key] as unknown,
        header: column.label,
        cell: ({ row }) => cell(column, row.original),
        sortingFn: column.kind && column.kind !== 'text' ? 'basic' : 'alphanumeric',
        meta: { numeric: column.kind && column.kind !== 'text' && column.kind !== 'date' },
      })),
    [columns],
  );
  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    state: { sorting, globalFilter: filter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    globalFilterFn: matchesShownText(columns),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  return (
    <section className={wide ? 'card table-card wide' : 'card table-card'} data-testid={testId}>
      <header className="card-head">
        <h2>{title}</h2>
        <div className="card-tools">
          <input
            className="filter"
            type="search"
            placeholder={t('table.filter')}
            aria-label={t('table.filterLabel', { title })}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
          {actions}
        </div>
      </header>
      <div className="table-scroll">
        <table>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const numeric = (header.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      className={numeric ? 'num' : undefined}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    >
                      <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span className="sort-mark">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                className={onRowClick ? 'clickable' : undefined}
                onClick={onRowClick ? () => onRowClick(row.original) : undefined}
              >
                {row.getVisibleCells().map((visible) => {
                  const numeric = (visible.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                  return (
                    <td
                      key={visible.id}
                      className={numeric ? 'num' : undefined}
                      data-label={String(visible.column.columnDef.header)}
                    >
                      {flexRender(visible.column.columnDef.cell, visible.getContext())}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {table.getRowModel().rows.length === 0 && <p className="empty">{empty ?? t('table.empty')}</p>}
      </div>
    </section>
  );
}
