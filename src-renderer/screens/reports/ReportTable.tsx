// One report table on TanStack Table: sortable headers (Tab to a header, Enter to sort), numbers right-aligned, an optional totals row.
import { useState, type ReactNode } from 'react';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';

export interface ReportColumnMeta {
  numeric?: boolean;
}

const isNumeric = (meta: unknown) => (meta as ReportColumnMeta | undefined)?.numeric ?? false;

export function ReportTable<Row>({
  title,
  rows,
  columns,
  footer,
  testId,
}: {
  title: string;
  rows: Row[];
  columns: ColumnDef<Row>[];
  footer?: ReactNode[];
  testId: string;
}) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return (
    <section className="card report-table" data-testid={testId}>
      <h3>{title}</h3>
      <div className="report-scroll">
        <table className="grid">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} className={isNumeric(header.column.columnDef.meta) ? 'num' : ''}>
                    <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      {{ asc: ' ▲', desc: ' ▼' }[header.column.getIsSorted() as string] ?? ''}
                    </button>
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-testid={`${testId}-row`}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={isNumeric(cell.column.columnDef.meta) ? 'num' : ''}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="muted">
                  {t('reports.none')}
                </td>
              </tr>
            )}
          </tbody>
          {footer && rows.length > 0 && (
            <tfoot>
              <tr data-testid={`${testId}-total`}>
                {footer.map((cell, index) => (
                  <th key={index} className={isNumeric(columns[index]?.meta) ? 'num' : ''}>
                    {cell}
                  </th>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}
