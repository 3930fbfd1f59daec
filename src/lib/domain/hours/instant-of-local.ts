import { DAY_MS, wallClockMs, type LocalDateTime } from './civil-date';

/** Reads the wall clock in `zone` at an instant: the one primitive each runtime's time-zone adapter provides. */
export type ToLocal = (instantMs: number, zone: string) => LocalDateTime;

function offsetAt(toLocal: ToLocal, instantMs: number, zone: string): number {
  const second = Math.floor(instantMs / 1000) * 1000;
  return wallClockMs(toLocal(second, zone)) - second;
}

// In a spring-forward gap the offset changes somewhere in (early, late]; tz transitions fall on whole seconds,
// so a binary search over seconds finds the first instant with the new offset.
function transitionBetween(toLocal: ToLocal, early: number, late: number, zone: string): number {
  const offsetEarly = offsetAt(toLocal, early, zone);
  let low = Math.floor(early / 1000);
  let high = Math.ceil(late / 1000);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(toLocal, middle * 1000, zone) === offsetEarly) low = middle;
    else high = middle;
  }
  return high * 1000;
}

/**
 * The instant of a wall-clock reading in `zone`, built only on `toLocal` so every runtime resolves DST alike:
 * a skipped reading gives the transition, a repeated one its first occurrence.
 */
export function instantOfLocal(local: LocalDateTime, zone: string, toLocal: ToLocal): number {
  const wall = wallClockMs(local);
  // Offsets a day either side bracket any transition near `wall`; each gives one candidate instant, valid when the
  // zone really shows `wall` then.
  const offsetBefore = offsetAt(toLocal, wall - DAY_MS, zone);
  const offsetAfter = offsetAt(toLocal, wall + DAY_MS, zone);
  if (offsetBefore === offsetAfter) return wall - offsetBefore;
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter((instant) => offsetAt(toLocal, instant, zone) === wall - instant);
  if (candidates.length > 0) return Math.min(...candidates);
  return transitionBetween(toLocal, wall - offsetAfter, wall - offsetBefore, zone);
}

// IANA names start every segment with a capital (America/Port-au-Prince, Etc/GMT+5, UTC). Intl matches names
// case-insensitively but PocketBase's Go tz lookup does not, so "europe/madrid" is refused everywhere.
export const ZONE_NAME = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/;
