import { describe, expect, it } from 'vitest';
import { figureText, type FigureWords } from './figure-text';

const words: FigureWords = {
  none: '—',
  pending: 'Loading…',
  seconds: (n) => `${n} s`,
  minutes: (n) => `${n} min`,
  hours: (n) => `${n} h`,
  hoursMinutes: (h, m) => `${h} h ${m} min`,
  ofFive: (n) => `${n} / 5`,
};

describe('figureText', () => {
  it.each([
    [{ key: 'frtMedian', unit: 'duration', value: 45_000 }, '45 s'],
    [{ key: 'frtMedian', unit: 'duration', value: 12 * 60_000 }, '12 min'],
    [{ key: 'frtMedian', unit: 'duration', value: 185 * 60_000 }, '3 h 5 min'],
    [{ key: 'frtMedian', unit: 'duration', value: 240 * 60_000 }, '4 h'],
    [{ key: 'firstContactResolution', unit: 'rate', value: 0.5 }, '50%'],
    [{ key: 'qaScore', unit: 'percent', value: 72.5 }, '73%'],
    [{ key: 'csat', unit: 'rating', value: 4.25 }, '4.3 / 5'],
    [{ key: 'opened', unit: 'count', value: 1200 }, '1,200'],
    [{ key: 'repliesPerConversation', unit: 'decimal', value: 2.25 }, '2.3'],
    [{ key: 'csat', unit: 'rating', value: null }, '—'],
  ] as const)('writes %j as %s', (figure, text) => {
    expect(figureText(figure, words, 'en')).toBe(text);
  });

  it('uses the reader’s number format', () => {
    expect(figureText({ key: 'opened', unit: 'count', value: 1200 }, words, 'es')).toMatch(/^1\.?200$/);
  });

  it('says a pending figure is loading rather than missing', () => {
    expect(figureText({ key: 'handleTime', unit: 'duration', value: null, pending: true }, words, 'en')).toBe('Loading…');
  });
});
