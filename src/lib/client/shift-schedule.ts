import type PocketBase from 'pocketbase';
import { WEEKDAYS, type Weekday } from '$lib/domain/hours/schedule';
import type { ShiftSchedule } from '$lib/domain/presence/shift-presence';
import type { ScheduleFieldErrors } from '$lib/schemas/hours';
import { validateShiftSchedule } from '$lib/schemas/shift-schedule';
import { intlTimeZone } from './intl-time-zone';

/** The editor's copy of a schedule: every weekday present, the zone as typed ('' = the channel's). */
export interface ShiftDraft {
  timezone: string;
  weekly: Record<Weekday, Array<{ start: string; end: string }>>;
}

export function shiftDraftOf(schedule: ShiftSchedule | null): ShiftDraft {
  const weekly = Object.fromEntries(WEEKDAYS.map((day) => [day, (schedule?.weekly[day] ?? []).map((span) => ({ ...span }))])) as ShiftDraft['weekly'];
  return { timezone: schedule?.timezone ?? '', weekly };
}

/** What the route receives: null when no day has a shift (the schedule is removed). */
export function shiftInputOf(draft: ShiftDraft): { timezone?: string; weekly: ShiftDraft['weekly'] } | null {
  const weekly = Object.fromEntries(WEEKDAYS.filter((day) => draft.weekly[day].length > 0).map((day) => [day, draft.weekly[day]])) as ShiftDraft['weekly'];
  if (Object.keys(weekly).length === 0) return null;
  return draft.timezone.trim() === '' ? { weekly } : { timezone: draft.timezone.trim(), weekly };
}

export type ShiftSaveResult = { ok: true; schedule: ShiftSchedule | null } | { ok: false; errors: ScheduleFieldErrors };

/** Checks the draft with the server's schema, then saves it through the shift-schedule route. */
export async function saveShiftSchedule(pb: PocketBase, agentId: string, draft: ShiftDraft): Promise<ShiftSaveResult> {
  const schedule = shiftInputOf(draft);
  // The channel's zone is filled in by the server; any valid zone stands in for it in the device's check.
  const local = validateShiftSchedule(schedule, 'UTC', intlTimeZone);
  if (!local.ok) return local;
  try {
    const answer = await pb.send<{ schedule: ShiftSchedule | null }>(`/api/pocketdesk/agents/${agentId}/shift-schedule`, {
      method: 'POST',
      body: { schedule },
    });
    return { ok: true, schedule: answer.schedule };
  } catch (error) {
    const data = (error as { response?: { data?: ScheduleFieldErrors } }).response?.data;
    return { ok: false, errors: data && Object.keys(data).length > 0 ? data : { form: { code: 'other', message: '' } } };
  }
}

/** The agent's stored schedule. */
export async function loadShiftSchedule(pb: PocketBase, agentId: string): Promise<ShiftSchedule | null> {
  const record = await pb.collection('agents').getOne<{ shift_schedule: ShiftSchedule | null }>(agentId, { fields: 'shift_schedule', requestKey: null });
  return record.shift_schedule ?? null;
}
