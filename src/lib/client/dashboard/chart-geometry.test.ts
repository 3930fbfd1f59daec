import { describe, expect, it } from 'vitest';
import { barRects, linePaths, niceCeiling } from './chart-geometry';

describe('niceCeiling', () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [11, 20],
    [180, 200],
    [501, 1000],
  ])('rounds %d up to %d', (max, nice) => {
    expect(niceCeiling(max)).toBe(nice);
  });
});

describe('linePaths', () => {
  const plot = { width: 100, height: 50 };

  it('spreads the points across the width, zero at the bottom', () => {
    expect(linePaths([0, 10, 5], plot, 10)).toEqual({ line: 'M0 50 L50 0 L100 25', area: 'M0 50 L50 0 L100 25 L100 50 L0 50 Z' });
  });

  it('draws a single point as a flat line', () => {
    expect(linePaths([5], plot, 10).line).toBe('M0 25 L100 25');
  });

  it('draws nothing for no data', () => {
    expect(linePaths([], plot, 10)).toEqual({ line: '', area: '' });
  });
});

describe('barRects', () => {
  it('gives each value an equal slot and a height in proportion', () => {
    expect(barRects([4, 2], { width: 100, height: 40 }, 4, 0.2)).toEqual([
      { x: 5, y: 0, width: 40, height: 40 },
      { x: 55, y: 20, width: 40, height: 20 },
    ]);
  });
});
