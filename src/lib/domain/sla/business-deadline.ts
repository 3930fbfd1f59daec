import { businessMsBetween, describeOpening } from '../hours/business-hours';
import type { BusinessSchedule } from '../hours/schedule';
import type { TimeZonePort } from '../hours/time-zone-port';

// Enough open periods for a month of split shifts; a longer target is refused by the schema.
const MAX_PERIODS = 1000;

/**
 * The instant at which `durationMs` of open time has passed since `fromMs` (a 5-minute target on a 03:00 message
 * with opening at 09:00 is due at 09:05), or null when the schedule does not open for that long within the horizon.
 */
export function businessDeadline(schedule: BusinessSchedule, fromMs: number, durationMs: number, port: TimeZonePort): number | null {
  if (!Number.isFinite(fromMs) || !Number.isFinite(durationMs)) return null;
  let at = fromMs;
  let left = Math.max(0, durationMs);
  for (let step = 0; step < MAX_PERIODS; step++) {
    const state = describeOpening(schedule, at, port);
    if (!state.open) {
      if (state.opensAt === null) return null;
      at = state.opensAt;
    } else if (state.closesAt === null || left <= state.closesAt - at) {
      return at + left;
    } else {
      left -= state.closesAt - at;
      at = state.closesAt;
    }
  }
  return null;
}

/** Open time from `fromMs` to `toMs`, negative when `toMs` comes first (how far past a deadline). */
export function signedBusinessMs(schedule: BusinessSchedule, fromMs: number, toMs: number, port: TimeZonePort): number {
  return toMs >= fromMs ? businessMsBetween(schedule, fromMs, toMs, port) : -businessMsBetween(schedule, toMs, fromMs, port);
}
