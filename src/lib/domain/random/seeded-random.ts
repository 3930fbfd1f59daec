/**
 * A small seeded PRNG (mulberry32): the same seed gives the same sequence on every run, machine and runtime (Node,
 * the worker's training thread, PocketBase's VM), so a trained model, a bench's texts or a generated test case can
 * be reproduced.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
