// The GST states and union territories by name, stored as their two-digit code (the start of every GSTIN there).
import type { ChangeEvent, SelectHTMLAttributes } from 'react';
import { INDIAN_STATE_CODES } from '../../../src-shared/gst/gstin';

/** Codes that no longer name a place a new shop registers in. */
const RETIRED = new Set(['25', '28']);
const STATES = Object.entries(INDIAN_STATE_CODES)
  .filter(([code]) => !RETIRED.has(code))
  .sort(([, a], [, b]) => a.localeCompare(b));

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: string;
  onChange: (code: string) => void;
};

export function StateSelect({ value, onChange, ...rest }: Props) {
  return (
    <select {...rest} value={value} onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}>
      <option value="">Choose the state…</option>
      {STATES.map(([code, name]) => (
        <option key={code} value={code}>
          {name} ({code})
        </option>
      ))}
      {RETIRED.has(value) && <option value={value}>{INDIAN_STATE_CODES[value]}</option>}
    </select>
  );
}
