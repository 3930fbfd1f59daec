import { businessMsBetween, describeOpening, SEARCH_HORIZON_DAYS } from '../hours/business-hours';
import { DAY_MS } from '../hours/civil-date';
import type { BusinessSchedule } from '../hours/schedule';
import type { TimeZonePort } from '../hours/time-zone-port';

/** Open milliseconds in [`fromMs`, `toMs`), as `businessMsBetween` counts them. */
export type BusinessTimeMeter = (fromMs: number, toMs: number) => number;

// First index whose value is greater than `value`.
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Lays out the schedule's open periods over [`fromMs`, `toMs`) once (at most the search horizon), so each question
 * inside that span costs two binary searches instead of a walk through the time-zone port (a report asks thousands),
 * and questions reaching outside it go to `businessMsBetween`.
 */
export function indexBusinessTime(schedule: BusinessSchedule, fromMs: number, toMs: number, port: TimeZonePort): BusinessTimeMeter {
  const fallback: BusinessTimeMeter = (a, b) => businessMsBetween(schedule, a, b, port);
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs <= fromMs) return fallback;
  const end = Math.min(toMs, fromMs + SEARCH_HORIZON_DAYS * DAY_MS);
  const starts: number[] = [];
  const ends: number[] = [];
  const openBefore: number[] = [];
  let total = 0;
  let at = fromMs;
  // Each step moves to a period's end or the next opening, so a year of split shifts is under a thousand steps.
  for (let step = 0; at < end && step < 2 * (SEARCH_HORIZON_DAYS + 1) * 12; step++) {
    const state = describeOpening(schedule, at, port);
    if (state.open) {
      const closes = state.closesAt ?? Infinity;
      starts.push(at);
      ends.push(closes);
      openBefore.push(total);
      total += closes - at;
      at = closes;
    } else if (state.opensAt === null) {
      break;
    } else {
      at = state.opensAt;
    }
  }
  const coveredUntil = Math.min(end, at);
  const openUntil = (instant: number): number => {
    const i = upperBound(starts, instant) - 1;
    if (i < 0) return 0;
    return (openBefore[i] as number) + Math.min(instant, ends[i] as number) - (starts[i] as number);
  };
  return (a, b) => {
    if (!(b > a)) return 0;
    return a >= fromMs && b <= coveredUntil ? openUntil(b) - openUntil(a) : fallback(a, b);
  };
}
