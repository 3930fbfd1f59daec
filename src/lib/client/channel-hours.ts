// A channel's business hours as the channels screen reads them: the cached record, and "open now?" in its own zone.
import * as z from 'zod/mini';
import { describeOpening } from '../domain/hours/business-hours';
import type { TimeZonePort } from '../domain/hours/time-zone-port';
import { validateSchedule, type ParsedSchedule } from '../schemas/hours';
import { channelRecordSchema, type ChannelRecord } from '../schemas/directory';

/** A channel as the device keeps it: the directory fields plus its zone and raw `business_hours` JSON. */
export const channelHoursRecordSchema = z.extend(channelRecordSchema, {
  timezone: z.pipe(z.nullish(z.string()), z.transform((value) => value ?? '')),
  business_hours: z.pipe(z.nullish(z.unknown()), z.transform((value) => value ?? null)),
});
/** Optional fields: rows cached before the hours were kept read as "around the clock" until the next refresh. */
export type ChannelHoursRecord = ChannelRecord & { timezone?: string; business_hours?: unknown };

/** Where a channel stands now; times are epoch ms, shown in `zone`. */
export type ChannelOpening =
  | { kind: 'always' }
  | { kind: 'invalid' }
  | { kind: 'open'; zone: string; closesAt: number | null }
  | { kind: 'closed'; zone: string; opensAt: number | null };

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
