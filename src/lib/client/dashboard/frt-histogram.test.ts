import { describe, expect, it } from 'vitest';
import { FRT_EDGES_MIN, frtHistogram } from './frt-histogram';

const min = (n: number) => n * 60_000;

describe('frtHistogram', () => {
  it('puts each response time in the bin whose lower edge it reaches', () => {
    const bins = frtHistogram([0, min(0.99), min(1), min(4), min(14.5), min(45), min(60), min(239), min(240), min(5000)]);
    expect(bins.map((bin) => [bin.fromMin, bin.toMin, bin.count])).toEqual([
      [0, 1, 2],
      [1, 5, 2],
      [5, 15, 1],
      [15, 30, 0],
      [30, 60, 1],
      [60, 240, 2],
      [240, null, 2],
    ]);
  });

  it('drops negative and unreadable durations', () => {
    expect(frtHistogram([-1, Number.NaN, Infinity]).every((bin) => bin.count === 0)).toBe(true);
  });

  it('keeps every valid duration exactly once over many generated cases', () => {
    const values = Array.from({ length: 2000 }, (_, i) => ((i * 7919) % 20_000) * 1000);
    const bins = frtHistogram(values);
    expect(bins).toHaveLength(FRT_EDGES_MIN.length);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(values.length);
  });
});
