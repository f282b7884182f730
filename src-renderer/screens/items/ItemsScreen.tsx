// Items & stock: the catalogue (read page by page into one virtualised table) and the CSV import beside it.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, useTRPCClient } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { ItemsTable, type ItemRow } from './ItemsTable';
import { CsvImport } from './CsvImport';

const PAGE = 500;

export function ItemsScreen() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  // The list procedure pages by 500; the table sorts and filters the whole catalogue, so all pages are read once.
  const items = useQuery({
    queryKey: [...trpc.catalogue.list.queryKey(), 'all'],
    queryFn: async () => {
      const rows: ItemRow[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await client.catalogue.list.query({ limit: PAGE, offset });
        rows.push(...page.rows);
        if (rows.length >= page.total || page.rows.length === 0) return rows;
      }
    },
  });
  return (
    <div className="items">
      <div className="toolbar">
        <h1>{t('items.title')}</h1>
        {items.isFetching && <span className="muted">{t('common.loading')}</span>}
      </div>
      <div className="split wide-left">
        {items.data ? <ItemsTable items={items.data} /> : <div className="muted">{t('common.loading')}</div>}
        <CsvImport />
      </div>
      <ErrorNote error={items.error} />
    </div>
  );
}
