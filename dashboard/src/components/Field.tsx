// A labelled form box with its problem said right beside it (and tied to it for screen readers).
import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';

interface Props {
  label: string;
  /** What is wrong, in English (and Hindi beneath it when the page gives both). */
  problem?: ReactNode;
  hint?: ReactNode;
  /** One input, select or textarea; it gets the id and the ARIA links. */
  children: ReactElement<Record<string, unknown>>;
}

export function Field({ label, problem, hint, children }: Props) {
  const id = useId();
  const problemId = `${id}-problem`;
  return (
    <div className={`field${problem ? ' has-problem' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': problem ? true : undefined,
        'aria-describedby': problem ? problemId : undefined,
      })}
      {hint && !problem && <span className="hint">{hint}</span>}
      {problem && (
        <span className="problem" id={problemId} role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
