import { describe, expect, it } from 'vitest';
import { complexityPointsOf, handleTimesByIntent, type ResolvedDuration } from './expected-complexity';

const minutes = (intent: string, ...values: number[]): ResolvedDuration[] => values.map((m) => ({ intent, resolutionMs: m * 60_000 }));

describe('handleTimesByIntent', () => {
  it('gives each intent the median of its resolved conversations, in minutes', () => {
    expect(handleTimesByIntent([...minutes('cards', 30, 600, 45), ...minutes('billing', 5, 7, 9, 11)])).toEqual({
      billing: { medianMinutes: 8, resolved: 4 },
      cards: { medianMinutes: 45, resolved: 3 },
    });
  });

  it('leaves out an intent with fewer than three resolved conversations, and durations that are missing or zero', () => {
    expect(handleTimesByIntent([...minutes('rare', 100, 200), ...minutes('cards', 10, 0, Number.NaN, 20, 30)])).toEqual({
      cards: { medianMinutes: 20, resolved: 3 },
    });
  });

  it('is not moved by one very slow conversation', () => {
    expect(handleTimesByIntent(minutes('cards', 10, 12, 14, 10_000)).cards!.medianMinutes).toBe(13);
  });
});

describe('complexityPointsOf', () => {
  it.each([
    [{ intentName: 'Cards', medianMinutes: 300 }, 180, 20, 20],
    [{ intentName: 'Cards', medianMinutes: 180 }, 180, 20, 20],
    [{ intentName: 'Cards', medianMinutes: 179 }, 180, 20, 0],
    [{ intentName: 'Cards', medianMinutes: 300 }, 0, 20, 0],
    [{ intentName: 'Cards', medianMinutes: 300 }, 180, 0, 0],
    [null, 180, 20, 0],
  ])('%o with a threshold of %i minutes and %i points scores %i', (expected, minMinutes, points, scored) => {
    expect(complexityPointsOf(expected, minMinutes, points)).toBe(scored);
  });
});
