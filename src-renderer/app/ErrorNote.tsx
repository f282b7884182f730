// An error line under a form, with its row details when the ledger gave them (field names stay out of sight: forms place those beside the field).
import { useTranslation } from 'react-i18next';
import { shownError } from './errors';

export function ErrorNote({ error, testId = 'error' }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  const shown = shownError(error);
  if (!shown) return null;
  const listed = shown.details.filter((detail) => detail.message !== shown.message || detail.row !== undefined);
  return (
    <div className="error" role="alert" data-testid={testId}>
      <div>{shown.message}</div>
      {listed.length > 0 && (
        <ul className="error-details">
          {listed.slice(0, 50).map((detail, index) => (
            <li key={index}>
              {detail.row !== undefined && <strong>{t('errors.row', { row: detail.row })}: </strong>}
              {detail.message}
            </li>
          ))}
          {listed.length > 50 && <li>{t('common.more', { count: listed.length - 50 })}</li>}
        </ul>
      )}
    </div>
  );
}
