import { describe, expect, it } from 'vitest';
import { intlTimeZone as port } from '../../client/intl-time-zone';
import { businessMinutesBetween, isOpenAt, nextClosing, nextOpening } from './business-hours';
import type { BusinessSchedule, SpecialDate, Weekday } from './schedule';

// Wall-clock rules (see TimeZonePort): a skipped local time opens or closes at the transition, a repeated one at its
// first occurrence. Each case states the real length of the open time that results.
const intervals = (spec: string) => spec.split(' ').map((pair) => ({ start: pair.slice(0, 5), end: pair.slice(6) }));
function schedule(zone: string, days: Partial<Record<Weekday, string>>, special: Record<string, string> = {}): BusinessSchedule {
  return {
    timezone: zone,
    weekly: Object.fromEntries(Object.entries(days).map(([day, spec]) => [day, intervals(spec)])),
    special_dates: Object.entries(special).map(([date, spec]): SpecialDate => ({ date, intervals: intervals(spec) })),
  };
}
const at = (iso: string) => Date.parse(iso);
const weekdays = (zone: string, spec: string) => schedule(zone, { mon: spec, tue: spec, wed: spec, thu: spec, fri: spec });
const minutesOver = (hours: BusinessSchedule, from: string, to: string) => businessMinutesBetween(hours, at(from), at(to), port);

describe('Europe/Madrid (clocks jump 02:00→03:00 on 2026-03-29 and fall 03:00→02:00 on 2026-10-25)', () => {
  it.each([
    ['a night shift over the spring-forward night lasts 7 hours', { sat: '22:00-06:00' }, {}, '2026-03-28T12:00+01:00', '2026-03-29T12:00+02:00', 420],
    ['a night shift over the fall-back night lasts 9 hours', { sat: '22:00-06:00' }, {}, '2026-10-24T12:00+02:00', '2026-10-25T12:00+01:00', 540],
    ['an opening at a skipped 02:30 happens at 03:00', {}, { '2026-03-29': '02:30-05:00' }, '2026-03-28T12:00+01:00', '2026-03-29T12:00+02:00', 120],
    ['an interval wholly inside the skipped hour never opens', {}, { '2026-03-29': '02:00-02:45' }, '2026-03-28T12:00+01:00', '2026-03-29T12:00+02:00', 0],
    [
      'an interval from the first 02:30 to 03:30 spans the repeated hour',
      {},
      { '2026-10-25': '02:30-03:30' },
      '2026-10-24T12:00+02:00',
      '2026-10-25T12:00+01:00',
      120,
    ],
  ])('%s', (_, days, special, from, to, minutes) => {
    expect(minutesOver(schedule('Europe/Madrid', days, special), from, to)).toBe(minutes);
  });

  it('opens at the transition when the opening time is skipped', () => {
    const early = schedule('Europe/Madrid', {}, { '2026-03-29': '02:30-05:00' });
    expect(nextOpening(early, at('2026-03-29T00:00+01:00'), port)).toBe(at('2026-03-29T03:00+02:00'));
    expect(isOpenAt(early, at('2026-03-29T01:59+01:00'), port)).toBe(false);
  });

  it('stays open through the second 02:30 when the interval began at the first', () => {
    const repeated = schedule('Europe/Madrid', {}, { '2026-10-25': '02:30-03:30' });
    expect(isOpenAt(repeated, at('2026-10-25T02:30+02:00'), port)).toBe(true);
    expect(isOpenAt(repeated, at('2026-10-25T02:30+01:00'), port)).toBe(true);
    expect(nextClosing(repeated, at('2026-10-25T02:30+02:00'), port)).toBe(at('2026-10-25T03:30+01:00'));
  });

  it('keeps office hours at 09:00 local on both sides of the change', () => {
    const office = weekdays('Europe/Madrid', '09:00-18:00');
    expect(nextOpening(office, at('2026-03-27T20:00+01:00'), port)).toBe(at('2026-03-30T07:00Z'));
    expect(nextOpening(office, at('2026-03-26T20:00+01:00'), port)).toBe(at('2026-03-27T08:00Z'));
  });
});

