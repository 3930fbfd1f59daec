// The dashboard's period picker as a request range. Local calendar days, because "today" means the manager's day.
import type { MetricBucket } from '../../schemas/metrics';

export const PERIODS = ['today', '7d', '30d', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

/** A custom range as the date inputs give it (`YYYY-MM-DD`, both days included). */
export interface CustomRange {
  from: string;
  to: string;
}

export type PeriodRange =
  { ok: true; from: number; to: number; bucket: MetricBucket } | { ok: false; reason: 'invalid-date' | 'empty-range' | 'range-too-long' };

const DAY_MS = 86_400_000;
/** The server refuses longer ranges (MAX_METRICS_RANGE_DAYS); asking the user first avoids a failed round trip. */
const MAX_DAYS = 400;

function localMidnight(at: number, addDays = 0): number {
  const day = new Date(at);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + addDays).getTime();
}

function parseDay(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = new Date(year, month, day);
  return date.getFullYear() === year && date.getMonth() === month && date.getDate() === day ? date.getTime() : null;
}

// Hourly points for a day or two, daily up to two months, weekly beyond: a chart stays under ~60 points.
function bucketFor(spanMs: number): MetricBucket {
  if (spanMs <= 2 * DAY_MS) return 'hour';
  return spanMs <= 62 * DAY_MS ? 'day' : 'week';
}

/** The request range for a period: whole local days ending with today, or the custom days inclusive. */
export function periodRange(period: Period, now: number, custom: CustomRange): PeriodRange {
  let from: number;
  let to: number;
  if (period === 'custom') {
    const first = parseDay(custom.from);
    const last = parseDay(custom.to);
    if (first === null || last === null) return { ok: false, reason: 'invalid-date' };
    from = first;
    to = localMidnight(last, 1);
  } else {
    const days = period === 'today' ? 1 : period === '7d' ? 7 : 30;
    from = localMidnight(now, 1 - days);
    to = localMidnight(now, 1);
  }
  if (to <= from) return { ok: false, reason: 'empty-range' };
  if (to - from > MAX_DAYS * DAY_MS) return { ok: false, reason: 'range-too-long' };
  return { ok: true, from, to, bucket: bucketFor(to - from) };
}

/** A local day as a date input's value. */
export function dayInputValue(at: number): string {
  const day = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${two(day.getMonth() + 1)}-${two(day.getDate())}`;
}
