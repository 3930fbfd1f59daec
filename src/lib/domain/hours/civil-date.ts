/** A calendar date on the wall clock of some time zone (month and day start at 1). */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock reading in some time zone, to the second. */
export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;

// Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm): pure integer
// arithmetic, so the same code runs in Node, the browser and PocketBase's VM without Date.
/** Days between 1970-01-01 and the given date (negative before it). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date that lies `days` days after 1970-01-01. */
export function civilFromDays(days: number): LocalDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The date `count` days after (or before, when negative) `date`. */
export function addDays(date: LocalDate, count: number): LocalDate {
  return civilFromDays(daysFromCivil(date.year, date.month, date.day) + count);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return daysFromCivil(to.year, to.month, to.day) - daysFromCivil(from.year, from.month, from.day);
}

/** 0 for Monday through 6 for Sunday. */
export function weekdayIndexOf(date: LocalDate): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((daysFromCivil(date.year, date.month, date.day) + 3) % 7) + 7) % 7;
}

/** The wall-clock reading as if it were UTC, in epoch ms: what adapters subtract an instant from to get an offset. */
export function wallClockMs(local: LocalDateTime): number {
  return daysFromCivil(local.year, local.month, local.day) * DAY_MS + ((local.hour * 60 + local.minute) * 60 + local.second) * 1000;
}

/** `minutes` after local midnight of `date` as a wall-clock reading; values past 1440 roll into later days. */
export function localAt(date: LocalDate, minutes: number): LocalDateTime {
  const dayOffset = Math.floor(minutes / MINUTES_PER_DAY);
  const inDay = minutes - dayOffset * MINUTES_PER_DAY;
  const { year, month, day } = dayOffset === 0 ? date : addDays(date, dayOffset);
  return { year, month, day, hour: Math.floor(inDay / 60), minute: inDay % 60, second: 0 };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^(\d{2}):(\d{2})$/;

/** A real calendar date from `YYYY-MM-DD`, or null (2026-02-30 is null). */
export function parseIsoDate(text: string): LocalDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const roundTrip = civilFromDays(daysFromCivil(date.year, date.month, date.day));
  return date.month >= 1 && date.month <= 12 && roundTrip.month === date.month && roundTrip.day === date.day ? date : null;
}

/** `YYYY-MM-DD` for a date. */
export function formatIsoDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Minutes after midnight from `HH:MM` (00:00–23:59, and 24:00 when `allowMidnightEnd`), or null. */
export function parseClock(text: string, allowMidnightEnd: boolean): number | null {
  const match = CLOCK.exec(text);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour === 24 && minute === 0 && allowMidnightEnd) return MINUTES_PER_DAY;
  return hour < 24 && minute < 60 ? hour * 60 + minute : null;
}
