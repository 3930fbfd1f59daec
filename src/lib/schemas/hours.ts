import * as z from 'zod/mini';
import { MINUTES_PER_DAY, parseClock, parseIsoDate } from '../domain/hours/civil-date';
import { WEEKDAYS, type BusinessSchedule, type Weekday } from '../domain/hours/schedule';
import type { TimeZonePort } from '../domain/hours/time-zone-port';

/** Caps that keep one schedule's searches cheap inside a request. */
export const MAX_INTERVALS_PER_DAY = 12;
export const MAX_DATED_ENTRIES = 500;
const NAME_LIMIT = 100;

/** Field problems in PocketBase's error shape, keyed by dotted path (`weekly.mon.1.end`). */
export type ScheduleFieldErrors = Record<string, { code: string; message: string }>;

const refined = (ok: (value: string) => boolean, code: string, message: string) => z.string().check(z.refine(ok, { error: message, params: { code } }));

const intervalSchema = z
  .strictObject({
    start: refined((v) => parseClock(v, false) !== null, 'invalid-time', 'Use HH:MM from 00:00 to 23:59.'),
    end: refined((v) => parseClock(v, true) !== null, 'invalid-time', 'Use HH:MM from 00:00 to 24:00.'),
  })
  .check(
    z.superRefine((interval, ctx) => {
      const start = parseClock(interval.start, false);
      if (start !== null && start === parseClock(interval.end, true)) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'The interval must not start and end at the same time.', params: { code: 'empty-interval' } });
      }
    }),
  );

const dayIntervals = z.array(intervalSchema).check(z.maxLength(MAX_INTERVALS_PER_DAY));
const isoDate = refined((v) => parseIsoDate(v) !== null, 'invalid-date', 'Use a real date as YYYY-MM-DD.');
const name = z.optional(z.string().check(z.trim(), z.maxLength(NAME_LIMIT)));

/** Structure of a business-hours schedule; `validateSchedule` adds the time-zone check that needs a port. */
export const scheduleSchema = z
  .strictObject({
    timezone: refined((v) => v !== '', 'required', 'Pick a time zone.'),
    weekly: z.strictObject(
      Object.fromEntries(WEEKDAYS.map((day) => [day, z.optional(dayIntervals)])) as Record<Weekday, z.ZodMiniOptional<typeof dayIntervals>>,
    ),
    holidays: z._default(z.array(z.strictObject({ date: isoDate, recurring: z._default(z.boolean(), false), name })).check(z.maxLength(MAX_DATED_ENTRIES)), []),
    special_dates: z._default(
      z
        .array(z.strictObject({ date: isoDate, intervals: dayIntervals.check(z.minLength(1, 'Add at least one interval.')), name }))
        .check(z.maxLength(MAX_DATED_ENTRIES)),
      [],
    ),
  })
  .check(
    z.superRefine((schedule, ctx) => {
      for (const day of WEEKDAYS) {
        const overlap = firstOverlap(schedule.weekly[day] ?? []);
        if (overlap !== null)
          ctx.addIssue({
            code: 'custom',
            path: ['weekly', day, overlap, 'start'],
            message: 'Intervals on the same day must not overlap.',
            params: { code: 'overlapping-intervals' },
          });
      }
      schedule.special_dates.forEach((entry, i) => {
        const overlap = firstOverlap(entry.intervals);
        if (overlap !== null)
          ctx.addIssue({
            code: 'custom',
            path: ['special_dates', i, 'intervals', overlap, 'start'],
            message: 'Intervals on the same day must not overlap.',
            params: { code: 'overlapping-intervals' },
          });
      });
      const holidayDates = new Set<string>();
      schedule.holidays.forEach((holiday, i) => {
        const key = holiday.recurring ? `every-${holiday.date.slice(5)}` : holiday.date;
        if (holidayDates.has(key))
          ctx.addIssue({ code: 'custom', path: ['holidays', i, 'date'], message: 'This date is already a holiday.', params: { code: 'duplicate-date' } });
        holidayDates.add(key);
      });
      const specialDates = new Set<string>();
      schedule.special_dates.forEach((entry, i) => {
        if (specialDates.has(entry.date))
          ctx.addIssue({
            code: 'custom',
            path: ['special_dates', i, 'date'],
            message: 'This date already has special hours.',
            params: { code: 'duplicate-date' },
          });
        // A special date overrides a recurring holiday (open this year only), but a one-off holiday on the same date contradicts it.
        else if (holidayDates.has(entry.date))
          ctx.addIssue({ code: 'custom', path: ['special_dates', i, 'date'], message: 'This date is also a holiday.', params: { code: 'conflicting-date' } });
        specialDates.add(entry.date);
      });
    }),
  );

/** A schedule as a client sends it (optional fields and defaults not yet filled). */
export type ScheduleInput = z.input<typeof scheduleSchema>;
/** The parsed schedule; the constraint fails the build if the schema drifts from the domain's type. */
export type ParsedSchedule = SatisfiesDomain<z.output<typeof scheduleSchema>>;
type SatisfiesDomain<T extends BusinessSchedule> = T;

/** Parses a schedule and checks its zone with `port` (an unknown zone is refused, never read as UTC). */
export function validateSchedule(input: unknown, port: TimeZonePort): { ok: true; schedule: ParsedSchedule } | { ok: false; errors: ScheduleFieldErrors } {
  const parsed = scheduleSchema.safeParse(input);
  const errors: ScheduleFieldErrors = {};
  const zone = typeof input === 'object' && input !== null ? (input as { timezone?: unknown }).timezone : undefined;
  if (typeof zone === 'string' && zone !== '' && !port.isValidZone(zone)) {
    errors.timezone = { code: 'unknown-timezone', message: `"${zone}" is not a time zone this server knows; pick one from the list.` };
  }
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    for (const [path, error] of fieldErrorsOf(issue, input)) if (!(path in errors)) errors[path] = error;
  }
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, schedule: parsed.data };
  return { ok: false, errors };
}

/** Index of the first interval (in start order) that begins before the previous one ends, or null. */
function firstOverlap(intervals: ReadonlyArray<{ start: string; end: string }>): number | null {
  const spans: Array<{ index: number; start: number; end: number }> = [];
  intervals.forEach((interval, index) => {
    const start = parseClock(interval.start, false);
    const end = parseClock(interval.end, true);
    if (start !== null && end !== null && start !== end) spans.push({ index, start, end: end < start ? end + MINUTES_PER_DAY : end });
  });
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    const previous = spans[i - 1];
    const current = spans[i];
    if (previous && current && current.start < previous.end) return current.index;
  }
  return null;
}

function fieldErrorsOf(issue: z.core.$ZodIssue, input: unknown): Array<[string, { code: string; message: string }]> {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const code = path.length === 1 && path[0] === 'weekly' ? 'unknown-weekday' : 'unknown-field';
    return issue.keys.map((key) => [
      [...path, key].join('.'),
      { code, message: code === 'unknown-weekday' ? 'Use mon, tue, wed, thu, fri, sat or sun.' : 'This field is not part of a schedule.' },
    ]);
  }
  const at = path.join('.') || 'schedule';
  if (issue.code === 'custom' && typeof issue.params?.code === 'string') return [[at, { code: issue.params.code, message: issue.message }]];
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) return [[at, { code: 'required', message: 'This field is required.' }]];
  return [[at, { code: issue.code.replace(/_/g, '-'), message: issue.message }]];
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = input;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}
