import { describe, expect, it } from 'vitest';
import { intlTimeZone as port } from '../../client/intl-time-zone';
import type { Weekday } from '../hours/schedule';
import { hasShifts, nextShiftBoundary, overrideUntilFor, presenceAt, type PresenceFacts, type ShiftSchedule } from './shift-presence';

const HOUR = 3_600_000;
const SILENCE = 4 * HOUR;
const at = (iso: string) => Date.parse(iso);
const spans = (spec: string) => spec.split(' ').map((pair) => ({ start: pair.slice(0, 5), end: pair.slice(6) }));
function shifts(zone: string, days: Partial<Record<Weekday, string>>): ShiftSchedule {
  return { timezone: zone, weekly: Object.fromEntries(Object.entries(days).map(([day, spec]) => [day, spans(spec)])) };
}
// 2026-03-02 is a Monday.
const madridWeek = shifts('Europe/Madrid', { mon: '09:00-13:00 16:00-20:00', tue: '09:00-13:00', fri: '22:00-06:00', sat: '22:00-06:00' });
const facts = (over: Partial<PresenceFacts>): PresenceFacts => ({ schedule: madridWeek, status: 'offline', overrideUntil: null, lastSeen: null, ...over });

describe('presence from a shift schedule', () => {
  it.each([
    ['on shift in the morning span', '2026-03-02T10:00+01:00', 'online', 'on-shift', '2026-03-02T13:00+01:00'],
    ['off between the two spans of a split day', '2026-03-02T14:00+01:00', 'offline', 'off-shift', '2026-03-02T16:00+01:00'],
    ['on shift in the afternoon span', '2026-03-02T19:59+01:00', 'online', 'on-shift', '2026-03-02T20:00+01:00'],
    ['off at the exact end of a span', '2026-03-02T20:00+01:00', 'offline', 'off-shift', '2026-03-03T09:00+01:00'],
    ['on at the exact start of a span', '2026-03-03T09:00+01:00', 'online', 'on-shift', '2026-03-03T13:00+01:00'],
    ['off on a day without shifts, until the Friday night', '2026-03-04T10:00+01:00', 'offline', 'off-shift', '2026-03-06T22:00+01:00'],
    ['on after midnight in an overnight shift that began on Friday', '2026-03-07T03:00+01:00', 'online', 'on-shift', '2026-03-07T06:00+01:00'],
    ['off on Saturday daytime between two overnight shifts', '2026-03-07T12:00+01:00', 'offline', 'off-shift', '2026-03-07T22:00+01:00'],
    ['on in the Saturday night shift that runs into Sunday', '2026-03-08T05:00+01:00', 'online', 'on-shift', '2026-03-08T06:00+01:00'],
  ])('%s', (_, now, status, reason, boundary) => {
    expect(presenceAt(facts({}), at(now), SILENCE, port)).toEqual({ status, reason, nextBoundary: at(boundary) });
  });

  it.each([
    ['the spring-forward night shift ends at 06:00 summer time (7 real hours)', '2026-03-29T05:30+02:00', 'online', '2026-03-29T06:00+02:00'],
    ['the spring-forward night shift has started at 22:00 winter time', '2026-03-28T23:00+01:00', 'online', '2026-03-29T06:00+02:00'],
    ['the fall-back night shift is still on at the second 02:30', '2026-10-25T02:30+01:00', 'online', '2026-10-25T06:00+01:00'],
    ['after the fall-back night shift the next starts Monday 09:00 winter time', '2026-10-25T07:00+01:00', 'offline', '2026-10-26T09:00+01:00'],
  ])('across daylight saving: %s', (_, now, status, boundary) => {
    const presence = presenceAt(facts({}), at(now), SILENCE, port);
    expect(presence.status).toBe(status);
    expect(presence.nextBoundary).toBe(at(boundary));
  });

  it('keeps an agent on shift online however long the phone has been silent', () => {
    const silentForDays = facts({ status: 'online', lastSeen: at('2026-02-20T10:00+01:00') });
    expect(presenceAt(silentForDays, at('2026-03-02T10:00+01:00'), SILENCE, port).status).toBe('online');
  });

  it.each([
    ['off during a shift', 'offline', '2026-03-02T10:00+01:00', '2026-03-02T13:00+01:00'],
    ['online outside a shift', 'online', '2026-03-02T14:00+01:00', '2026-03-02T16:00+01:00'],
    ['away during a shift', 'away', '2026-03-02T17:00+01:00', '2026-03-02T20:00+01:00'],
  ] as const)('lets the toggle set %s win until the next boundary, then follows the schedule again', (_, status, setAt, boundary) => {
    const until = overrideUntilFor(madridWeek, at(setAt), port);
    expect(until).toBe(at(boundary));
    const overridden = facts({ status, overrideUntil: until });
    expect(presenceAt(overridden, until - 60_000, SILENCE, port)).toEqual({ status, reason: 'override', nextBoundary: until });
    expect(presenceAt(overridden, until, SILENCE, port).reason).not.toBe('override');
    expect(presenceAt(overridden, until, SILENCE, port).status).toBe(status === 'online' ? 'online' : status === 'offline' ? 'offline' : 'offline');
  });

  it('ends an override set outside a shift when the shift starts: the agent comes online', () => {
    const until = overrideUntilFor(madridWeek, at('2026-03-02T21:00+01:00'), port);
    expect(presenceAt(facts({ status: 'offline', overrideUntil: until }), until, SILENCE, port)).toMatchObject({ status: 'online', reason: 'on-shift' });
  });

  it('gives an override with no boundary ahead a year-long limit', () => {
    const always = shifts('UTC', {
      mon: '00:00-24:00',
      tue: '00:00-24:00',
      wed: '00:00-24:00',
      thu: '00:00-24:00',
      fri: '00:00-24:00',
      sat: '00:00-24:00',
      sun: '00:00-24:00',
    });
    const now = at('2026-03-02T10:00Z');
    expect(nextShiftBoundary(always, now, port)).toBeNull();
    expect(overrideUntilFor(always, now, port)).toBeGreaterThan(now + 300 * 24 * HOUR);
  });
});

describe('presence without a schedule (away after silence)', () => {
  const none = (over: Partial<PresenceFacts>) => facts({ schedule: null, ...over });
  const now = at('2026-03-02T10:00Z');
  it.each([
    ['online, silent for 5 hours', 'online', now - 5 * HOUR, 'away', 'silent'],
    ['online, silent for exactly the limit', 'online', now - SILENCE, 'away', 'silent'],
    ['online, seen 20 minutes ago', 'online', now - 20 * 60_000, 'online', 'toggle'],
    ['online, never seen (no evidence)', 'online', null, 'online', 'toggle'],
    ['off, silent for days', 'offline', now - 72 * HOUR, 'offline', 'toggle'],
    ['away stays away', 'away', now - 5 * HOUR, 'away', 'toggle'],
  ] as const)('%s → %s', (_, status, lastSeen, expected, reason) => {
    expect(presenceAt(none({ status, lastSeen }), now, SILENCE, port)).toEqual({ status: expected, reason, nextBoundary: null });
  });
});

describe('hasShifts', () => {
  it.each([
    [null, false],
    [{ timezone: 'UTC', weekly: {} }, false],
    [{ timezone: 'UTC', weekly: { mon: [] } }, false],
    [shifts('UTC', { wed: '09:00-17:00' }), true],
  ] as const)('%j → %s', (schedule, expected) => {
    expect(hasShifts(schedule as ShiftSchedule | null)).toBe(expected);
  });
});
