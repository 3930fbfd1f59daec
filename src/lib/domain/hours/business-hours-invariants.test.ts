import { describe, expect, it } from 'vitest';
import { intlTimeZone as port } from '../../client/intl-time-zone';
import { businessMsBetween, closedPeriodStart, describeOpening, isOpenAt, nextClosing, nextOpening } from './business-hours';
import { wallClockMs } from './civil-date';
import type { BusinessSchedule } from './schedule';

// One busy schedule per zone: split shifts, overnight spans (one across each DST night), whole days, a holiday,
// a recurring holiday and a special date, probed at pseudo-random instants of 2026.
const busy = (timezone: string): BusinessSchedule => ({
  timezone,
  weekly: {
    mon: [
      { start: '09:00', end: '13:00' },
      { start: '15:00', end: '19:00' },
    ],
    tue: [
      { start: '09:00', end: '13:00' },
      { start: '15:00', end: '19:00' },
    ],
    wed: [{ start: '08:00', end: '20:00' }],
    thu: [
      { start: '09:00', end: '13:00' },
      { start: '22:00', end: '02:00' },
    ],
    fri: [
      { start: '01:30', end: '03:00' },
      { start: '09:00', end: '17:00' },
    ],
    sat: [{ start: '22:00', end: '06:00' }],
    sun: [{ start: '00:00', end: '24:00' }],
  },
  holidays: [{ date: '2026-05-01' }, { date: '2020-12-25', recurring: true }],
  special_dates: [{ date: '2026-05-02', intervals: [{ start: '02:00', end: '03:30' }] }],
});

function* instants(count: number): Generator<number> {
  let seed = 20260615;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    // Whole seconds so a boundary can be hit exactly, as real timestamps do.
    yield Date.parse('2026-01-01T00:00Z') + (seed % (365 * 86400)) * 1000;
  }
}

/** Every 20 minutes through the 8 hours around each 2026 offset change of `zone`. */
function aroundTransitions(zone: string): number[] {
  const offsetAt = (t: number) => wallClockMs(port.toLocal(t, zone)) - t;
  const probes: number[] = [];
  for (let t = Date.parse('2026-01-01T00:00Z'); t < Date.parse('2027-01-01T00:00Z'); t += 3_600_000) {
    if (offsetAt(t) === offsetAt(t + 3_600_000)) continue;
    for (let probe = t - 4 * 3_600_000; probe <= t + 4 * 3_600_000; probe += 20 * 60_000) probes.push(probe);
  }
  return probes;
}

describe.each(['Europe/Madrid', 'America/New_York', 'Australia/Sydney', 'America/Santiago', 'Asia/Kolkata'])('invariants in %s', (zone) => {
  const hours = busy(zone);
  const probes = [...instants(150), ...aroundTransitions(zone)];

  it('opens exactly at the next opening after being closed, with no open time in between', () => {
    for (const instant of probes.filter((t) => !isOpenAt(hours, t, port))) {
      const opening = nextOpening(hours, instant, port)!;
      expect(describeOpening(hours, instant, port)).toEqual({ open: false, opensAt: opening });
      expect([isOpenAt(hours, opening - 1, port), isOpenAt(hours, opening, port)]).toEqual([false, true]);
      expect(businessMsBetween(hours, instant, opening, port)).toBe(0);
    }
  });

  it('closes exactly at the next closing after being open, open all the way there', () => {
    for (const instant of probes.filter((t) => isOpenAt(hours, t, port))) {
      const closing = nextClosing(hours, instant, port)!;
      expect(describeOpening(hours, instant, port)).toEqual({ open: true, closesAt: closing });
      expect([isOpenAt(hours, closing - 1, port), isOpenAt(hours, closing, port)]).toEqual([true, false]);
      expect(businessMsBetween(hours, instant, closing, port)).toBe(closing - instant);
    }
  });

  it('starts every closed period where an open period ended', () => {
    for (const instant of probes.filter((t) => !isOpenAt(hours, t, port))) {
      const start = closedPeriodStart(hours, instant, port)!;
      expect(start).toBeLessThanOrEqual(instant);
      expect([isOpenAt(hours, start - 1, port), isOpenAt(hours, start, port)]).toEqual([true, false]);
      expect(businessMsBetween(hours, start, instant, port)).toBe(0);
    }
  });

  it('adds business time over consecutive spans of up to two weeks', () => {
    for (let i = 0; i + 2 < probes.length; i += 3) {
      const a = probes[i]!;
      const b = a + (probes[i + 1]! % (7 * 86_400_000));
      const c = b + (probes[i + 2]! % (7 * 86_400_000));
      expect(businessMsBetween(hours, a, b, port) + businessMsBetween(hours, b, c, port)).toBe(businessMsBetween(hours, a, c, port));
    }
  });
});
