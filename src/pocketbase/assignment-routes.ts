import type { DeskDecision } from '../lib/domain/access/desk-authorization';
import { canAssign, canClaim, canHandOver, type AssignableConversation, type AssignmentCheck } from '../lib/domain/routing/manual-assignment';
import { decideRouting } from '../lib/domain/routing/routing-decision';
import { respondError } from './api-errors';
import type { AssignmentRecord } from './assignment';
import { requestCsat } from './csat';
import { authorizeDesk, respondDeskRefusal } from './desk-access';
import { assignOrOffer } from './offers';
import { isoDate, jsonField, newRecord } from './records';
import { loadRoutingAgents, routingSettingsOf } from './routing-context';
import { routingInputFor, sweepBacklog } from './routing';
import { signedInStaff } from './staff-auth';

interface AssignBody {
  action?: 'claim' | 'assign' | 'unassign' | 'handover' | 'escalate';
  agentId?: string;
  teamId?: string;
  note?: string;
}

function assignable(conversation: core.Record): AssignableConversation {
  return {
    id: conversation.id,
    assigneeId: conversation.getString('assignee') || null,
    teamId: conversation.getString('team') || null,
    status: conversation.getString('status') as AssignableConversation['status'],
    requiredSkills: jsonField<string[]>(conversation, 'required_skills', []),
  };
}

/**
 * POST /api/pocketdesk/conversations/{id}/assign — claim, assign, unassign, hand over or escalate, checked and
 * applied in one transaction (capacity is counted under the writer lock), with a routing-log row and a notification.
 * Who may do it is decided first (authorizeDesk: 404 or 403); whether it can happen now second (409).
 */
export function handleAssign(e: core.RequestEvent): void {
  const staff = signedInStaff(e);
  if (!staff) {
    respondError(e, 401, 'sign-in-required', 'Sign in as an agent.');
    return;
  }
  const auth = staff.record;
  let body: AssignBody;
  try {
    body = JSON.parse(toString(e.request!.body)) ?? {};
  } catch {
    respondError(e, 400, 'invalid-json', 'The body is not valid JSON.');
    return;
  }
  const action = body.action;
  if (!action || !['claim', 'assign', 'unassign', 'handover', 'escalate'].includes(action)) {
    respondError(e, 400, 'invalid-action', 'Unknown action.', { action: { code: 'invalid-action', message: 'Use claim, assign, unassign, handover or escalate.' } });
    return;
  }
  let refusal: DeskDecision | AssignmentCheck = { ok: true };
  let freedCapacity = false;
  $app.runInTransaction((txApp) => {
    const now = Date.now();
    const conversation = txApp.findRecordsByFilter('conversations', 'id = {:id}', '', 1, 0, { id: e.request!.pathValue('id') } as dbx.Params)[0];
    if (!conversation) {
      refusal = { ok: false, reason: 'not-found', status: 404 };
      return;
    }
    const agents = loadRoutingAgents(txApp);
    const target = body.agentId ? agents.find((agent) => agent.id === body.agentId) ?? null : null;
    refusal = authorizeDesk(txApp, staff, conversation, { action, targetTeamId: body.teamId || null, targetAgent: target });
    if (!refusal.ok) return;
    const defaultMaxOpen = routingSettingsOf(txApp.findRecordById('channels', conversation.getString('channel'))).capacity.defaultMaxOpen;
    const me = agents.find((agent) => agent.id === auth.id)!;
    const current = assignable(conversation);
    let change: AssignmentRecord | null = null;
    if (action === 'claim') {
      refusal = canClaim(me, current, defaultMaxOpen);
      change = { trigger: 'claim', agentId: me.id, teamId: null, outcome: 'assigned', reason: 'claimed', actorId: me.id };
    } else if (action === 'assign' || action === 'unassign') {
      if (action === 'assign' && !target) refusal = { ok: false, reason: 'unknown-agent' };
      else refusal = canAssign(action === 'assign' ? target : null, current, defaultMaxOpen);
      change = { trigger: action, agentId: action === 'assign' ? target!.id : null, teamId: null, outcome: action === 'assign' ? 'assigned' : 'queued', reason: `by-${staff.role}`, actorId: me.id };
    } else if (action === 'handover') {
      if (!target) refusal = { ok: false, reason: 'unknown-agent' };
      else refusal = canHandOver(me, target, current, defaultMaxOpen);
      change = { trigger: 'handover', agentId: target?.id ?? null, teamId: null, outcome: 'assigned', reason: 'handed-over', actorId: me.id };
    } else {
      // Escalating hands the conversation to a team (or its own team's manager queue) and lets routing pick anew.
      const teamId = body.teamId || current.teamId;
      if (body.teamId && !txApp.findRecordsByFilter('teams', 'id = {:id}', '', 1, 0, { id: body.teamId } as dbx.Params)[0]) refusal = { ok: false, reason: 'unknown-team' };
      else {
        if (teamId) conversation.set('team', teamId);
        conversation.set('assignee', '');
        const input = routingInputFor(txApp, conversation, conversation.getString('last_message_preview'), false, now);
        const decision = decideRouting(
          { ...input, contact: { ...input.contact, ownerId: null }, agents: input.agents.filter((a) => a.id !== me.id), escalationTeamId: teamId || null },
          now,
          Math.random(),
        );
        change = { trigger: 'escalate', agentId: decision.agentId, teamId: teamId ?? null, outcome: decision.outcome, reason: 'escalated', algorithm: decision.algorithm, candidates: decision.candidates, excluded: decision.excluded, actorId: me.id };
      }
    }
    if (!refusal.ok || !change) return;
    assignOrOffer(txApp, conversation, change, now);
    if (body.note?.trim()) txApp.save(newRecord(txApp, 'notes', { conversation: conversation.id, author: auth.id, body: body.note.trim().slice(0, 10_000) }));
    freedCapacity = current.assigneeId !== null && change.agentId !== current.assigneeId;
  });
  const result = refusal as DeskDecision | AssignmentCheck;
  if (!result.ok) {
    if ('status' in result) respondDeskRefusal(e, result);
    else respondError(e, 409, result.reason, `The ${action} was refused: ${result.reason}.`);
    return;
  }
  if (freedCapacity) $app.runInTransaction((txApp) => void sweepBacklog(txApp, Date.now()));
  e.json(200, { ok: true });
}

