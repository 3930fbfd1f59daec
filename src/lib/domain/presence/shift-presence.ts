import { describeOpening, SEARCH_HORIZON_DAYS } from '../hours/business-hours';
import { DAY_MS } from '../hours/civil-date';
import type { BusinessSchedule } from '../hours/schedule';
import type { TimeZonePort } from '../hours/time-zone-port';
import { shouldMarkAway } from '../routing/agent-availability';
import type { ShiftStatus } from '../routing/routing-input';

/**
 * An agent's weekly shifts: the business-hours shape (several spans a day, overnight spans, holidays) in the zone
 * the agent works in. A shift schedule sets the agent online and off; without one, presence is the toggle alone.
 */
export type ShiftSchedule = BusinessSchedule;

/** What the presence sweep knows about an agent. Times are epoch ms. */
export interface PresenceFacts {
  schedule: ShiftSchedule | null;
  status: ShiftStatus;
  /** The agent's own toggle wins over the schedule until this instant (the next shift boundary when it was set). */
  overrideUntil: number | null;
  lastSeen: number | null;
}

/** Why the agent has the presence they have: stable codes for the audit log and tests. */
export type PresenceReason = 'on-shift' | 'off-shift' | 'override' | 'silent' | 'toggle';

export interface Presence {
  status: ShiftStatus;
  reason: PresenceReason;
  /** The next instant the schedule (or the override's end) may change the status; null: none ahead. */
  nextBoundary: number | null;
}

/** The next shift start or end after `now`, or null when the schedule has none within the search horizon. */
export function nextShiftBoundary(schedule: ShiftSchedule, now: number, port: TimeZonePort): number | null {
  const opening = describeOpening(schedule, now, port);
  return opening.open ? opening.closesAt : opening.opensAt;
}

/**
 * How long a toggle set at `now` overrides the schedule: until the next shift boundary, so an agent who goes off
 * early is back on at their next shift. With no boundary ahead it lasts as long as the searches look.
 */
export function overrideUntilFor(schedule: ShiftSchedule, now: number, port: TimeZonePort): number {
  return nextShiftBoundary(schedule, now, port) ?? now + SEARCH_HORIZON_DAYS * DAY_MS;
}

/**
 * The presence an agent should have at `now`. With a schedule: the override while it lasts, else online during a
 * shift and off outside one; a silent phone never matters (it sleeps in a pocket on shift). Without a schedule:
 * the toggle, except that an online agent silent for `silenceMs` becomes away.
 */
export function presenceAt(facts: PresenceFacts, now: number, silenceMs: number, port: TimeZonePort): Presence {
  const { schedule } = facts;
  if (schedule === null) {
    const silent = facts.status === 'online' && shouldMarkAway(facts.lastSeen, now, silenceMs);
    return { status: silent ? 'away' : facts.status, reason: silent ? 'silent' : 'toggle', nextBoundary: null };
  }
  if (facts.overrideUntil !== null && now < facts.overrideUntil) return { status: facts.status, reason: 'override', nextBoundary: facts.overrideUntil };
  const opening = describeOpening(schedule, now, port);
  return opening.open
    ? { status: 'online', reason: 'on-shift', nextBoundary: opening.closesAt }
    : { status: 'offline', reason: 'off-shift', nextBoundary: opening.opensAt };
}

/** True when the schedule has at least one span: an empty one is treated as no schedule (the toggle rules). */
export function hasShifts(schedule: ShiftSchedule | null): schedule is ShiftSchedule {
  if (schedule === null) return false;
  for (const spans of Object.values(schedule.weekly)) if (spans && spans.length > 0) return true;
  return (schedule.special_dates ?? []).length > 0;
}
