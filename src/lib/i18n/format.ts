// Dates and durations in the reader's language. Intl lives here, at the edge, not in the domain.
import type { Messages } from './index';

const DAY_MS = 24 * 60 * 60 * 1000;

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per language and options, made on first use: building an Intl.DateTimeFormat costs far more than
 * formatting with it, and a queue or a thread formats a time on every row.
 */
function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(lang, options)));
  return format;
}

function startOfDay(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** A stable key for the local calendar day of `at`, used to place day separators. */
export function dayKey(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/** "Today", "Yesterday" or a date like "Mon, 3 Nov". */
export function formatDay(at: number, now: number, lang: string, t: Messages): string {
  const days = Math.round((startOfDay(now) - startOfDay(at)) / DAY_MS);
  if (days === 0) return t.thread.today;
  if (days === 1) return t.thread.yesterday;
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return dateFormat(lang, { weekday: 'short', day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) }).format(at);
}

/** Clock time ("14:05") for today, a short date otherwise: what a queue row shows. */
export function formatWhen(at: number, now: number, lang: string): string {
  if (startOfDay(at) === startOfDay(now)) return formatClock(at, lang);
  return dateFormat(lang, { day: 'numeric', month: 'short' }).format(at);
}

/** A time ahead, with its day unless it is today: "18:00", "Tue 23 Jun, 09:00" (when a snooze ends). */
export function formatAhead(at: number, now: number, lang: string): string {
  if (startOfDay(at) === startOfDay(now)) return formatClock(at, lang);
  return dateFormat(lang, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
}

export function formatClock(at: number, lang: string): string {
  return dateFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(at);
}

/** "23 h 5 min", rounded down to the minute. */
export function formatDuration(ms: number, t: Messages): string {
  const minutes = Math.floor(ms / 60_000);
  return t.time.duration(Math.floor(minutes / 60), minutes % 60);
}

/**
 * An intent's typical handle time: "45 min" under two hours, else hours to one decimal ("6 h", "2.5 h"). "min" and
 * "h" read the same in English and Spanish.
 */
export function formatHandleMinutes(minutes: number): string {
  return minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 6) / 10} h`;
}