/** GET /api/pocketdesk/conversations/{id}/routing-preview — who would get this conversation now; writes nothing. */
export function handleRoutingPreview(e: core.RequestEvent): void {
  const staff = signedInStaff(e);
  if (!staff) {
    respondError(e, 401, 'sign-in-required', 'Sign in as an agent.');
    return;
  }
  const conversation = $app.findRecordsByFilter('conversations', 'id = {:id}', '', 1, 0, { id: e.request!.pathValue('id') } as dbx.Params)[0];
  if (!conversation) {
    respondError(e, 404, 'not-found', 'No such conversation.');
    return;
  }
  const app = $app as unknown as core.App;
  const decision = authorizeDesk(app, staff, conversation, { action: 'routing-preview' });
  if (!decision.ok) {
    respondDeskRefusal(e, decision);
    return;
  }
  const now = Date.now();
  e.json(200, decideRouting(routingInputFor(app, conversation, conversation.getString('last_message_preview'), false, now), now, 0.5));
}

/** After an agent's shift state changes to online (or their capacity grows), waiting conversations flow to them. */
export function afterAgentUpdate(e: core.RecordEvent): void {
  e.next();
  const record = e.record!;
  const original = record.original();
  const cameOnline = record.getString('status') === 'online' && original.getString('status') !== 'online';
  const moreRoom = record.getInt('max_open') > original.getInt('max_open');
  if (cameOnline || moreRoom) $app.runInTransaction((txApp) => void sweepBacklog(txApp, Date.now()));
}

/** Stamps resolution time as part of the same save, whoever resolves (agent, bot or system). */
export function beforeConversationUpdate(e: core.RecordEvent): void {
  const record = e.record!;
  const original = record.original();
  if (record.getString('status') === 'resolved' && original.getString('status') !== 'resolved') {
    record.set('resolved_at', isoDate(Date.now()));
    if (!record.getString('resolved_by')) record.set('resolved_by', 'agent');
  }
  if (record.getString('status') !== 'resolved' && original.getString('status') === 'resolved') record.set('resolved_at', '');
  e.next();
}

/** A resolved or unassigned conversation frees its agent's capacity: hand out the backlog. */
export function afterConversationUpdate(e: core.RecordEvent): void {
  e.next();
  const record = e.record!;
  const original = record.original();
  const resolved = record.getString('status') === 'resolved' && original.getString('status') !== 'resolved';
  const unassigned = !record.getString('assignee') && !!original.getString('assignee');
  if (resolved || unassigned) {
    $app.runInTransaction((txApp) => {
      if (resolved) requestCsat(txApp, txApp.findRecordById('conversations', record.id), Date.now());
      sweepBacklog(txApp, Date.now());
    });
  }
}
