// The report range every page shares: quick ranges, and From and To typed as dd-mm-yyyy (the URL keeps ISO dates).
import { useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { readShopDate } from '../../../src-shared/shop-time';
import { date } from '../format';
import { quickRanges, RANGE_PROBLEMS, readRange, type Range, type RangeProblems } from '../range';
import { Field } from './Field';

const shown = (range: Range): Range => ({ from: date(range.from), to: date(range.to) });

type DateBoxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  onChange: (typed: string) => void;
};

/** A dd-mm-yyyy box; the id and ARIA links its Field gives pass through to the input. */
export function DateBox({ value, onChange, ...linked }: DateBoxProps) {
  return (
    <input
      {...linked}
      type="text"
      // A phone shows its number pad; eight digits alone (02122026) read as a date too.
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd-mm-yyyy"
      maxLength={10}
      size={10}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onBlur={() => {
        const read = readShopDate(value);
        if ('date' in read) onChange(date(read.date));
      }}
    />
  );
}

/** readRange says a problem in English; it is said in the page's language by its key. */
const PROBLEM_KEYS = new Map(Object.entries(RANGE_PROBLEMS).map(([key, english]) => [english as string, key]));

export function RangePicker({ range, onApply }: { range: Range; onApply: (range: Range) => void }) {
  const { t } = useTranslation();
  const say = (problem: string | undefined) =>
    problem === undefined ? undefined : t(`range.problems.${PROBLEM_KEYS.get(problem) ?? ''}`, problem);
  const [typed, setTyped] = useState(() => shown(range));
  const [problems, setProblems] = useState<RangeProblems>({});
  const [applied, setApplied] = useState(range);
  if (applied.from !== range.from || applied.to !== range.to) {
    setApplied(range);
    setTyped(shown(range));
    setProblems({});
  }
  const apply = () => {
    const read = readRange(typed);
    if ('problems' in read) setProblems(read.problems);
    else onApply(read.range);
  };
  return (
    <form
      className="range"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <div className="quick-ranges" role="group" aria-label={t('range.quickRanges')}>
        {quickRanges().map((quick) => (
          <button
            key={quick.id}
            type="button"
            className="small secondary"
            aria-pressed={quick.range.from === range.from && quick.range.to === range.to}
            onClick={() => onApply(quick.range)}
          >
            {t(`range.quick.${quick.id}`, quick.label)}
          </button>
        ))}
      </div>
      <Field label={t('range.from')} problem={say(problems.from)}>
        <DateBox value={typed.from} onChange={(from) => setTyped({ ...typed, from })} />
      </Field>
      <Field label={t('range.to')} problem={say(problems.to)}>
        <DateBox value={typed.to} onChange={(to) => setTyped({ ...typed, to })} />
      </Field>
      <button type="submit" className="small">
        {t('range.apply')}
      </button>
    </form>
  );
}
