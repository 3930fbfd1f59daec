import { addDays, localAt, type LocalDate } from './civil-date';
import type { DayIntervals } from './schedule';
import type { TimeZonePort } from './time-zone-port';

/** A stretch of open time as epoch ms, `start` inclusive and `end` exclusive. */
export interface OpenPeriod {
  start: number;
  end: number;
  /** False when the period may continue past the last day searched, so `end` is only where the search stopped. */
  endKnown: boolean;
}

/**
 * The open periods made of intervals that start on `days` local dates from `firstDate`, in time order, with
 * touching or overlapping intervals (09:00–24:00 then 00:00–06:00, or across days) merged into one period.
 * The first period may have begun before `firstDate`; callers start a day early when that matters.
 */
export function* openPeriods(
  intervalsOn: DayIntervals,
  zone: string,
  firstDate: LocalDate,
  days: number,
  port: TimeZonePort,
): Generator<OpenPeriod, void, undefined> {
  let pending: OpenPeriod | null = null;
  for (let offset = 0; offset < days; offset++) {
    const date = addDays(firstDate, offset);
    for (const interval of intervalsOn(date)) {
      const start = port.toInstant(localAt(date, interval.start), zone);
      const end = port.toInstant(localAt(date, interval.end), zone);
      // An interval lying wholly inside a spring-forward gap resolves to an empty range.
      if (!(end > start)) continue;
      if (pending && start <= pending.end) {
        pending.end = Math.max(pending.end, end);
        continue;
      }
      if (pending) yield pending;
      pending = { start, end, endKnown: true };
    }
  }
  if (!pending) return;
  const after = addDays(firstDate, days);
  const next = intervalsOn(after)[0];
  const continues = next !== undefined && port.toInstant(localAt(after, next.start), zone) <= pending.end;
  yield { ...pending, endKnown: !continues };
}
