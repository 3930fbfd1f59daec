import { formatIsoDate, MINUTES_PER_DAY, parseClock, weekdayIndexOf, type LocalDate } from './civil-date';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock `HH:MM` bounds; an `end` at or before `start` runs past midnight and belongs to the day it starts. */
export interface TimeInterval {
  start: string;
  end: string;
}

/** A whole local date without opening hours; `recurring` repeats it on the same month and day every year. */
export interface Holiday {
  date: string;
  recurring?: boolean;
  name?: string;
}

/** A local date with its own opening hours, replacing its weekday's hours and any holiday on that date. */
export interface SpecialDate {
  date: string;
  intervals: readonly TimeInterval[];
  name?: string;
}

/** When a channel (or a team) answers, in the wall-clock time of `timezone`. A weekday left out is closed. */
export interface BusinessSchedule {
  timezone: string;
  weekly: Partial<Record<Weekday, readonly TimeInterval[]>>;
  holidays?: readonly Holiday[];
  special_dates?: readonly SpecialDate[];
}

/** Minutes after local midnight of the day the interval belongs to; `end` passes 1440 for overnight spans. */
export interface DayInterval {
  start: number;
  end: number;
}

/** The opening hours that start on a local date, sorted by start. */
export type DayIntervals = (date: LocalDate) => readonly DayInterval[];

/**
 * Resolves which hours apply to each local date: a special date wins over a holiday (so "closed every 24 December,
 * but open 10:00–14:00 this year" works), and a holiday wins over the weekday. An overnight span that started the
 * evening before a holiday still runs to its end, because it belongs to the day it started.
 */
export function dayIntervalsOf(schedule: BusinessSchedule): DayIntervals {
  const weekly = WEEKDAYS.map((weekday) => toDayIntervals(schedule.weekly[weekday] ?? []));
  const special = new Map<string, readonly DayInterval[]>();
  for (const entry of schedule.special_dates ?? []) special.set(entry.date, toDayIntervals(entry.intervals));
  const closedDates = new Set<string>();
  const closedEveryYear = new Set<string>();
  for (const holiday of schedule.holidays ?? [])
    (holiday.recurring ? closedEveryYear : closedDates).add(holiday.recurring ? holiday.date.slice(5) : holiday.date);
  const none: readonly DayInterval[] = [];

  return (date) => {
    const iso = formatIsoDate(date);
    const own = special.get(iso);
    if (own) return own;
    if (closedDates.has(iso) || closedEveryYear.has(iso.slice(5))) return none;
    return weekly[weekdayIndexOf(date)] ?? none;
  };
}

// Unvalidated input is skipped rather than thrown on, so the queries stay total; the zod schema reports it at save time.
function toDayIntervals(intervals: readonly TimeInterval[]): DayInterval[] {
  const result: DayInterval[] = [];
  for (const interval of intervals) {
    const start = parseClock(interval.start, false);
    const end = parseClock(interval.end, true);
    if (start === null || end === null || start === end) continue;
    result.push({ start, end: end < start ? end + MINUTES_PER_DAY : end });
  }
  return result.sort((a, b) => a.start - b.start || a.end - b.end);
}
