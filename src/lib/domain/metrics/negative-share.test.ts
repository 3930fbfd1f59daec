import { describe, expect, it } from 'vitest';
import { MAX_SHARE_BUCKETS, negativeShareSeries, shareOf } from './negative-share';

const HOUR = 3_600_000;
const from = Date.UTC(2026, 11, 7, 0, 0, 0);

describe('negativeShareSeries', () => {
  it('gives every bucket its counts, zero where nobody wrote', () => {
    const counts = new Map([
      [0, { conversations: 4, negative: 1 }],
      [2, { conversations: 2, negative: 2 }],
    ]);
    expect(negativeShareSeries(counts, from, from + 3 * HOUR, HOUR, from + 10 * HOUR)).toEqual([
      { start: from, end: from + HOUR, conversations: 4, negative: 1 },
      { start: from + HOUR, end: from + 2 * HOUR, conversations: 0, negative: 0 },
      { start: from + 2 * HOUR, end: from + 3 * HOUR, conversations: 2, negative: 2 },
    ]);
  });

  it('never plots the future: a period that includes now stops at now', () => {
    const series = negativeShareSeries(new Map(), from, from + 24 * HOUR, HOUR, from + 2.5 * HOUR);
    expect(series).toHaveLength(3);
    expect(series.at(-1)?.end).toBe(from + 2.5 * HOUR);
    expect(negativeShareSeries(new Map(), from, from + HOUR, HOUR, from - 1)).toEqual([]);
  });

  it('caps the number of buckets and refuses a bucket size that is not positive', () => {
    expect(negativeShareSeries(new Map(), from, from + 10_000 * HOUR, HOUR, Infinity)).toHaveLength(MAX_SHARE_BUCKETS);
    expect(negativeShareSeries(new Map(), from, from + HOUR, 0, Infinity)).toEqual([]);
  });
});

describe('shareOf', () => {
  it.each([
    [{ conversations: 4, negative: 1 }, 0.25],
    [{ conversations: 0, negative: 0 }, 0],
    [{ conversations: 3, negative: 3 }, 1],
  ])('reads %j as %s', (point, share) => expect(shareOf(point)).toBe(share));
});
