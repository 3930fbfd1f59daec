import { describe, expect, it } from 'vitest';
import { nextRow, renderedIndices, visibleRange, type WindowSpec } from './virtual-window';

const spec: WindowSpec = { count: 10_000, itemHeight: 72, overscan: 4, renderAllUpTo: 100 };

describe('visibleRange', () => {
  it('renders the first screen plus the overscan below it at the top of the list', () => {
    expect(visibleRange({ offset: 0, height: 640 }, spec)).toEqual({ start: 0, end: 9 + 4 });
  });

  it('covers a partly visible row at each edge, plus the overscan', () => {
    // 1,000 px down: rows 13 (from 936 px) to 22 (to 1,656 px) are at least partly on screen.
    expect(visibleRange({ offset: 1000, height: 640 }, spec)).toEqual({ start: 13 - 4, end: 23 + 4 });
  });

  it('counts only the part of the screen below the list’s top when the list starts lower down', () => {
    expect(visibleRange({ offset: -200, height: 640 }, spec)).toEqual({ start: 0, end: 7 + 4 });
  });

  it('stops at the last row', () => {
    expect(visibleRange({ offset: 10_000 * 72 - 300, height: 640 }, spec)).toEqual({ start: 9995 - 4, end: 10_000 });
  });

  it('renders nothing when the list is scrolled entirely off screen or empty', () => {
    expect(visibleRange({ offset: 10_000 * 72 + 10, height: 640 }, spec)).toEqual({ start: 0, end: 0 });
    expect(visibleRange({ offset: -700, height: 640 }, spec)).toEqual({ start: 0, end: 0 });
    expect(visibleRange({ offset: 0, height: 640 }, { ...spec, count: 0 })).toEqual({ start: 0, end: 0 });
  });

  it('renders every row of a short list wherever the screen is', () => {
    expect(visibleRange({ offset: 5000, height: 640 }, { ...spec, count: 100 })).toEqual({ start: 0, end: 100 });
  });

  it('keeps the number of rendered rows bounded by the screen, not the list, over many positions', () => {
    const most = Math.ceil(640 / 72) + 1 + 2 * spec.overscan;
    for (let offset = -640; offset <= 10_000 * 72; offset += 997) {
      const { start, end } = visibleRange({ offset, height: 640 }, spec);
      expect(end - start).toBeLessThanOrEqual(most);
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(spec.count);
    }
  });
});

describe('renderedIndices', () => {
  it('adds the focused row when it lies outside the range, keeping the order', () => {
    expect(renderedIndices({ start: 10, end: 13 }, 2, 100)).toEqual([2, 10, 11, 12]);
    expect(renderedIndices({ start: 10, end: 13 }, 50, 100)).toEqual([10, 11, 12, 50]);
  });

  it('adds nothing when the focused row is already in range, or gone from the list', () => {
    expect(renderedIndices({ start: 10, end: 13 }, 11, 100)).toEqual([10, 11, 12]);
    expect(renderedIndices({ start: 10, end: 13 }, 120, 100)).toEqual([10, 11, 12]);
    expect(renderedIndices({ start: 10, end: 13 }, null, 100)).toEqual([10, 11, 12]);
  });
});

describe('nextRow', () => {
  it.each([
    ['ArrowDown', 5, 6],
    ['ArrowUp', 5, 4],
    ['ArrowUp', 0, 0],
    ['ArrowDown', 99, 99],
    ['PageDown', 5, 13],
    ['PageUp', 5, 0],
    ['Home', 50, 0],
    ['End', 5, 99],
    ['a', 5, null],
  ])('moves %s from row %i to %s', (key, from, to) => {
    expect(nextRow(key, from, 100, 8)).toBe(to);
  });
});
