import { describe, expect, it } from 'vitest';
import { intlTimeZone as port } from '../../client/intl-time-zone';
import { businessMinutesBetween, closedPeriodKey, closedPeriodStart, describeOpening, isOpenAt, nextClosing, nextOpening } from './business-hours';
import type { BusinessSchedule, Holiday, SpecialDate, Weekday } from './schedule';

// Compact fixtures: { mon: '09:00-13:00 15:00-19:00' }, special dates as { '2026-06-20': '10:00-14:00' }.
const intervals = (spec: string) => spec.split(' ').map((pair) => ({ start: pair.slice(0, 5), end: pair.slice(6) }));
function schedule(
  days: Partial<Record<Weekday, string>>,
  extra: { holidays?: Holiday[]; special?: Record<string, string>; zone?: string } = {},
): BusinessSchedule {
  return {
    timezone: extra.zone ?? 'Europe/Madrid',
    weekly: Object.fromEntries(Object.entries(days).map(([day, spec]) => [day, intervals(spec)])),
    holidays: extra.holidays ?? [],
    special_dates: Object.entries(extra.special ?? {}).map(([date, spec]): SpecialDate => ({ date, intervals: intervals(spec) })),
  };
}
const at = (iso: string) => Date.parse(iso);
const splitShift = '09:00-13:00 15:00-19:00';
const office = schedule({ mon: splitShift, tue: splitShift, wed: splitShift, thu: splitShift, fri: splitShift });
const everyDay = (spec: string) => schedule({ mon: spec, tue: spec, wed: spec, thu: spec, fri: spec, sat: spec, sun: spec });

// 2026-06-15 is a Monday; Madrid is on CEST (+02:00) all June.
describe('split shifts', () => {
  it.each([
    ['2026-06-15T08:59+02:00', false],
    ['2026-06-15T09:00+02:00', true],
    ['2026-06-15T12:59:59+02:00', true],
    ['2026-06-15T13:00+02:00', false],
    ['2026-06-15T14:30+02:00', false],
    ['2026-06-15T15:00+02:00', true],
    ['2026-06-15T19:00+02:00', false],
    ['2026-06-20T10:00+02:00', false],
  ])('at %s the office is open: %s', (instant, open) => {
    expect(isOpenAt(office, at(instant), port)).toBe(open);
  });

  it.each([
    ['during the lunch break', '2026-06-15T13:30+02:00', '2026-06-15T15:00+02:00'],
    ['during the morning shift (the opening after this one)', '2026-06-15T10:00+02:00', '2026-06-15T15:00+02:00'],
    ['exactly at an opening', '2026-06-15T09:00+02:00', '2026-06-15T09:00+02:00'],
    ['on Friday evening (over the weekend)', '2026-06-19T19:30+02:00', '2026-06-22T09:00+02:00'],
  ])('finds the next opening %s', (_, instant, opening) => {
    expect(nextOpening(office, at(instant), port)).toBe(at(opening));
  });

  it.each([
    ['in the morning shift', '2026-06-15T10:00+02:00', '2026-06-15T13:00+02:00'],
    ['during the lunch break (the afternoon shift ends)', '2026-06-15T13:30+02:00', '2026-06-15T19:00+02:00'],
  ])('finds the next closing %s', (_, instant, closing) => {
    expect(nextClosing(office, at(instant), port)).toBe(at(closing));
  });
});

describe('overnight spans', () => {
  const bar = schedule({ fri: '22:00-06:00', sat: '22:00-06:00' });

  it.each([
    ['Friday 21:59', '2026-06-19T21:59+02:00', false],
    ['Friday 23:00', '2026-06-19T23:00+02:00', true],
    ['Saturday 03:00, which belongs to Friday', '2026-06-20T03:00+02:00', true],
    ['Saturday 06:00', '2026-06-20T06:00+02:00', false],
    ['Sunday 05:59, which belongs to Saturday', '2026-06-21T05:59+02:00', true],
    ['Monday 03:00 (Sunday has no span)', '2026-06-22T03:00+02:00', false],
  ])('at %s the bar is open: %s', (_, instant, open) => {
    expect(isOpenAt(bar, at(instant), port)).toBe(open);
  });

  it('closes a span that started the day before at its end on the next day', () => {
    expect(nextClosing(bar, at('2026-06-19T23:00+02:00'), port)).toBe(at('2026-06-20T06:00+02:00'));
  });

  it('reads an end of 00:00 as midnight after the start, like 24:00', () => {
    const late = schedule({ fri: '18:00-00:00' });
    expect(nextClosing(late, at('2026-06-19T20:00+02:00'), port)).toBe(at('2026-06-20T00:00+02:00'));
    expect(nextClosing(schedule({ fri: '18:00-24:00' }), at('2026-06-19T20:00+02:00'), port)).toBe(at('2026-06-20T00:00+02:00'));
  });

  it('merges whole days and overlapping spans into one open period', () => {
    const twoDays = schedule({ mon: '00:00-24:00', tue: '00:00-24:00' });
    expect(nextClosing(twoDays, at('2026-06-15T10:00+02:00'), port)).toBe(at('2026-06-17T00:00+02:00'));
    expect(describeOpening(twoDays, at('2026-06-16T23:00+02:00'), port)).toEqual({ open: true, closesAt: at('2026-06-17T00:00+02:00') });
    const overlapping = schedule({ fri: '22:00-06:00', sat: '05:00-09:00' });
    expect(nextClosing(overlapping, at('2026-06-19T23:00+02:00'), port)).toBe(at('2026-06-20T09:00+02:00'));
  });
});

