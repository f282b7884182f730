// The item dialog: the form on the left, and once the item exists its stock and movements on the right.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { ItemForm } from './ItemForm';
import { StockPanel } from './StockPanel';
import type { Item } from './item-form';

export function ItemEditor({
  item: initial,
  canEdit,
  onClose,
}: {
  item: Item | null;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [item, setItem] = useState(initial);
  const [created, setCreated] = useState(false);
  return (
    <Dialog
      title={item ? t('itemEdit.editTitle', { name: item.name }) : t('itemEdit.newTitle')}
      onClose={onClose}
      testId="item-editor"
      wide
    >
      {created && (
        <div className="notice" data-testid="item-created">
          {t('itemEdit.created')}
        </div>
      )}
      <div className={item ? 'item-editor' : 'item-editor single'}>
        <ItemForm
          key={item?.id ?? 'new'}
          item={item}
          canEdit={canEdit}
          onSaved={(saved) => {
            setCreated(!item);
            setItem(saved);
          }}
        />
        {item && <StockPanel item={item} canAdjust={canEdit} />}
      </div>
      <div className="form-actions end">
        <button type="button" className="secondary" onClick={onClose} data-testid="item-close">
          {t('itemEdit.close')}
        </button>
      </div>
    </Dialog>
  );
}
