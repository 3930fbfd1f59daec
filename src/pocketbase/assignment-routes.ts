import * as z from 'zod/mini';
import type { DeskDecision } from '../lib/domain/access/desk-authorization';
import { planAssignment, type AssignmentChange, type AssignmentPlan } from '../lib/domain/assignment/assignment-plan';
import type { AssignableConversation } from '../lib/domain/routing/manual-assignment';
import { decideRouting } from '../lib/domain/routing/routing-decision';
import { ASSIGN_ACTIONS, ASSIGN_NOTE_LIMIT } from '../lib/schemas/assignment';
import { respondError } from './api-errors';
import type { AssignmentRecord } from './assignment';
import { authorizeDesk, respondDeskRefusal } from './desk-access';
import { recordTransferCorrection } from './intent-corrections';
import { assignOrOffer } from './offers';
import { findOne, jsonField, newRecord } from './records';
import { currentApp, EVERY_ROLE, staffRoute } from './route-kit';
import { loadRoutingAgents, routingSettingsOf } from './routing-context';
import { routingInputFor, sweepBacklog } from './routing';

const assignBody = z.object({
  action: z.enum(ASSIGN_ACTIONS),
  agentId: z.optional(z.string()),
  teamId: z.optional(z.string()),
  note: z.optional(z.string()),
});

function assignable(conversation: core.Record): AssignableConversation {
  return {
    id: conversation.id,
    assigneeId: conversation.getString('assignee') || null,
    teamId: conversation.getString('team') || null,
    status: conversation.getString('status') as AssignableConversation['status'],
    requiredSkills: jsonField<string[]>(conversation, 'required_skills', []),
  };
}

/** The plan's change as the writer's record; an escalation's routing decision goes to the routing log. */
function assignmentRecordOf(change: AssignmentChange): AssignmentRecord {
  const { trigger, agentId, teamId, outcome, reason, actorId, decision } = change;
  const record: AssignmentRecord = { trigger, agentId, teamId, outcome, reason, actorId };
  return decision ? { ...record, algorithm: decision.algorithm, candidates: decision.candidates, excluded: decision.excluded } : record;
}

/**
 * POST /api/pocketdesk/conversations/{id}/assign — claim, assign, unassign, hand over or escalate: authorized
 * (authorizeDesk: 404 or 403), loaded, planned (planAssignment: 409 with the reason) and applied in one transaction,
 * so capacity is counted under the writer lock. The change writes a routing-log row and a notification.
 */
export const handleAssign = staffRoute(
  { roles: EVERY_ROLE, body: assignBody, invalid: { reason: 'invalid-action', message: 'Use claim, assign, unassign, handover or escalate.' } },
  (e, { staff, body }) => {
    const { action } = body;
    let refusal: DeskDecision | AssignmentPlan = { ok: true };
    let freedCapacity = false;
    currentApp().runInTransaction((txApp) => {
      const now = Date.now();
      const conversation = findOne(txApp, 'conversations', 'id = {:id}', { id: e.request!.pathValue('id') });
      if (!conversation) {
        refusal = { ok: false, reason: 'not-found', status: 404 };
        return;
      }
      const agents = loadRoutingAgents(txApp, now);
      const target = body.agentId ? (agents.find((agent) => agent.id === body.agentId) ?? null) : null;
      refusal = authorizeDesk(txApp, staff, conversation, { action, targetTeamId: body.teamId || null, targetAgent: target });
      if (!refusal.ok) return;
      const targetTeamId = body.teamId || null;
      const plan = planAssignment(
        {
          action,
          actor: { id: staff.record.id, role: staff.role },
          conversation: assignable(conversation),
          agents,
          target: {
            agentId: target?.id ?? null,
            teamId: targetTeamId,
            teamExists: targetTeamId !== null && findOne(txApp, 'teams', 'id = {:id}', { id: targetTeamId }) !== null,
          },
          settings: routingSettingsOf(txApp.findRecordById('channels', conversation.getString('channel'))),
          escalation:
            action === 'escalate'
              ? routingInputFor(txApp, conversation, conversation.getString('last_message_preview'), false, now, undefined, agents)
              : undefined,
          random: Math.random(),
        },
        now,
      );
      refusal = plan;
      if (!plan.ok) return;
      if (plan.change.requeueFirst) conversation.set('assignee', '');
      const teamBefore = conversation.getString('team');
      assignOrOffer(txApp, conversation, assignmentRecordOf(plan.change), now);
      // Hybrid routing learns from a move to another team (see intent-corrections.ts).
      recordTransferCorrection(txApp, conversation, teamBefore, staff.record.id);
      const note = body.note?.trim();
      if (note) txApp.save(newRecord(txApp, 'notes', { conversation: conversation.id, author: staff.record.id, body: note.slice(0, ASSIGN_NOTE_LIMIT) }));
      freedCapacity = plan.change.freesCapacity;
    });
    const result = refusal as DeskDecision | AssignmentPlan;
    if (!result.ok) {
      if (result.status === 409) respondError(e, 409, result.reason, `The ${action} was refused: ${result.reason}.`);
      else respondDeskRefusal(e, result);
      return;
    }
    if (freedCapacity) currentApp().runInTransaction((txApp) => void sweepBacklog(txApp, Date.now()));
    e.json(200, { ok: true });
  },
);

/** GET /api/pocketdesk/conversations/{id}/routing-preview — who would get this conversation now; writes nothing. */
export const handleRoutingPreview = staffRoute({ roles: EVERY_ROLE }, (e, { staff }) => {
  const app = currentApp();
  const conversation = findOne(app, 'conversations', 'id = {:id}', { id: e.request!.pathValue('id') });
  if (!conversation) {
    respondError(e, 404, 'not-found', 'No such conversation.');
    return;
  }
  const decision = authorizeDesk(app, staff, conversation, { action: 'routing-preview' });
  if (!decision.ok) {
    respondDeskRefusal(e, decision);
    return;
  }
  const now = Date.now();
  e.json(200, decideRouting(routingInputFor(app, conversation, conversation.getString('last_message_preview'), false, now), now, 0.5));
});
