// The chaos test's one source of chance: a seed from CHAOS_SEED (or picked and printed), and a PRNG every choice draws on.

/** CHAOS_SEED when set; otherwise a fresh seed, printed at once so a failing run can be replayed with it. */
export function chaosSeed(fromEnv: string | undefined): number {
  if (fromEnv !== undefined && fromEnv !== '') {
    const seed = Number(fromEnv);
    if (!Number.isSafeInteger(seed)) throw new Error(`CHAOS_SEED must be a whole number, not "${fromEnv}"`);
    return seed;
  }
  const seed = Math.floor(Math.random() * 1_000_000);
  console.info(`chaos: seed ${seed} (replay this run with CHAOS_SEED=${seed})`);
  return seed;
}

/** mulberry32: a tiny seeded PRNG, so the network's, the kills' and the counters' chance all replay from one seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
