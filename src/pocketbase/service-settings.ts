import { checkQaSettings, type ParsedQaSettings } from '../lib/schemas/qa';
import { checkSlaSettings } from '../lib/schemas/sla';
import { checkWaitingPushSettings } from '../lib/schemas/waiting-push';
import { respondError, type FieldErrors } from './api-errors';
import { writeAudit } from './audit';
import { jsonField } from './records';
import { onlyRoles, recordOfPath, staffRoute } from './route-kit';
import { GoTimeZone } from './time-zone';

// Service settings from the app: a channel's response targets (channels.service.sla, admins) and a team's weekly QA
// (teams.settings.qa, admins and the team's managers). Both are checked with the schemas the sweeps read them with,
// so a setting the sweep would silently replace with its default is refused where it is written.

/** Refuses a channel whose SLA policies are invalid or name a team that does not exist, with field errors. */
export function guardChannelService(e: core.RecordRequestEvent): void {
  const service = jsonField<{ sla?: unknown } | null>(e.record!, 'service', null);
  if (service?.sla === undefined) return void e.next();
  const errors: FieldErrors = {};
  const checked = checkSlaSettings(service.sla, new GoTimeZone());
  if (!checked.ok) for (const [path, error] of Object.entries(checked.errors)) errors[`service.sla.${path}`] = error;
  else
    checked.settings.policies.forEach((policy, i) => {
      if (policy.teamId && !e.app.findRecordsByFilter('teams', 'id = {:id}', '', 1, 0, { id: policy.teamId } as dbx.Params)[0]) {
        errors[`service.sla.policies.${i}.teamId`] = { code: 'unknown-team', message: 'No such team.' };
      }
    });
  if (Object.keys(errors).length) return void respondError(e, 400, 'invalid-settings', 'The channel settings are invalid.', errors);
  e.next();
}

/** Refuses QA or waiting-push settings on a team record that the sampler or the waiting sweep could not read. */
export function guardTeamSettings(e: core.RecordRequestEvent): void {
  const settings = jsonField<{ qa?: unknown; waitingPush?: unknown } | null>(e.record!, 'settings', null);
  const checked = settings?.qa === undefined ? null : checkQaSettings(settings.qa);
  if (checked && !checked.ok) {
    const errors: FieldErrors = {};
    for (const [path, error] of Object.entries(checked.errors)) errors[`settings.qa.${path}`] = error;
    return void respondError(e, 400, 'invalid-settings', 'The QA settings are invalid.', errors);
  }
  const waiting = settings?.waitingPush === undefined ? null : checkWaitingPushSettings(settings.waitingPush);
  if (waiting && !waiting.ok) {
    const errors: FieldErrors = {};
    for (const [path, error] of Object.entries(waiting.errors)) errors[`settings.waitingPush.${path}`] = error;
    return void respondError(e, 400, 'invalid-settings', 'The waiting push settings are invalid.', errors);
  }
  e.next();
}

/** POST /api/pocketdesk/teams/{id}/qa — the team's weekly QA settings, by an admin or a manager of the team. */
export const handleSaveTeamQa = staffRoute({ roles: ['admin', 'manager'], roleRefusal: onlyRoles('admin', 'manager') }, (e, { staff, body }) => {
  const team = recordOfPath(e, 'teams', 'team');
  if (!team) return;
  if (staff.role === 'manager' && !staff.record.getStringSlice('teams').includes(team.id)) {
    return void respondError(e, 403, 'not-your-team', 'Only the team’s managers and admins change its QA settings.');
  }
  // The body is read once (by the route kit): a second read of the request body comes back empty.
  const checked = checkQaSettings(body);
  if (!checked.ok) return void respondError(e, 400, 'invalid-input', 'Some fields are invalid.', checked.errors);
  const qa: ParsedQaSettings = checked.settings;
  $app.runInTransaction((txApp) => {
    const record = txApp.findRecordById('teams', team.id);
    // The other settings as they stand now, not as read before the transaction: an edit committed meanwhile stays.
    const before = jsonField<{ qa?: { enabled?: boolean } } | null>(record, 'settings', null) ?? {};
    record.set('settings', { ...before, qa });
    txApp.save(record);
    const switched = (before.qa?.enabled ?? false) === qa.enabled ? 'changed' : qa.enabled ? 'switched on' : 'switched off';
    writeAudit(txApp, {
      actorId: staff.record.id,
      actorKind: 'agent',
      action: 'update',
      collection: 'teams',
      recordId: team.id,
      summary: `${staff.record.getString('name')} ${switched} weekly QA for team ${team.getString('name')}`,
      changes: { qa: { from: before.qa ?? null, to: qa } },
    });
  });
  e.json(200, { qa });
});
