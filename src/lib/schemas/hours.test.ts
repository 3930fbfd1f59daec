import { describe, expect, it } from 'vitest';
import { intlTimeZone } from '../client/intl-time-zone';
import { validateSchedule } from './hours';

const valid = {
  timezone: 'Europe/Madrid',
  weekly: {
    mon: [
      { start: '09:00', end: '13:00' },
      { start: '15:00', end: '19:00' },
    ],
    fri: [{ start: '22:00', end: '06:00' }],
    sat: [{ start: '10:00', end: '24:00' }],
  },
  holidays: [{ date: '2026-12-25', recurring: true, name: 'Christmas' }, { date: '2026-04-03' }],
  special_dates: [{ date: '2026-12-24', intervals: [{ start: '10:00', end: '14:00' }], name: 'Christmas Eve' }],
};
const withChange = (change: Record<string, unknown>) => ({ ...valid, ...change });
const errorsOf = (input: unknown) => {
  const result = validateSchedule(input, intlTimeZone);
  return result.ok ? {} : Object.fromEntries(Object.entries(result.errors).map(([path, error]) => [path, error.code]));
};

describe('validateSchedule', () => {
  it('accepts split shifts, overnight spans, 24:00 ends, holidays and special dates, filling defaults', () => {
    const result = validateSchedule(valid, intlTimeZone);
    expect(result).toMatchObject({ ok: true, schedule: { timezone: 'Europe/Madrid', holidays: [{ recurring: true }, { recurring: false }] } });
    expect(validateSchedule({ timezone: 'Asia/Kolkata', weekly: {} }, intlTimeZone)).toEqual({
      ok: true,
      schedule: { timezone: 'Asia/Kolkata', weekly: {}, holidays: [], special_dates: [] },
    });
  });

  it.each([
    ['an unknown time zone', withChange({ timezone: 'Mars/Olympus_Mons' }), { timezone: 'unknown-timezone' }],
    ['a zone in the wrong case', withChange({ timezone: 'europe/madrid' }), { timezone: 'unknown-timezone' }],
    ['an empty time zone', withChange({ timezone: '' }), { timezone: 'required' }],
    ['a missing time zone', { weekly: {} }, { timezone: 'required' }],
    ['a time that is not HH:MM', withChange({ weekly: { mon: [{ start: '9:00', end: '13:00' }] } }), { 'weekly.mon.0.start': 'invalid-time' }],
    ['24:00 as a start', withChange({ weekly: { mon: [{ start: '24:00', end: '13:00' }] } }), { 'weekly.mon.0.start': 'invalid-time' }],
    ['24:30 as an end', withChange({ weekly: { mon: [{ start: '09:00', end: '24:30' }] } }), { 'weekly.mon.0.end': 'invalid-time' }],
    [
      'an interval that starts and ends together',
      withChange({
        weekly: {
          mon: [
            { start: '09:00', end: '13:00' },
            { start: '15:00', end: '15:00' },
          ],
        },
      }),
      { 'weekly.mon.1.end': 'empty-interval' },
    ],
    [
      'overlapping intervals on one day',
      withChange({
        weekly: {
          tue: [
            { start: '09:00', end: '13:00' },
            { start: '12:00', end: '14:00' },
          ],
        },
      }),
      { 'weekly.tue.1.start': 'overlapping-intervals' },
    ],
    ['an unknown weekday', withChange({ weekly: { funday: [] } }), { 'weekly.funday': 'unknown-weekday' }],
    ['an unknown field', withChange({ holiday: [] }), { holiday: 'unknown-field' }],
    ['an impossible date', withChange({ holidays: [{ date: '2026-02-29' }] }), { 'holidays.0.date': 'invalid-date' }],
    ['a holiday entered twice', withChange({ holidays: [{ date: '2026-04-03' }, { date: '2026-04-03' }] }), { 'holidays.1.date': 'duplicate-date' }],
    ['a special date without intervals', withChange({ special_dates: [{ date: '2026-12-24', intervals: [] }] }), { 'special_dates.0.intervals': 'too-small' }],
    [
      'a special date that is also a one-off holiday',
      withChange({ special_dates: [{ date: '2026-04-03', intervals: [{ start: '10:00', end: '12:00' }] }] }),
      { 'special_dates.0.date': 'conflicting-date' },
    ],
  ])('refuses %s with a field error', (_, input, errors) => {
    expect(errorsOf(input)).toEqual(errors);
  });

  it('reports the zone and structural problems together, in PocketBase’s shape', () => {
    const result = validateSchedule(withChange({ timezone: 'Nowhere/City', weekly: { mon: [{ start: '09:00', end: '09:00' }] } }), intlTimeZone);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['timezone', 'weekly.mon.0.end']);
    expect(result.errors.timezone).toEqual({ code: 'unknown-timezone', message: expect.any(String) });
  });

  it('allows a special date on a recurring holiday, which it overrides that year', () => {
    expect(validateSchedule(withChange({ special_dates: [{ date: '2026-12-25', intervals: [{ start: '10:00', end: '12:00' }] }] }), intlTimeZone).ok).toBe(
      true,
    );
  });
});
