// A channel's business hours as the channels screen reads them: the cached record, and "open now?" in its own zone.
import { describeOpening } from '../domain/hours/business-hours';
import type { TimeZonePort } from '../domain/hours/time-zone-port';
import { validateSchedule, type ParsedSchedule } from '../schemas/hours';
import type { ChannelHoursRecord } from './channel-record';

export { channelHoursRecordSchema, type ChannelHoursRecord } from './channel-record';

/** Where a channel stands now; times are epoch ms, shown in `zone`. */
export type ChannelOpening =
  { kind: 'always' } | { kind: 'invalid' } | { kind: 'open'; zone: string; closesAt: number | null } | { kind: 'closed'; zone: string; opensAt: number | null };

/** True when the stored hours are absent: the channel answers around the clock. */
export function hasNoHours(raw: unknown): boolean {
  if (raw === null || raw === undefined || raw === '') return true;
  return typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).length === 0;
}

/** The stored schedule parsed, or null when it is absent or does not validate. */
export function scheduleOf(channel: ChannelHoursRecord, port: TimeZonePort): ParsedSchedule | null {
  if (hasNoHours(channel.business_hours)) return null;
  const checked = validateSchedule(channel.business_hours, port);
  return checked.ok ? checked.schedule : null;
}

/** Open or closed at `now`, and until when. */
export function openingOf(channel: ChannelHoursRecord, now: number, port: TimeZonePort): ChannelOpening {
  if (hasNoHours(channel.business_hours)) return { kind: 'always' };
  const schedule = scheduleOf(channel, port);
  if (!schedule) return { kind: 'invalid' };
  const state = describeOpening(schedule, now, port);
  return state.open ? { kind: 'open', zone: schedule.timezone, closesAt: state.closesAt } : { kind: 'closed', zone: schedule.timezone, opensAt: state.opensAt };
}

/** How an instant reads in the channel's zone: "18:00", plus the weekday when it is not on `now`'s local date. */
export function wallClockOf(instant: number, now: number, zone: string, lang: string, port: TimeZonePort): { time: string; weekday: string | null } {
  const local = port.toLocal(instant, zone);
  const today = port.toLocal(now, zone);
  const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  const sameDay = local.year === today.year && local.month === today.month && local.day === today.day;
  if (sameDay) return { time, weekday: null };
  // More than six days away, a weekday alone would be ambiguous: say the date.
  const options: Intl.DateTimeFormatOptions = instant - now > 6 * 86_400_000 ? { weekday: 'long', day: 'numeric', month: 'long' } : { weekday: 'long' };
  return { time, weekday: new Intl.DateTimeFormat(lang, { ...options, timeZone: zone }).format(instant) };
}
