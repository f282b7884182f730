// Range picker of the reports screen: preset buttons (Tab to reach, Enter to pick) and two date fields for a custom range.
import { useTranslation } from 'react-i18next';
import { PRESETS, presetRange, type DayRange, type Preset } from './range';

export function RangeBar({
  preset,
  range,
  onChange,
}: {
  preset: Preset;
  range: DayRange;
  onChange: (preset: Preset, range: DayRange) => void;
}) {
  const { t } = useTranslation();
  const pick = (next: Preset) => onChange(next, next === 'custom' ? range : presetRange(next, new Date()));
  return (
    <div className="toolbar report-range" role="group" aria-label={t('reports.range')}>
      {PRESETS.map((name, index) => (
        <button
          key={name}
          type="button"
          autoFocus={index === 0}
          className={preset === name ? 'range-button active' : 'range-button'}
          aria-pressed={preset === name}
          data-testid={`range-${name}`}
          onClick={() => pick(name)}
        >
          {t(`reports.presets.${name}`)}
        </button>
      ))}
      <label>
        {t('reports.from')}{' '}
        <input
          type="date"
          data-testid="range-from"
          value={range.from}
          onChange={(event) => onChange('custom', { ...range, from: event.target.value })}
        />
      </label>
      <label>
        {t('reports.to')}{' '}
        <input
          type="date"
          data-testid="range-to"
          value={range.to}
          onChange={(event) => onChange('custom', { ...range, to: event.target.value })}
        />
      </label>
    </div>
  );
}
