import { describe, expect, it } from 'vitest';
import { median, percentile } from './percentile';

const oneToTen = [7, 3, 10, 1, 9, 2, 8, 4, 6, 5];

describe('percentile (nearest rank)', () => {
  it.each([
    ['no values', [], 50, null],
    ['one value, p0', [42], 0, 42],
    ['one value, p50', [42], 50, 42],
    ['one value, p100', [42], 100, 42],
    ['1..10, p0 (the minimum)', oneToTen, 0, 1],
    ['1..10, p10', oneToTen, 10, 1],
    ['1..10, p50', oneToTen, 50, 5],
    ['1..10, p90', oneToTen, 90, 9],
    ['1..10, p91 (the next rank up)', oneToTen, 91, 10],
    ['1..10, p100 (the maximum)', oneToTen, 100, 10],
    ['two values, p50 (the lower one, never a blend)', [10, 20], 50, 10],
    ['a p above 100 (clamped)', oneToTen, 250, 10],
    ['a negative p (clamped)', oneToTen, -5, 1],
    ['a NaN p (as 0)', oneToTen, Number.NaN, 1],
    ['values with NaN and Infinity (dropped)', [Number.NaN, 4, Infinity, 2], 100, 4],
    ['only non-finite values', [Number.NaN, -Infinity], 50, null],
  ])('of %s is %s', (_, values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('median', () => {
  it.each([
    ['no values', [], null],
    ['one value', [7], 7],
    ['an odd count', [3, 1, 2], 2],
    ['an even count (the mean of the middle two)', [4, 1, 3, 2], 2.5],
    ['values with NaN (dropped)', [Number.NaN, 5, 1], 3],
  ])('of %s is %s', (_, values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
