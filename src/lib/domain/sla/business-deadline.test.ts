import { describe, expect, it } from 'vitest';
import { intlTimeZone as port } from '../../client/intl-time-zone';
import type { BusinessSchedule } from '../hours/schedule';
import { businessDeadline, signedBusinessMs } from './business-deadline';

// June 2026 in Madrid is CEST (+02:00); 2026-06-15 is a Monday, 2026-06-24 a holiday.
const at = (local: string) => Date.parse(`2026-06-${local}+02:00`);
const MIN = 60_000;
const split = [
  { start: '09:00', end: '13:00' },
  { start: '15:00', end: '19:00' },
];
const office: BusinessSchedule = {
  timezone: 'Europe/Madrid',
  weekly: { mon: split, tue: split, wed: split, thu: split, fri: split },
  holidays: [{ date: '2026-06-24' }],
};

describe('businessDeadline', () => {
  it.each([
    ['5 min from 10:00 on a Monday', '15T10:00', 5, '15T10:05'],
    ['5 min from 03:00, before opening', '15T03:00', 5, '15T09:05'],
    ['30 min from 12:50, across lunch', '15T12:50', 30, '15T15:20'],
    ['10 min from Friday 18:55, across the weekend', '19T18:55', 10, '22T09:05'],
    ['5 min from Tuesday 18:58, across a holiday', '23T18:58', 5, '25T09:03'],
    ['8 hours from Monday 15:00, a whole working day', '15T15:00', 480, '16T13:00'],
    ['0 min at night (the next opening)', '15T22:00', 0, '16T09:00'],
    ['4 hours from 09:00, exactly at the lunch closing', '15T09:00', 240, '15T13:00'],
  ])('puts %s at %s', (_, from, minutes, due) => {
    expect(businessDeadline(office, at(from), minutes * MIN, port)).toBe(at(due));
  });

  it('answers null for a schedule that never opens', () => {
    expect(businessDeadline({ timezone: 'Europe/Madrid', weekly: {} }, at('15T10:00'), 5 * MIN, port)).toBeNull();
  });

  it('adds wall time on a schedule that is always open', () => {
    const allDay = [{ start: '00:00', end: '24:00' }];
    const always: BusinessSchedule = {
      timezone: 'Europe/Madrid',
      weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    };
    expect(businessDeadline(always, at('15T23:58'), 5 * MIN, port)).toBe(at('16T00:03'));
  });
});

describe('signedBusinessMs', () => {
  it.each([
    ['forwards across lunch', '15T12:55', '15T15:05', 10],
    ['backwards across lunch (negative)', '15T15:05', '15T12:55', -10],
    ['over a night', '15T18:59', '16T09:01', 2],
  ])('measures open time %s', (_, from, to, minutes) => {
    expect(signedBusinessMs(office, at(from), at(to), port)).toBe(minutes * MIN);
  });
});
