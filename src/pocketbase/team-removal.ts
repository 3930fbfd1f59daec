import { teamRemovalSchema } from '../lib/schemas/people';
import { respondError } from './api-errors';
import { writeAudit } from './audit';
import { jsonField } from './records';
import { INVALID_INPUT, onlyRoles, recordOfPath, staffRoute } from './route-kit';

// Removing a team (admins): everything that points at it moves to the team the admin chose, in one transaction,
// then the team goes. Without a target the team must own nothing, so no conversation is left team-less.

/** A JSON field with every occurrence of the team's id replaced (routing rules, escalation targets, SLA scopes). */
function retarget(record: core.Record, field: string, from: string, to: string | null): boolean {
  const text = JSON.stringify(jsonField<unknown>(record, field, null));
  if (!text.includes(`"${from}"`)) return false;
  if (to === null) return true;
  record.set(field, JSON.parse(text.split(`"${from}"`).join(`"${to}"`)));
  return true;
}

/** POST /api/pocketdesk/teams/{id}/remove {moveTo} — moves the team's conversations, channels and reviews, then deletes it. */
export const handleRemoveTeam = staffRoute(
  { roles: ['admin'], roleRefusal: onlyRoles('admin'), body: teamRemovalSchema, invalid: INVALID_INPUT },
  (e, { staff, body: input }) => {
    const team = recordOfPath(e, 'teams', 'team');
    if (!team) return;
    const target = input.moveTo === null ? null : $app.findRecordsByFilter('teams', 'id = {:id}', '', 1, 0, { id: input.moveTo } as dbx.Params)[0];
    if (input.moveTo !== null && (!target || target.id === team.id)) {
      respondError(e, 400, 'invalid-input', 'Some fields are invalid.', { moveTo: { code: 'unknown-team', message: 'Choose another existing team.' } });
      return;
    }
    const moveTo = target?.id ?? null;
    let refused = false;
    let moved = 0;
    $app.runInTransaction((txApp) => {
      const params = { id: team.id } as dbx.Params;
      const conversations = txApp.findRecordsByFilter('conversations', 'team = {:id}', '', 0, 0, params).flatMap((r) => (r ? [r] : []));
      const channels = txApp.findAllRecords('channels').flatMap((r) => (r ? [r] : []));
      const uses = channels.filter(
        (channel) => channel.getString('default_team') === team.id || ['routing', 'service'].some((f) => retarget(channel, f, team.id, null)),
      );
      if (moveTo === null && (conversations.length > 0 || uses.length > 0)) {
        refused = true;
        return;
      }
      for (const conversation of conversations) {
        conversation.set('team', moveTo);
        txApp.save(conversation);
        moved++;
      }
      for (const channel of uses) {
        if (channel.getString('default_team') === team.id) channel.set('default_team', moveTo);
        retarget(channel, 'routing', team.id, moveTo);
        retarget(channel, 'service', team.id, moveTo);
        txApp.save(channel);
      }
      for (const review of txApp.findRecordsByFilter('qa_reviews', 'team = {:id}', '', 0, 0, params)) {
        if (!review) continue;
        review.set('team', moveTo);
        txApp.save(review);
      }
      txApp.delete(txApp.findRecordById('teams', team.id));
      const where = target ? `; ${moved} conversations moved to ${target.getString('name')}` : '';
      writeAudit(txApp, {
        actorId: staff.record.id,
        actorKind: 'agent',
        action: 'delete',
        collection: 'teams',
        recordId: team.id,
        summary: `${staff.record.getString('name')} removed team ${team.getString('name')}${where}`,
      });
    });
    if (refused) {
      respondError(e, 400, 'invalid-input', 'Choose where the team’s conversations go.', {
        moveTo: { code: 'move-target-required', message: 'The team still has conversations or channels: choose a team to move them to.' },
      });
      return;
    }
    e.json(200, { ok: true, moved });
  },
);
