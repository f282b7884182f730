// Staged rollout: a counter's place in line (0–99) is a hash of its id, so it is stable across checks and restarts,
// and raising a release's percentage only ever adds counters. The same counters lead every release: they are the
// shop's canaries, and support knows which ones they are.
import { createHash } from 'node:crypto';
import { rcompare } from 'semver';
import type { Release } from './schema';

export function rolloutBucket(counterId: string): number {
  return createHash('sha256').update(`galla-rollout:${counterId}`).digest().readUInt32BE(0) % 100;
}

/** A counter we cannot identify sees only releases that have reached everyone. */
export function isOffered(release: Pick<Release, 'rolloutPercent'>, bucket: number | null): boolean {
  if (release.rolloutPercent >= 100) return true;
  return bucket !== null && bucket < release.rolloutPercent;
}

/** The newest release this counter is offered, or null. */
export function chooseRelease<R extends Pick<Release, 'version' | 'rolloutPercent'>>(
  candidates: R[],
  bucket: number | null,
): R | null {
  return (
    [...candidates].sort((a, b) => rcompare(a.version, b.version)).find((release) => isOffered(release, bucket)) ?? null
  );
}