describe('holidays and special dates', () => {
  const withHolidays = schedule(
    { mon: splitShift, tue: splitShift, wed: splitShift, thu: splitShift, fri: splitShift },
    {
      holidays: [
        { date: '2026-06-16', name: 'Local fair' },
        { date: '2025-12-25', recurring: true, name: 'Christmas' },
        { date: '2030-01-06', recurring: true, name: 'Epiphany' },
        { date: '2020-12-24', recurring: true },
      ],
      special: { '2026-06-20': '10:00-14:00', '2026-06-17': '12:00-13:00', '2026-12-24': '10:00-14:00' },
    },
  );

  it.each([
    ['a one-off holiday closes its date', '2026-06-16T10:00+02:00', false],
    ['a one-off holiday does not repeat the next year', '2027-06-16T10:00+02:00', true],
    ['a recurring holiday closes later years', '2026-12-25T10:00+01:00', false],
    ['a recurring holiday also closes years before the one it was entered with', '2026-01-06T10:00+01:00', false],
    ['a special date opens a Saturday', '2026-06-20T11:00+02:00', true],
    ['a special date replaces its weekday hours (closed at 10:00)', '2026-06-17T10:00+02:00', false],
    ['a special date replaces its weekday hours (open at 12:30)', '2026-06-17T12:30+02:00', true],
    ['a special date wins over a recurring holiday that year', '2026-12-24T11:00+01:00', true],
    ['the recurring holiday still closes other years', '2027-12-24T11:00+01:00', false],
  ])('%s', (_, instant, open) => {
    expect(isOpenAt(withHolidays, at(instant), port)).toBe(open);
  });

  it('lets a span that started the evening before a holiday run to its end, and skips the holiday’s own span', () => {
    const nights = schedule({ mon: '22:00-02:00', tue: '22:00-02:00', wed: '22:00-02:00' }, { holidays: [{ date: '2026-06-16' }] });
    expect(isOpenAt(nights, at('2026-06-16T01:00+02:00'), port)).toBe(true);
    expect(isOpenAt(nights, at('2026-06-16T23:00+02:00'), port)).toBe(false);
    expect(isOpenAt(nights, at('2026-06-17T01:00+02:00'), port)).toBe(false);
  });

  it('finds the next opening over a long Easter weekend', () => {
    const easter = schedule(
      { mon: splitShift, tue: splitShift, wed: splitShift, thu: splitShift, fri: splitShift },
      { holidays: [{ date: '2026-04-03' }, { date: '2026-04-06' }] },
    );
    expect(nextOpening(easter, at('2026-04-02T19:30+02:00'), port)).toBe(at('2026-04-07T09:00+02:00'));
    expect(describeOpening(easter, at('2026-04-04T12:00+02:00'), port)).toEqual({ open: false, opensAt: at('2026-04-07T09:00+02:00') });
  });
});

