import { addDays, daysBetween, MINUTE_MS, type LocalDate } from './civil-date';
import { openPeriods, type OpenPeriod } from './open-periods';
import { dayIntervalsOf, type BusinessSchedule } from './schedule';
import type { TimeZonePort } from './time-zone-port';

/** How far ahead (and back) the searches look before answering "never" (null). */
export const SEARCH_HORIZON_DAYS = 366;
// Most closed periods are a night or a weekend: look back this far first, and the whole horizon only if needed.
const SHORT_LOOKBACK_DAYS = 8;

/** What the UI shows about a schedule at an instant. */
export type OpeningState = { open: true; closesAt: number | null } | { open: false; opensAt: number | null };

function periodsFrom(schedule: BusinessSchedule, firstDate: LocalDate, days: number, port: TimeZonePort): Generator<OpenPeriod, void, undefined> {
  return openPeriods(dayIntervalsOf(schedule), schedule.timezone, firstDate, days, port);
}

function localDateOf(schedule: BusinessSchedule, instant: number, port: TimeZonePort): LocalDate {
  const { year, month, day } = port.toLocal(instant, schedule.timezone);
  return { year, month, day };
}

/** The first open period that has not ended by `instant` (it may contain `instant`), within the search horizon. */
function periodAtOrAfter(schedule: BusinessSchedule, instant: number, port: TimeZonePort): OpenPeriod | null {
  if (!Number.isFinite(instant)) return null;
  // Start a day early: an overnight span from yesterday may still be running.
  const yesterday = addDays(localDateOf(schedule, instant, port), -1);
  for (const period of periodsFrom(schedule, yesterday, SEARCH_HORIZON_DAYS + 2, port)) if (period.end > instant) return period;
  return null;
}

/** True when the schedule is open at the epoch-ms `instant`. */
export function isOpenAt(schedule: BusinessSchedule, instant: number, port: TimeZonePort): boolean {
  if (!Number.isFinite(instant)) return false;
  // Three days suffice (yesterday's overnight span, today, and a midnight that falls back into today), and keep
  // this hot path from walking the whole horizon for an always-open schedule.
  const yesterday = addDays(localDateOf(schedule, instant, port), -1);
  for (const period of periodsFrom(schedule, yesterday, 3, port)) {
    if (period.start > instant) return false;
    if (period.end > instant) return true;
  }
  return false;
}

/** Where the schedule stands at `instant`: open until `closesAt`, or closed until `opensAt` (null: not within the horizon). */
export function describeOpening(schedule: BusinessSchedule, instant: number, port: TimeZonePort): OpeningState {
  const period = periodAtOrAfter(schedule, instant, port);
  if (period === null) return { open: false, opensAt: null };
  if (period.start <= instant) return { open: true, closesAt: period.endKnown ? period.end : null };
  return { open: false, opensAt: period.start };
}

/**
 * The start of the first open period beginning at or after `instant`, or null when none begins within the horizon.
 * While open, that is the opening after the current period closes.
 */
export function nextOpening(schedule: BusinessSchedule, instant: number, port: TimeZonePort): number | null {
  if (!Number.isFinite(instant)) return null;
  const yesterday = addDays(localDateOf(schedule, instant, port), -1);
  for (const period of periodsFrom(schedule, yesterday, SEARCH_HORIZON_DAYS + 2, port)) if (period.start >= instant) return period.start;
  return null;
}

/** The first instant after `instant` at which an open period ends, or null when the schedule stays open past the horizon. */
export function nextClosing(schedule: BusinessSchedule, instant: number, port: TimeZonePort): number | null {
  const period = periodAtOrAfter(schedule, instant, port);
  return period !== null && period.endKnown ? period.end : null;
}

type ClosedPeriod = { open: true } | { open: false; since: number | null };

function closedPeriodAround(schedule: BusinessSchedule, instant: number, port: TimeZonePort): ClosedPeriod {
  if (!Number.isFinite(instant)) return { open: false, since: null };
  const today = localDateOf(schedule, instant, port);
  for (const lookback of [SHORT_LOOKBACK_DAYS, SEARCH_HORIZON_DAYS]) {
    let since: number | null = null;
    for (const period of periodsFrom(schedule, addDays(today, -lookback), lookback + 2, port)) {
      if (period.start > instant) break;
      if (period.end > instant) return { open: true };
      since = period.end;
    }
    if (since !== null) return { open: false, since };
  }
  return { open: false, since: null };
}

/**
 * The instant the closed period around `instant` began (when the last open period ended), or null when open at
 * `instant` or not open at all within the horizon before it.
 */
export function closedPeriodStart(schedule: BusinessSchedule, instant: number, port: TimeZonePort): number | null {
  const period = closedPeriodAround(schedule, instant, port);
  return period.open ? null : period.since;
}

/**
 * A key that stays the same for every instant of one closed period and differs between periods, for "reply once per
 * closed period per conversation"; null while open. Periods that began before the horizon share
 * `closed-since:beyond-horizon`.
 */
export function closedPeriodKey(schedule: BusinessSchedule, instant: number, port: TimeZonePort): string | null {
  const period = closedPeriodAround(schedule, instant, port);
  if (period.open) return null;
  return `closed-since:${period.since === null ? 'beyond-horizon' : period.since}`;
}

/** Milliseconds of open time in [`fromMs`, `toMs`); 0 when `toMs` is not after `fromMs`. */
export function businessMsBetween(schedule: BusinessSchedule, fromMs: number, toMs: number, port: TimeZonePort): number {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs <= fromMs) return 0;
  const firstDate = addDays(localDateOf(schedule, fromMs, port), -1);
  const days = daysBetween(firstDate, localDateOf(schedule, toMs, port)) + 2;
  let total = 0;
  for (const period of periodsFrom(schedule, firstDate, days, port)) {
    if (period.start >= toMs) break;
    total += Math.max(0, Math.min(period.end, toMs) - Math.max(period.start, fromMs));
  }
  return total;
}

/**
 * Minutes of open time in [`fromMs`, `toMs`), unrounded (a message at 03:00 answered at 09:01 when opening at 09:00
 * is 1); callers choose how to round for display or SLA buckets.
 */
export function businessMinutesBetween(schedule: BusinessSchedule, fromMs: number, toMs: number, port: TimeZonePort): number {
  return businessMsBetween(schedule, fromMs, toMs, port) / MINUTE_MS;
}
