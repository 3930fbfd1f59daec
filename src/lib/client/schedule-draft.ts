// The business-hours editor's working copy, what it sends, and how the server's refusals map back onto its fields.
import './zod-english';
import type PocketBase from 'pocketbase';
import { WEEKDAYS, type Weekday } from '../domain/hours/schedule';
import type { TimeZonePort } from '../domain/hours/time-zone-port';
import { validateSchedule, type ScheduleFieldErrors, type ScheduleInput } from '../schemas/hours';
import { channelHoursRecordSchema, hasNoHours, type ChannelHoursRecord } from './channel-hours';
import type { DeskDb } from './db';

export interface IntervalDraft {
  start: string;
  end: string;
}

export interface HolidayDraft {
  date: string;
  recurring: boolean;
  name: string;
}

/** Everything the form edits; special dates are not editable here and are sent back untouched. */
export interface ScheduleDraft {
  timezone: string;
  weekly: Record<Weekday, IntervalDraft[]>;
  holidays: HolidayDraft[];
  special_dates: unknown[];
}

const WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map(record) : [];
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The stored hours as a draft; a channel open around the clock starts from office hours, Monday to Friday. */
export function draftOf(channel: ChannelHoursRecord): ScheduleDraft {
  const raw = record(channel.business_hours);
  const fresh = hasNoHours(channel.business_hours);
  const weekly = record(raw.weekly);
  return {
    timezone: text(raw.timezone) || channel.timezone || 'UTC',
    weekly: Object.fromEntries(
      WEEKDAYS.map((day) => [
        day,
        fresh ? (WORKDAYS.includes(day) ? [{ start: '09:00', end: '18:00' }] : []) : list(weekly[day]).map((i) => ({ start: text(i.start), end: text(i.end) })),
      ]),
    ) as Record<Weekday, IntervalDraft[]>,
    holidays: list(raw.holidays).map((h) => ({ date: text(h.date), recurring: h.recurring === true, name: text(h.name) })),
    special_dates: Array.isArray(raw.special_dates) ? raw.special_dates : [],
  };
}

/** The draft as `business_hours` JSON: closed weekdays left out, blank holiday names dropped. */
export function scheduleInputOf(draft: ScheduleDraft): ScheduleInput {
  const weekly: ScheduleInput['weekly'] = {};
  for (const day of WEEKDAYS) if (draft.weekly[day].length) weekly[day] = draft.weekly[day].map(({ start, end }) => ({ start, end }));
  return {
    timezone: draft.timezone.trim(),
    weekly,
    holidays: draft.holidays.map(({ date, recurring, name }) => ({ date, recurring, ...(name.trim() ? { name: name.trim() } : {}) })),
    special_dates: draft.special_dates as ScheduleInput['special_dates'],
  };
}

/** Saving answers either the saved record or field errors keyed like the draft (`weekly.mon.0.end`, `timezone`). */
export type SaveResult = { ok: true } | { ok: false; errors: ScheduleFieldErrors; reason: string };

/** Server keys are `business_hours.weekly.mon.0.end`; the channel's own `timezone` lands on the same input. */
export function draftErrorsOf(data: unknown): ScheduleFieldErrors {
  const errors: ScheduleFieldErrors = {};
  for (const [key, value] of Object.entries(record(data))) {
    const error = record(value);
    const path = key.startsWith('business_hours.') ? key.slice('business_hours.'.length) : key === 'business_hours' ? 'schedule' : key;
    errors[path] ??= { code: text(error.code) || 'invalid', message: text(error.message) };
  }
  return errors;
}

async function patchChannel(pb: PocketBase, db: DeskDb, channelId: string, data: Record<string, unknown>): Promise<SaveResult> {
  try {
    const saved = await pb.collection('channels').update(channelId, data, { requestKey: null });
    const parsed = channelHoursRecordSchema.safeParse(saved);
    if (parsed.success) await db.channels.put(parsed.data);
    return { ok: true };
  } catch (error) {
    const e = error as { status?: number; response?: { data?: unknown; reason?: string } };
    const errors = draftErrorsOf(e.response?.data);
    const reason = e.status === 0 ? 'offline' : e.status === 403 || e.status === 404 ? 'forbidden' : (e.response?.reason ?? 'invalid');
    return { ok: false, errors, reason };
  }
}

/** Checks the draft on the device first (nothing is sent when it fails), then PATCHes hours and zone together. */
export function saveSchedule(pb: PocketBase, db: DeskDb, channelId: string, draft: ScheduleDraft, port: TimeZonePort): Promise<SaveResult> {
  const input = scheduleInputOf(draft);
  const checked = validateSchedule(input, port);
  if (!checked.ok) return Promise.resolve({ ok: false, errors: checked.errors, reason: 'invalid' });
  return patchChannel(pb, db, channelId, { business_hours: input, timezone: input.timezone });
}

/** Removes the hours: the channel answers around the clock again. */
export function clearSchedule(pb: PocketBase, db: DeskDb, channelId: string): Promise<SaveResult> {
  return patchChannel(pb, db, channelId, { business_hours: null });
}
