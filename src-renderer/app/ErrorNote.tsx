// An error line under a form, with its field or row details when the ledger gave them.
import { shownError } from './errors';

export function ErrorNote({ error, testId = 'error' }: { error: unknown; testId?: string }) {
  const shown = shownError(error);
  if (!shown) return null;
  return (
    <div className="error" role="alert" data-testid={testId}>
      <div>{shown.message}</div>
      {shown.details.length > 0 && (
        <ul className="error-details">
          {shown.details.slice(0, 50).map((detail, index) => (
            <li key={index}>
              {detail.row !== undefined && <strong>Row {detail.row}: </strong>}
              {detail.path && <code>{detail.path}</code>} {detail.message}
            </li>
          ))}
          {shown.details.length > 50 && <li>… {shown.details.length - 50} more</li>}
        </ul>
      )}
    </div>
  );
}
