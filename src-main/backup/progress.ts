// Where a backup or restore is, for the progress bar: the UI polls backup.progress while the mutation runs.
export type BackupPhase =
  'idle' | 'copying' | 'encrypting' | 'uploading' | 'downloading' | 'decrypting' | 'verifying' | 'done' | 'failed';

export interface BackupProgress {
  operation: 'backup' | 'restore' | null;
  phase: BackupPhase;
  /** 0–100 over the whole operation, never going back. */
  percent: number;
  message: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export const IDLE: BackupProgress = {
  operation: null,
  phase: 'idle',
  percent: 0,
  message: null,
  startedAt: null,
  finishedAt: null,
};

/** Each phase owns a slice of the bar; a phase's own fraction fills its slice. */
const SLICES: Record<'backup' | 'restore', Partial<Record<BackupPhase, [number, number]>>> = {
  backup: { copying: [0, 40], encrypting: [40, 85], uploading: [85, 100] },
  restore: { downloading: [0, 40], decrypting: [40, 75], verifying: [75, 100] },
};

export class ProgressTracker {
  private state: BackupProgress = IDLE;

  constructor(private readonly now: () => Date) {}

  get current(): BackupProgress {
    return this.state;
  }

  start(operation: 'backup' | 'restore'): void {
    this.state = {
      operation,
      phase: 'idle',
      percent: 0,
      message: null,
      startedAt: this.now().toISOString(),
      finishedAt: null,
    };
  }

  step(phase: BackupPhase, done = 0, total = 1): void {
    const slice = this.state.operation ? SLICES[this.state.operation][phase] : undefined;
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const percent = slice ? Math.round(slice[0] + (slice[1] - slice[0]) * fraction) : this.state.percent;
    this.state = { ...this.state, phase, percent: Math.max(this.state.percent, percent) };
  }

  finish(outcome: 'done' | 'failed', message: string | null): void {
    this.state = {
      ...this.state,
      phase: outcome,
      percent: outcome === 'done' ? 100 : this.state.percent,
      message,
      finishedAt: this.now().toISOString(),
    };
  }
}
