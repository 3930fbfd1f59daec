import * as z from 'zod/mini';
import type { TimeZonePort } from '../domain/hours/time-zone-port';
import type { ShiftSchedule } from '../domain/presence/shift-presence';
import { validateSchedule, type ScheduleFieldErrors } from './hours';

/** POST /api/pocketdesk/agents/{id}/shift-schedule: a schedule, or null to remove it (the toggle alone then). */
export const shiftScheduleBody = z.object({ schedule: z.nullable(z.unknown()) });

/**
 * Checks an agent's shift schedule with the business-hours rules; a schedule without a time zone works in
 * `deskZone` (the channel's). Errors are keyed `schedule.<path>` like the route's body.
 */
export function validateShiftSchedule(
  input: unknown,
  deskZone: string,
  port: TimeZonePort,
): { ok: true; schedule: ShiftSchedule | null } | { ok: false; errors: ScheduleFieldErrors } {
  if (input === null) return { ok: true, schedule: null };
  const given = typeof input === 'object' && !Array.isArray(input) ? (input as { timezone?: unknown }) : null;
  const withZone = given && (given.timezone === undefined || given.timezone === '') ? { ...given, timezone: deskZone } : input;
  const checked = validateSchedule(withZone, port);
  if (checked.ok)
    return {
      ok: true,
      schedule: {
        timezone: checked.schedule.timezone,
        weekly: checked.schedule.weekly,
        holidays: checked.schedule.holidays,
        special_dates: checked.schedule.special_dates,
      },
    };
  const errors: ScheduleFieldErrors = {};
  for (const [path, error] of Object.entries(checked.errors)) errors[path === 'schedule' ? 'schedule' : `schedule.${path}`] = error;
  return { ok: false, errors };
}
