import { describe, expect, it } from 'vitest';
import type { LocalDateTime } from '../domain/hours/civil-date';
import { IntlTimeZone, intlTimeZone } from './intl-time-zone';

const local = (text: string): LocalDateTime => {
  const [date = '', time = ''] = text.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second = 0] = time.split(':').map(Number);
  return { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second };
};

describe('IntlTimeZone', () => {
  it.each([
    ['2026-06-15T22:00:00Z', 'Europe/Madrid', '2026-06-16 00:00:00'],
    ['2026-06-15T03:30:59.999Z', 'Asia/Kolkata', '2026-06-15 09:00:59'],
    ['2026-11-01T05:30:00Z', 'America/New_York', '2026-11-01 01:30:00'],
    ['2026-11-01T06:30:00Z', 'America/New_York', '2026-11-01 01:30:00'],
    ['2026-04-04T16:30:00Z', 'Australia/Sydney', '2026-04-05 02:30:00'],
    ['1969-12-31T23:59:59.500Z', 'UTC', '1969-12-31 23:59:59'],
  ])('reads %s in %s as %s (hour 00 at midnight, seconds truncated)', (instant, zone, wall) => {
    expect(intlTimeZone.toLocal(Date.parse(instant), zone)).toEqual(local(wall));
  });

  it.each([
    ['an ordinary time', 'Europe/Madrid', '2026-06-15 09:00', '2026-06-15T07:00:00Z'],
    ['a fixed +05:30 offset', 'Asia/Kolkata', '2026-06-15 09:00', '2026-06-15T03:30:00Z'],
    ['a time skipped in spring (the transition)', 'Europe/Madrid', '2026-03-29 02:30', '2026-03-29T01:00:00Z'],
    ['the start of a skipped hour', 'America/New_York', '2026-03-08 02:00', '2026-03-08T07:00:00Z'],
    ['a skipped midnight', 'America/Santiago', '2026-09-06 00:00', '2026-09-06T04:00:00Z'],
    ['a repeated time (first occurrence)', 'America/New_York', '2026-11-01 01:30', '2026-11-01T05:30:00Z'],
    ['a repeated time in the southern hemisphere', 'Australia/Sydney', '2026-04-05 02:30', '2026-04-04T15:30:00Z'],
    ['a repeated 23:30 before midnight', 'America/Santiago', '2026-04-04 23:30', '2026-04-05T02:30:00Z'],
    ['a day skipped by the date line (Samoa, 2011)', 'Pacific/Apia', '2011-12-30 12:00', '2011-12-30T10:00:00Z'],
  ])('resolves %s: %s %s is %s', (_, zone, wall, instant) => {
    expect(intlTimeZone.toInstant(local(wall), zone)).toBe(Date.parse(instant));
  });

  it('round-trips every 97 minutes of 2026 through the wall clock in zones with and without summer time', () => {
    const port = new IntlTimeZone();
    const mismatches: string[] = [];
    for (const zone of ['Europe/Madrid', 'America/New_York', 'Australia/Sydney', 'America/Santiago', 'Asia/Kolkata']) {
      for (let instant = Date.parse('2026-01-01T00:00Z'); instant < Date.parse('2027-01-01T00:00Z'); instant += 97 * 60_000) {
        const wall = port.toLocal(instant, zone);
        // A repeated reading maps back to its first occurrence, so compare readings rather than instants.
        if (JSON.stringify(port.toLocal(port.toInstant(wall, zone), zone)) !== JSON.stringify(wall)) mismatches.push(`${zone} ${instant}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['Europe/Madrid', true],
    ['Asia/Kolkata', true],
    ['Asia/Calcutta', true],
    ['America/Port-au-Prince', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Etc/GMT+5', true],
    ['UTC', true],
    ['europe/madrid', false],
    ['Mars/Olympus_Mons', false],
    ['+05:30', false],
    ['Europe/Madrid ', false],
    ['', false],
  ])('knows whether %j is a time zone: %s', (zone, valid) => {
    expect(intlTimeZone.isValidZone(zone)).toBe(valid);
  });

  it('accepts every zone name the runtime lists', () => {
    expect(Intl.supportedValuesOf('timeZone').filter((zone) => !intlTimeZone.isValidZone(zone))).toEqual([]);
  });
});
