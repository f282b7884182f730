// The bill's e-invoice as the server last told this counter: its IRN and acknowledgement, that it was cancelled, or
// the IRP's code and message when it refused the bill (so the cashier can tell the owner what to correct).
import { useTranslation } from 'react-i18next';
import { ackDateTime } from '../../../src-shared/gst/einvoice';
import { shopDateTime } from '../../../src-shared/shop-time';
import type { Outputs } from '../../app/trpc';

type DocumentEinvoice = NonNullable<Outputs['sales']['get']['einvoice']>;

const TONE = {
  pending: 'warning',
  generated: 'notice',
  refused: 'error',
  expired: 'error',
  cancelled: 'warning',
} as const;

export function EinvoiceState({ einvoice }: { einvoice: DocumentEinvoice }) {
  const { t } = useTranslation();
  return (
    <section className={`einvoice-state ${TONE[einvoice.status]}`} data-testid="einvoice-state">
      <strong>
        {t('einvoice.title')}: {t(`einvoice.status.${einvoice.status}`)}
        {einvoice.status === 'cancelled' && einvoice.cancelledAt && ` (${shopDateTime(einvoice.cancelledAt)})`}
      </strong>
      {einvoice.irn && (
        <dl className="einvoice-facts">
          <dt>{t('einvoice.irn')}</dt>
          <dd data-testid="einvoice-irn">{einvoice.irn}</dd>
          <dt>{t('einvoice.ackNo')}</dt>
          <dd data-testid="einvoice-ack-no">{einvoice.ackNo}</dd>
          <dt>{t('einvoice.ackDate')}</dt>
          <dd data-testid="einvoice-ack-date">{ackDateTime(einvoice.ackDt)}</dd>
        </dl>
      )}
      {einvoice.errorCode && einvoice.status !== 'generated' && einvoice.status !== 'cancelled' && (
        <div data-testid="einvoice-refusal">
          {t('einvoice.irpSaid', { code: einvoice.errorCode, message: einvoice.errorMessage ?? '' })}
        </div>
      )}
    </section>
  );
}
