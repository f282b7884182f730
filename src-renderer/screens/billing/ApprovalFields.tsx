// A manager's PIN given at the counter, for what a cashier may not do alone (a big discount, a lower price, a return).
import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { errorReason } from '../../app/errors';
import { APPROVAL_REFUSALS, type ApprovalRefusal } from '../../../src-shared/errors';

export interface ApprovalValue {
  staffId: string;
  pin: string;
}

/** Why the ledger refused the approval, if that is what `error` is; the form shows it here, not as a general error. */
export function approvalRefusal(error: unknown): ApprovalRefusal | null {
  const reason = errorReason(error);
  return (APPROVAL_REFUSALS as readonly string[]).includes(reason ?? '') ? (reason as ApprovalRefusal) : null;
}

export function ApprovalFields({
  value,
  onChange,
  error = null,
  autoFocus = false,
}: {
  value: ApprovalValue;
  onChange: (value: ApprovalValue) => void;
  /** The last failed call: a refused approval is said beside the PIN, and the PIN box takes focus for another try. */
  error?: unknown;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const pinBox = useRef<HTMLInputElement>(null);
  const options = useQuery(trpc.staff.loginOptions.queryOptions());
  const managers = (options.data?.staff ?? []).filter((member) => member.role !== 'cashier');
  const staffId = value.staffId || managers[0]?.id || '';
  const refusal = approvalRefusal(error);
  useEffect(() => {
    if (refusal) pinBox.current?.focus();
  }, [error, refusal]);
  return (
    <fieldset className="approval" data-testid="approval">
      <legend>{t('approval.title')}</legend>
      <label>
        {t('approval.manager')}
        <select
          value={staffId}
          onChange={(event) => onChange({ ...value, staffId: event.target.value })}
          data-testid="approval-manager"
        >
          {managers.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('approval.pin')}
        <input
          ref={pinBox}
          autoFocus={autoFocus}
          type="password"
          inputMode="numeric"
          data-testid="approval-pin"
          aria-invalid={refusal ? true : undefined}
          value={value.pin}
          onChange={(event) => onChange({ staffId, pin: event.target.value.replace(/\D/g, '') })}
        />
        {refusal && (
          <span className="field-error" role="alert" data-testid="approval-error">
            {t(`approval.refused.${refusal}`)}
          </span>
        )}
      </label>
    </fieldset>
  );
}
