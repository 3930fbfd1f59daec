import { describe, expect, it } from 'vitest';
import { addDays, civilFromDays, daysFromCivil, formatIsoDate, localAt, parseClock, parseIsoDate, wallClockMs, weekdayIndexOf } from './civil-date';

describe('civil dates', () => {
  it('agrees with the Gregorian calendar of Date.UTC for every day from 1900 to 2100', () => {
    const wrong: number[] = [];
    for (let days = daysFromCivil(1900, 1, 1); days <= daysFromCivil(2100, 12, 31); days++) {
      const date = civilFromDays(days);
      if (Date.UTC(date.year, date.month - 1, date.day) !== days * 86_400_000 || daysFromCivil(date.year, date.month, date.day) !== days) wrong.push(days);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['2026-06-15', 0],
    ['2026-06-18', 3],
    ['2026-06-21', 6],
    ['1970-01-01', 3],
    ['2000-02-29', 1],
  ])('knows %s falls on weekday index %i (Monday is 0)', (iso, weekday) => {
    expect(weekdayIndexOf(parseIsoDate(iso)!)).toBe(weekday);
  });

  it('steps across month, year and leap-day boundaries', () => {
    expect(formatIsoDate(addDays({ year: 2028, month: 2, day: 28 }, 1))).toBe('2028-02-29');
    expect(formatIsoDate(addDays({ year: 2026, month: 12, day: 31 }, 1))).toBe('2027-01-01');
    expect(formatIsoDate(addDays({ year: 2026, month: 3, day: 1 }, -1))).toBe('2026-02-28');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '26-01-01', '2026-1-1', ''])('refuses %j as a date', (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });

  it.each([
    ['00:00', false, 0],
    ['09:30', false, 570],
    ['23:59', false, 1439],
    ['24:00', true, 1440],
    ['24:00', false, null],
    ['24:01', true, null],
    ['9:30', false, null],
    ['12:60', false, null],
  ] as const)('reads %s (24:00 allowed: %s) as %s minutes', (text, allow, minutes) => {
    expect(parseClock(text, allow)).toBe(minutes);
  });

  it('rolls minutes past midnight into the next day and reads the wall clock as if it were UTC', () => {
    expect(localAt({ year: 2026, month: 12, day: 31 }, 1440 + 90)).toEqual({ year: 2027, month: 1, day: 1, hour: 1, minute: 30, second: 0 });
    expect(wallClockMs({ year: 2026, month: 6, day: 15, hour: 9, minute: 1, second: 5 })).toBe(Date.UTC(2026, 5, 15, 9, 1, 5));
  });
});
