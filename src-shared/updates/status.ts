// What the counter shows about updates (the status bar and the update prompt read this).
import type { AttemptOutcome, HoldReason } from './policy';

export type UpdatePhase = 'off' | 'idle' | 'checking' | 'downloading' | 'ready' | 'installing' | 'failed';

export interface UpdateStatus {
  phase: UpdatePhase;
  runningVersion: string;
  /** A newer version the server offered (downloading or ready). */
  availableVersion: string | null;
  lastCheckAt: string | null;
  nextCheckAt: string | null;
  /** Why a ready update is not being installed right now. */
  waitingFor: HoldReason | null;
  /** The last check, download or install that failed; the running version carries on. */
  error: string | null;
  /** How the install tried at the previous start went. */
  lastInstall: AttemptOutcome;
}
