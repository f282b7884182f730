// Items & stock: the catalogue (read page by page into one virtualised table), the CSV import, and the item dialog.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, useTRPCClient } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';
import { useHotkeys } from '../../app/hotkeys';
import type { Me } from '../../app/App';
import { ItemsTable, type ItemRow } from './ItemsTable';
import { CsvImport } from './CsvImport';
import { ItemEditor } from './ItemEditor';
import type { Item } from './item-form';

const PAGE = 500;

type Editing = { kind: 'closed' } | { kind: 'open'; item: Item | null };

export function ItemsScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const canEdit = me.role !== 'cashier';
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' });
  const [openError, setOpenError] = useState<unknown>(null);
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
  const openItem = (row: ItemRow) => {
    setOpenError(null);
    queryClient
      .fetchQuery(trpc.catalogue.get.queryOptions({ id: row.id }))
      .then((item) => setEditing({ kind: 'open', item }), setOpenError);
  };
  useHotkeys({ F2: () => canEdit && setEditing({ kind: 'open', item: null }) }, editing.kind === 'closed');
  return (
    <div className="items">
      <div className="toolbar">
        <h1>{t('items.title')}</h1>
        {canEdit && (
          <button
            type="button"
            className="primary"
            data-testid="new-item"
            onClick={() => setEditing({ kind: 'open', item: null })}
          >
            {t('itemEdit.new')} <kbd>F2</kbd>
          </button>
        )}
        <span className="hint">{t('itemEdit.openHint')}</span>
        {items.isFetching && <span className="muted">{t('common.loading')}</span>}
      </div>
      <div className="split wide-left">
        {items.data ? (
          <ItemsTable items={items.data} onOpen={openItem} />
        ) : (
          <div className="muted">{t('common.loading')}</div>
        )}
        {canEdit && <CsvImport />}
      </div>
      <ErrorNote error={items.error ?? openError} />
      {editing.kind === 'open' && (
        <ItemEditor item={editing.item} canEdit={canEdit} onClose={() => setEditing({ kind: 'closed' })} />
      )}
    </div>
  );
}
