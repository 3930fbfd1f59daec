import { describe, expect, it } from 'vitest';
import { channelHoursRecordSchema, openingOf, wallClockOf } from './channel-hours';
import { intlTimeZone } from './intl-time-zone';

const channel = (business_hours: unknown) =>
  channelHoursRecordSchema.parse({ id: 'c1', name: 'Shop', display_phone_number: '1555', timezone: 'UTC', business_hours });
const officeHours = { timezone: 'Europe/Madrid', weekly: { mon: [{ start: '09:00', end: '18:00' }], fri: [{ start: '09:00', end: '18:00' }] } };
// Wednesday 5 November 2025, 12:00 in Madrid (UTC+1).
const wednesdayNoon = Date.UTC(2025, 10, 5, 11, 0);
// Monday 3 November 2025, 10:00 in Madrid.
const mondayMorning = Date.UTC(2025, 10, 3, 9, 0);

describe('openingOf', () => {
  it.each([null, '', {}])('reads absent hours (%j) as open around the clock', (hours) => {
    expect(openingOf(channel(hours), wednesdayNoon, intlTimeZone)).toEqual({ kind: 'always' });
  });

  it('says when a closed channel opens next, in its own zone', () => {
    expect(openingOf(channel(officeHours), wednesdayNoon, intlTimeZone)).toEqual({
      kind: 'closed',
      zone: 'Europe/Madrid',
      opensAt: Date.UTC(2025, 10, 7, 8, 0),
    });
  });

  it('says when an open channel closes', () => {
    expect(openingOf(channel(officeHours), mondayMorning, intlTimeZone)).toEqual({
      kind: 'open',
      zone: 'Europe/Madrid',
      closesAt: Date.UTC(2025, 10, 3, 17, 0),
    });
  });

  it('flags stored hours that no longer validate instead of guessing', () => {
    expect(openingOf(channel({ timezone: 'Mars/Base', weekly: {} }), wednesdayNoon, intlTimeZone)).toEqual({ kind: 'invalid' });
  });
});

describe('wallClockOf', () => {
  it('gives only the time on the same local date, and the weekday otherwise', () => {
    expect(wallClockOf(Date.UTC(2025, 10, 3, 17, 0), mondayMorning, 'Europe/Madrid', 'en', intlTimeZone)).toEqual({ time: '18:00', weekday: null });
    expect(wallClockOf(Date.UTC(2025, 10, 7, 8, 0), wednesdayNoon, 'Europe/Madrid', 'es', intlTimeZone)).toEqual({ time: '09:00', weekday: 'viernes' });
  });
});
