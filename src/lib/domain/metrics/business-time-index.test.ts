import { describe, expect, it } from 'vitest';
import { intlTimeZone as port } from '../../client/intl-time-zone';
import { businessMsBetween } from '../hours/business-hours';
import type { BusinessSchedule } from '../hours/schedule';
import { indexBusinessTime } from './business-time-index';
import { seededRandom } from '../../../../tests/support/seeded-random';

const HOUR = 3_600_000;
const split = [
  { start: '09:00', end: '13:00' },
  { start: '15:00', end: '19:00' },
];
const schedules: Array<[string, BusinessSchedule]> = [
  [
    'split shifts with holidays and a special date',
    {
      timezone: 'Europe/Madrid',
      weekly: { mon: split, tue: split, wed: split, thu: split, fri: split },
      holidays: [{ date: '2026-03-19' }, { date: '2026-10-12' }, { date: '2026-12-25', recurring: true }],
      special_dates: [{ date: '2026-03-28', intervals: [{ start: '10:00', end: '14:00' }] }],
    },
  ],
  [
    'overnight spans across both DST changes',
    {
      timezone: 'Europe/Madrid',
      weekly: { fri: [{ start: '22:00', end: '06:00' }], sat: [{ start: '22:00', end: '06:00' }], sun: [{ start: '00:30', end: '03:30' }] },
    },
  ],
  [
    'always open',
    {
      timezone: 'America/New_York',
      weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
    },
  ],
  ['never open', { timezone: 'Europe/Madrid', weekly: {} }],
];

describe('indexBusinessTime', () => {
  it.each(schedules)(
    'counts exactly what businessMsBetween counts: %s',
    (_, schedule) => {
      // Spans March to November 2026, through both of Madrid's clock changes.
      const from = Date.UTC(2026, 2, 20);
      const to = Date.UTC(2026, 10, 1);
      const meter = indexBusinessTime(schedule, from, to, port);
      const random = seededRandom(99);
      for (let i = 0; i < 400; i++) {
        const a = from + Math.floor(random() * (to - from));
        const b = Math.min(to, a + Math.floor(random() * 72 * HOUR));
        expect(meter(a, b)).toBe(businessMsBetween(schedule, a, b, port));
      }
    },
    30_000,
  );

  it('answers outside the indexed span too, and 0 for an empty one', () => {
    const [, schedule] = schedules[0] as [string, BusinessSchedule];
    const from = Date.UTC(2026, 5, 15);
    const meter = indexBusinessTime(schedule, from, from + 24 * HOUR, port);
    const before = from - 72 * HOUR;
    expect(meter(before, from + 12 * HOUR)).toBe(businessMsBetween(schedule, before, from + 12 * HOUR, port));
    expect(meter(from + HOUR, from + HOUR)).toBe(0);
  });
});