describe('America/New_York (02:00→03:00 on 2026-03-08, 02:00→01:00 on 2026-11-01)', () => {
  it.each([
    ['01:00–04:00 on the spring-forward day lasts 2 hours', '2026-03-08', '01:00-04:00', 120],
    ['01:00–03:00 on the fall-back day lasts 3 hours', '2026-11-01', '01:00-03:00', 180],
    ['an opening at the repeated 01:30 uses the first one (EDT)', '2026-11-01', '01:30-02:00', 90],
  ])('%s', (_, date, spec, minutes) => {
    expect(minutesOver(schedule('America/New_York', {}, { [date]: spec }), `${date}T00:00Z`, `${date}T23:00Z`)).toBe(minutes);
  });

  it('opens at the first 01:30 of the fall-back night', () => {
    const repeated = schedule('America/New_York', {}, { '2026-11-01': '01:30-02:00' });
    expect(nextOpening(repeated, at('2026-11-01T00:00-04:00'), port)).toBe(at('2026-11-01T01:30-04:00'));
  });

  it('runs an overnight span across the fall-back night for 9 hours', () => {
    expect(minutesOver(schedule('America/New_York', { sat: '20:00-04:00' }), '2026-10-31T12:00-04:00', '2026-11-01T12:00-05:00')).toBe(540);
  });
});

describe('Australia/Sydney (southern hemisphere: 03:00→02:00 on 2026-04-05, 02:00→03:00 on 2026-10-04)', () => {
  it.each([
    ['when summer time ends lasts 9 hours', '2026-04-04T12:00+11:00', '2026-04-05T12:00+10:00', 540],
    ['when summer time starts lasts 7 hours', '2026-10-03T12:00+10:00', '2026-10-04T12:00+11:00', 420],
  ])('a Saturday night shift %s', (_, from, to, minutes) => {
    expect(minutesOver(schedule('Australia/Sydney', { sat: '22:00-06:00' }), from, to)).toBe(minutes);
  });

  it('opens at 09:00 local before and after summer time ends', () => {
    const office = weekdays('Australia/Sydney', '09:00-17:00');
    expect(nextOpening(office, at('2026-04-02T18:00+11:00'), port)).toBe(at('2026-04-02T22:00Z'));
    expect(nextOpening(office, at('2026-04-03T18:00+11:00'), port)).toBe(at('2026-04-05T23:00Z'));
  });
});

describe('America/Santiago (midnight itself is skipped on 2026-09-06 and repeated on 2026-04-05)', () => {
  const lateSaturday = schedule('America/Santiago', { sat: '20:00-24:00', sun: '00:00-02:00' });

  it('joins Saturday 20:00–24:00 and Sunday 00:00–02:00 into one period across the missing midnight hour', () => {
    expect(nextClosing(lateSaturday, at('2026-09-05T21:00-04:00'), port)).toBe(at('2026-09-06T02:00-03:00'));
    expect(minutesOver(lateSaturday, '2026-09-05T12:00-04:00', '2026-09-06T12:00-03:00')).toBe(300);
    expect(isOpenAt(lateSaturday, at('2026-09-06T04:00Z'), port)).toBe(true);
  });

  it('counts the repeated 23:00 hour once for an interval ending at midnight', () => {
    expect(minutesOver(schedule('America/Santiago', { sat: '22:00-24:00' }), '2026-04-04T12:00-03:00', '2026-04-05T12:00-04:00')).toBe(180);
    expect(minutesOver(schedule('America/Santiago', {}, { '2026-04-04': '23:30-24:00' }), '2026-04-04T12:00-03:00', '2026-04-05T12:00-04:00')).toBe(90);
  });
});

describe('Asia/Kolkata (+05:30 all year, no summer time)', () => {
  const office = weekdays('Asia/Kolkata', '09:00-17:30');

  it.each([
    ['2026-06-15T03:29Z', false],
    ['2026-06-15T03:30Z', true],
    ['2026-06-15T11:59Z', true],
    ['2026-06-15T12:00Z', false],
    ['2026-01-12T03:30Z', true],
  ])('at %s the office is open: %s', (instant, open) => {
    expect(isOpenAt(office, at(instant), port)).toBe(open);
  });

  it('counts 8.5 hours a weekday over a week', () => {
    expect(minutesOver(office, '2026-06-15T00:00+05:30', '2026-06-22T00:00+05:30')).toBe(5 * 510);
  });
});
