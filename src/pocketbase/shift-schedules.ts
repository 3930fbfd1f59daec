import { authorizeShiftEdit } from '../lib/domain/access/desk-authorization';
import type { StaffRole } from '../lib/schemas/directory';
import { hasShifts, overrideUntilFor } from '../lib/domain/presence/shift-presence';
import { shiftScheduleBody, validateShiftSchedule } from '../lib/schemas/shift-schedule';
import { respondError } from './api-errors';
import { writeAudit } from './audit';
import { shiftScheduleOf, writePresence } from './records/agent';
import { readDeskSettings } from './records/desk-settings';
import { currentApp, EVERY_ROLE, recordOfPath, staffRoute } from './route-kit';
import { GoTimeZone } from './time-zone';

// Shift schedules (issue #15): who may set one, and the toggle's override. The sweep that applies them is
// agent-presence.ts; the hand-back to the owner is shift-handback.ts.

/** The desk's time zone (Admin settings → Your business). A schedule without its own zone works in it. */
export function deskTimeZone(app: core.App): string {
  return readDeskSettings(app).timezone;
}

/**
 * POST /api/pocketdesk/agents/{id}/shift-schedule {schedule|null} — the agent themself, an admin, or a manager of one
 * of the agent's teams (authorizeShiftEdit). Saving (or removing) a schedule ends any override: the schedule rules from the next sweep.
 */
export const handleSaveShiftSchedule = staffRoute({ roles: EVERY_ROLE, body: shiftScheduleBody }, (e, { staff, body }) => {
  const agent = recordOfPath(e, 'agents', 'colleague');
  if (!agent) return;
  const decision = authorizeShiftEdit(
    { id: staff.record.id, role: staff.role, teams: staff.record.getStringSlice('teams') },
    { id: agent.id, role: agent.getString('role') as StaffRole, teams: agent.getStringSlice('teams') },
  );
  if (!decision.ok) return void respondError(e, 403, decision.reason, 'Only the agent, a manager of their team or an admin changes their shifts.');
  const app = currentApp();
  const checked = validateShiftSchedule(body.schedule, deskTimeZone(app), new GoTimeZone());
  if (!checked.ok) return void respondError(e, 400, 'invalid-input', 'Some fields are invalid.', checked.errors);
  const schedule = checked.schedule !== null && hasShifts(checked.schedule) ? checked.schedule : null;
  app.runInTransaction((txApp) => {
    const record = txApp.findRecordById('agents', agent.id);
    record.set('shift_schedule', schedule);
    writePresence(record, { overrideUntil: null });
    txApp.save(record);
    writeAudit(txApp, {
      actorId: staff.record.id,
      actorKind: 'agent',
      action: 'update',
      collection: 'agents',
      recordId: agent.id,
      summary: `${staff.record.getString('name')} ${schedule ? 'set' : 'removed'} the shift schedule of ${agent.getString('name')}`,
    });
  });
  e.json(200, { schedule });
});

/**
 * Before an agent's status change from a request (the app's toggle, an admin): with a schedule, the new status wins
 * until the next shift boundary; without one there is nothing to override.
 */
export function guardShiftToggle(e: core.RecordRequestEvent): void {
  const record = e.record!;
  if (record.getString('status') !== record.original().getString('status')) {
    const schedule = shiftScheduleOf(record);
    const now = Date.now();
    writePresence(record, { overrideUntil: hasShifts(schedule) ? overrideUntilFor(schedule, now, new GoTimeZone()) : null });
  }
  e.next();
}
