// A manager's PIN given at the counter, for what a cashier may not do alone (a big discount, a lower price, a return).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';

export interface ApprovalValue {
  staffId: string;
  pin: string;
}

export function ApprovalFields({
  value,
  onChange,
  autoFocus = false,
}: {
  value: ApprovalValue;
  onChange: (value: ApprovalValue) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const options = useQuery(trpc.staff.loginOptions.queryOptions());
  const managers = (options.data?.staff ?? []).filter((member) => member.role !== 'cashier');
  const staffId = value.staffId || managers[0]?.id || '';
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
          autoFocus={autoFocus}
          type="password"
          inputMode="numeric"
          data-testid="approval-pin"
          value={value.pin}
          onChange={(event) => onChange({ staffId, pin: event.target.value.replace(/\D/g, '') })}
        />
      </label>
    </fieldset>
  );
}
