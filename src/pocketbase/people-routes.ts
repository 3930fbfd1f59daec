import { agentInviteSchema, type AgentInvitation } from '../lib/schemas/people';
import { respondError } from './api-errors';
import { applyAssignment } from './assignment';
import { writeAudit } from './audit';
import { isoDate } from './records';
import { INVALID_INPUT, onlyRoles, recordOfPath, staffRoute } from './route-kit';
import { sweepBacklog } from './routing';

// Colleagues from the app (admins): invite with a temporary password shown once, deactivate, reactivate. Role,
// teams, skills, languages and capacity are plain record updates under the agents rule (1764005800).

// No look-alike characters: the password is read off one screen and typed on another.
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const temporaryPassword = () => $security.randomStringWithAlphabet(16, PASSWORD_ALPHABET);

const ADMINS = { roles: ['admin'], roleRefusal: onlyRoles('admin') } as const;

/** POST /api/pocketdesk/agents — creates a colleague and answers their temporary password, once. */
export const handleInviteAgent = staffRoute({ ...ADMINS, body: agentInviteSchema, invalid: INVALID_INPUT }, (e, { staff, body: input }) => {
  const unknownTeam = input.teams.findIndex((id) => !$app.findRecordsByFilter('teams', 'id = {:id}', '', 1, 0, { id } as dbx.Params)[0]);
  if (unknownTeam >= 0) {
    respondError(e, 400, 'invalid-input', 'Some fields are invalid.', { teams: { code: 'unknown-team', message: 'No such team.' } });
    return;
  }
  if ($app.findRecordsByFilter('agents', 'email = {:email}', '', 1, 0, { email: input.email } as dbx.Params)[0]) {
    respondError(e, 400, 'invalid-input', 'Some fields are invalid.', { email: { code: 'not-unique', message: 'Someone already signs in with this email.' } });
    return;
  }
  const password = temporaryPassword();
  const agent = new Record($app.findCollectionByNameOrId('agents'));
  agent.load({
    name: input.name,
    role: input.role,
    teams: input.teams,
    skills: input.skills,
    languages: input.languages,
    max_open: input.max_open,
    status: 'offline',
  });
  agent.setEmail(input.email);
  agent.setVerified(true);
  agent.setPassword(password);
  $app.runInTransaction((txApp) => {
    txApp.save(agent);
    writeAudit(txApp, {
      actorId: staff.record.id,
      actorKind: 'agent',
      action: 'invite',
      collection: 'agents',
      recordId: agent.id,
      summary: `${staff.record.getString('name')} invited ${input.name} (${input.email}) as ${input.role}`,
    });
  });
  const answer: AgentInvitation = { id: agent.id, email: input.email, temporaryPassword: password };
  e.json(200, answer);
});

function colleagueOf(e: core.RequestEvent, staff: { record: core.Record }): core.Record | null {
  const agent = recordOfPath(e, 'agents', 'colleague');
  if (agent && agent.id === staff.record.id) {
    respondError(e, 403, 'own-account', 'Ask another admin to change your own account.');
    return null;
  }
  return agent;
}

/**
 * POST /api/pocketdesk/agents/{id}/deactivate — the colleague can no longer sign in (every session ends: their token
 * key changes), their open conversations and offers go back to routing and their customers lose them as owner.
 * Messages, notes and reviews keep their name.
 */
export const handleDeactivateAgent = staffRoute(ADMINS, (e, { staff }) => {
  const target = colleagueOf(e, staff);
  if (!target) return;
  let requeued = 0;
  $app.runInTransaction((txApp) => {
    const now = Date.now();
    const agent = txApp.findRecordById('agents', target.id);
    agent.set('deactivated_at', isoDate(now));
    agent.set('status', 'offline');
    agent.refreshTokenKey();
    txApp.save(agent);
    const held = txApp.findRecordsByFilter('conversations', 'status != "resolved" && (assignee = {:id} || offered_to = {:id})', '', 0, 0, {
      id: agent.id,
    } as dbx.Params);
    for (const conversation of held) {
      if (!conversation) continue;
      applyAssignment(
        txApp,
        conversation,
        { trigger: 'unassign', agentId: null, teamId: null, outcome: 'queued', reason: 'agent-deactivated', actorId: staff.record.id },
        now,
      );
      requeued++;
    }
    for (const contact of txApp.findRecordsByFilter('contacts', 'owner = {:id}', '', 0, 0, { id: agent.id } as dbx.Params)) {
      if (!contact) continue;
      contact.set('owner', '');
      txApp.save(contact);
    }
    writeAudit(txApp, {
      actorId: staff.record.id,
      actorKind: 'agent',
      action: 'deactivate',
      collection: 'agents',
      recordId: agent.id,
      summary: `${staff.record.getString('name')} deactivated ${agent.getString('name')}; ${requeued} open conversations went back to routing`,
    });
  });
  $app.runInTransaction((txApp) => void sweepBacklog(txApp, Date.now()));
  e.json(200, { ok: true, requeued });
});

/** POST /api/pocketdesk/agents/{id}/reactivate — signs in again, with a new temporary password shown once. */
export const handleReactivateAgent = staffRoute(ADMINS, (e, { staff }) => {
  const target = colleagueOf(e, staff);
  if (!target) return;
  const password = temporaryPassword();
  let agent = target;
  $app.runInTransaction((txApp) => {
    // Read again under the writer lock: the whole record is saved, and what the check above read may be stale.
    agent = txApp.findRecordById('agents', target.id);
    agent.set('deactivated_at', '');
    agent.setPassword(password);
    txApp.save(agent);
    writeAudit(txApp, {
      actorId: staff.record.id,
      actorKind: 'agent',
      action: 'reactivate',
      collection: 'agents',
      recordId: agent.id,
      summary: `${staff.record.getString('name')} reactivated ${agent.getString('name')}`,
    });
  });
  const answer: AgentInvitation = { id: agent.id, email: agent.email(), temporaryPassword: password };
  e.json(200, answer);
});
