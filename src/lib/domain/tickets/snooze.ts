// Snooze: a conversation leaves the queue's active lists until a time or until the customer writes, then comes
// back by itself. The presets are read on the channel's wall clock (a Madrid shop's "tomorrow morning" is Madrid's),
// and where the channel keeps business hours, "tomorrow morning" and "next week" mean its opening on that day.

import { nextOpening } from '../hours/business-hours';
import { addDays, localAt, weekdayIndexOf, type LocalDate } from '../hours/civil-date';
import type { BusinessSchedule } from '../hours/schedule';
import type { TimeZonePort } from '../hours/time-zone-port';

export const SNOOZE_PRESETS = ['one-hour', 'this-evening', 'tomorrow-morning', 'next-week'] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

/** What an agent asks for: a preset, a time of their own, or "until the customer writes". */
export type SnoozeRequest = { preset: SnoozePreset } | { until: number } | { untilCustomerWrites: true };

/** Why a conversation is snoozed, as the `snooze_reason` field stores it; null: not snoozed. */
export type SnoozeReason = 'until-time' | 'until-customer';

export interface SnoozeState {
  reason: SnoozeReason | null;
  /** Epoch ms; null unless `reason` is `until-time`. */
  until: number | null;
}

export const NOT_SNOOZED: SnoozeState = { reason: null, until: null };

/** Evening and morning on the channel's clock, in minutes after midnight, when the channel has no hours for that day. */
export const EVENING_MINUTES = 18 * 60;
export const MORNING_MINUTES = 9 * 60;
/** A snooze shorter than this is a mis-tap; one longer than the limit is a forgotten conversation. */
export const MIN_SNOOZE_MS = 5 * 60_000;
export const MAX_SNOOZE_MS = 90 * 86_400_000;

export type SnoozeRefusal = 'resolved' | 'too-soon' | 'too-far' | 'preset-unavailable';
export type SnoozeDecision = { ok: true; state: SnoozeState } | { ok: false; reason: SnoozeRefusal };

/** Where presets are read: the channel's zone and its hours (null: no hours, always open). */
export interface SnoozeClock {
  zone: string;
  schedule: BusinessSchedule | null;
  port: TimeZonePort;
}

function localDate(instant: number, clock: SnoozeClock): LocalDate {
  const { year, month, day } = clock.port.toLocal(instant, clock.zone);
  return { year, month, day };
}

const sameDate = (a: LocalDate, b: LocalDate) => a.year === b.year && a.month === b.month && a.day === b.day;

/** The channel's first opening on `date`, else `fallbackMinutes` on that date (closed that day, or no hours kept). */
function openingOn(date: LocalDate, fallbackMinutes: number, clock: SnoozeClock): number {
  const fallback = clock.port.toInstant(localAt(date, fallbackMinutes), clock.zone);
  if (!clock.schedule) return fallback;
  const opening = nextOpening(clock.schedule, clock.port.toInstant(localAt(date, 0), clock.zone), clock.port);
  return opening !== null && sameDate(localDate(opening, clock), date) ? opening : fallback;
}

/** The instant a preset means at `now`, or null when it makes no sense then ("this evening" once the evening has come). */
export function snoozePresetInstant(preset: SnoozePreset, now: number, clock: SnoozeClock): number | null {
  const today = localDate(now, clock);
  switch (preset) {
    case 'one-hour':
      return now + 3_600_000;
    case 'this-evening': {
      const evening = clock.port.toInstant(localAt(today, EVENING_MINUTES), clock.zone);
      // Less than an hour away is what "1 hour" is for.
      return evening - now >= 3_600_000 ? evening : null;
    }
    case 'tomorrow-morning':
      return openingOn(addDays(today, 1), MORNING_MINUTES, clock);
    case 'next-week':
      // The coming Monday; on a Monday, the one a week later.
      return openingOn(addDays(today, 7 - weekdayIndexOf(today)), MORNING_MINUTES, clock);
  }
}

/** Decides the snooze a request makes at `now`, or why it cannot be made. */
export function decideSnooze(request: SnoozeRequest, status: string, now: number, clock: SnoozeClock): SnoozeDecision {
  if (status === 'resolved') return { ok: false, reason: 'resolved' };
  if ('untilCustomerWrites' in request) return { ok: true, state: { reason: 'until-customer', until: null } };
  const until = 'preset' in request ? snoozePresetInstant(request.preset, now, clock) : request.until;
  if (until === null) return { ok: false, reason: 'preset-unavailable' };
  if (until - now < MIN_SNOOZE_MS) return { ok: false, reason: 'too-soon' };
  if (until - now > MAX_SNOOZE_MS) return { ok: false, reason: 'too-far' };
  return { ok: true, state: { reason: 'until-time', until } };
}

/** True while the conversation is snoozed (whatever its time: a due one is still snoozed until the sweep wakes it). */
export function isSnoozed(state: SnoozeState): boolean {
  return state.reason !== null;
}

/** True when a timed snooze has run out at `now`. A snooze "until the customer writes" never runs out. */
export function isDueToWake(state: SnoozeState, now: number): boolean {
  return state.reason === 'until-time' && state.until !== null && state.until <= now;
}

/** Why a conversation woke, or null when this event leaves it asleep. A customer's message wakes any snooze at once. */
export function wakeCause(
  state: SnoozeState,
  event: { kind: 'inbound' } | { kind: 'tick'; now: number } | { kind: 'resolved' },
): 'customer-wrote' | 'time-up' | 'resolved' | null {
  if (!isSnoozed(state)) return null;
  if (event.kind === 'inbound') return 'customer-wrote';
  if (event.kind === 'resolved') return 'resolved';
  return isDueToWake(state, event.now) ? 'time-up' : null;
}