describe('schedules that never close or never open', () => {
  const never = schedule({});

  it('answers null when the schedule never opens within the horizon', () => {
    expect(nextOpening(never, at('2026-06-15T10:00+02:00'), port)).toBeNull();
    expect(nextClosing(never, at('2026-06-15T10:00+02:00'), port)).toBeNull();
    expect(describeOpening(never, at('2026-06-15T10:00+02:00'), port)).toEqual({ open: false, opensAt: null });
    expect(nextOpening(schedule({}, { special: { '2027-08-01': '10:00-12:00' } }), at('2026-06-15T10:00+02:00'), port)).toBeNull();
  });

  it('answers null for the closing of a schedule that is always open', () => {
    const always = everyDay('00:00-24:00');
    expect(isOpenAt(always, at('2026-06-15T10:00+02:00'), port)).toBe(true);
    expect(nextClosing(always, at('2026-06-15T10:00+02:00'), port)).toBeNull();
    expect(describeOpening(always, at('2026-06-15T10:00+02:00'), port)).toEqual({ open: true, closesAt: null });
  });

  it('treats a non-finite instant as closed with no next opening', () => {
    expect(isOpenAt(office, Number.NaN, port)).toBe(false);
    expect(nextOpening(office, Number.POSITIVE_INFINITY, port)).toBeNull();
    expect(businessMinutesBetween(office, Number.NaN, at('2026-06-15T10:00+02:00'), port)).toBe(0);
  });
});

describe('closed periods', () => {
  it.each([
    ['the night after Monday', '2026-06-16T03:00+02:00', '2026-06-15T19:00+02:00'],
    ['right at the closing', '2026-06-15T19:00+02:00', '2026-06-15T19:00+02:00'],
    ['the lunch break', '2026-06-16T13:30+02:00', '2026-06-16T13:00+02:00'],
    ['Monday morning after a weekend', '2026-06-22T08:00+02:00', '2026-06-19T19:00+02:00'],
  ])('starts %s when the last shift ended', (_, instant, start) => {
    expect(closedPeriodStart(office, at(instant), port)).toBe(at(start));
  });

  it('gives every instant of one closed period the same key, and the next period another', () => {
    const night = closedPeriodKey(office, at('2026-06-15T19:00+02:00'), port);
    expect(night).toBe(`closed-since:${at('2026-06-15T19:00+02:00')}`);
    expect(closedPeriodKey(office, at('2026-06-16T03:00+02:00'), port)).toBe(night);
    expect(closedPeriodKey(office, at('2026-06-16T08:59:59+02:00'), port)).toBe(night);
    expect(closedPeriodKey(office, at('2026-06-16T13:30+02:00'), port)).not.toBe(night);
  });

  it('has no closed period while open', () => {
    expect(closedPeriodStart(office, at('2026-06-15T10:00+02:00'), port)).toBeNull();
    expect(closedPeriodKey(office, at('2026-06-15T10:00+02:00'), port)).toBeNull();
  });

  it('looks back past the first week for a long closure, and shares one key beyond the horizon', () => {
    const rare = schedule({}, { special: { '2026-01-10': '10:00-12:00' } });
    expect(closedPeriodStart(rare, at('2026-06-15T10:00+02:00'), port)).toBe(at('2026-01-10T12:00+01:00'));
    expect(closedPeriodKey(schedule({}), at('2026-06-15T10:00+02:00'), port)).toBe('closed-since:beyond-horizon');
    expect(closedPeriodStart(schedule({}), at('2026-06-15T10:00+02:00'), port)).toBeNull();
  });
});

describe('businessMinutesBetween', () => {
  const withHoliday = schedule({ mon: splitShift, tue: splitShift, wed: splitShift, thu: splitShift, fri: splitShift }, { holidays: [{ date: '2026-06-16' }] });

  it.each([
    ['a 03:00 message answered at 09:01 with opening at 09:00', office, '2026-06-15T03:00+02:00', '2026-06-15T09:01+02:00', 1],
    ['across a night', office, '2026-06-15T18:00+02:00', '2026-06-16T10:00+02:00', 120],
    ['across the lunch break', office, '2026-06-15T12:00+02:00', '2026-06-15T16:00+02:00', 120],
    ['across a weekend', office, '2026-06-19T18:30+02:00', '2026-06-22T09:30+02:00', 60],
    ['across a holiday', withHoliday, '2026-06-15T18:00+02:00', '2026-06-17T10:00+02:00', 120],
    ['over a whole week', office, '2026-06-15T00:00+02:00', '2026-06-22T00:00+02:00', 5 * 8 * 60],
    ['inside closed time only', office, '2026-06-20T10:00+02:00', '2026-06-21T10:00+02:00', 0],
    ['backwards', office, '2026-06-15T12:00+02:00', '2026-06-15T10:00+02:00', 0],
  ])('counts %s', (_, hours, from, to, minutes) => {
    expect(businessMinutesBetween(hours, at(from), at(to), port)).toBe(minutes);
  });

  it('keeps fractions of a minute for the caller to round', () => {
    expect(businessMinutesBetween(office, at('2026-06-15T09:00+02:00'), at('2026-06-15T09:00:30+02:00'), port)).toBe(0.5);
  });
});
