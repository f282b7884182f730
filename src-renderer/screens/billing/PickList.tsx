// A list chosen from by keyboard while typing in the box above it: ↑/↓ move, Enter picks.
import type { KeyboardEvent, ReactNode } from 'react';

export interface PickOption {
  key: string;
  label: ReactNode;
  onPick: () => void;
}

/** Handles ↑/↓/Enter for the input that drives the list; returns true when it used the key. */
export function pickListKeys(
  event: KeyboardEvent,
  options: PickOption[],
  active: number,
  setActive: (index: number) => void,
): boolean {
  if (event.key === 'ArrowDown') setActive(Math.min(options.length - 1, active + 1));
  else if (event.key === 'ArrowUp') setActive(Math.max(0, active - 1));
  else if (event.key === 'Enter') options[active]?.onPick();
  else return false;
  event.preventDefault();
  return true;
}

export function PickList({ options, active, testId }: { options: PickOption[]; active: number; testId?: string }) {
  return (
    <ul className="pick-list" role="listbox" data-testid={testId}>
      {options.map((option, index) => (
        <li
          key={option.key}
          role="option"
          aria-selected={index === active}
          className={index === active ? 'picked' : ''}
          onClick={option.onPick}
        >
          {option.label}
        </li>
      ))}
    </ul>
  );
}
