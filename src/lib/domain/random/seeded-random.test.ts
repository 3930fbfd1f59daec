import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 50 }, seededRandom(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('stays in [0, 1) and spreads over it', () => {
    const next = seededRandom(1);
    const values = Array.from({ length: 10_000 }, () => next());
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const buckets = [0, 0, 0, 0];
    for (const value of values) buckets[Math.floor(value * 4)]!++;
    for (const count of buckets) expect(count).toBeGreaterThan(2_000);
  });
});
