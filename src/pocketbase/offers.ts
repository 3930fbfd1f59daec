import type { DeskDecision } from '../lib/domain/access/desk-authorization';
import { pickNextOffer } from '../lib/domain/offers/next-offer';
import { offerPolicyOf, type OfferPolicy } from '../lib/domain/offers/offer-policy';
import { checkOfferAnswer, declinedAfter, offerTo, type ConversationOffer } from '../lib/domain/offers/offer-state';
import { capacityOf } from '../lib/domain/routing/agent-availability';
import { offerAnswerSchema } from '../lib/schemas/offer';
import { respondError } from './api-errors';
import { applyAssignment, writeNotification, writeRoutingEvent, type AssignmentRecord } from './assignment';
import { writeAudit } from './audit';
import { authorizeDesk, respondDeskRefusal } from './desk-access';
import { epochMs, findOne, isoDate, jsonField } from './records';
import { loadRoutingAgents, routingSettingsOf } from './routing-context';
import { EVERY_ROLE, staffRoute } from './route-kit';
import { timedSweepRoute } from './timed-sweeps';
import { markAssigned } from './records/agent';
import { writeConversation } from './records/conversation';
import { directScope, type Scope } from './scope';

// Offers: in a team that uses them, what routing picks is offered to that agent until a deadline instead of
// assigned. Every step runs in one transaction under PocketBase's single writer, so an offer is answered once:
// two accepts in a race see each other's result. Each step writes a routing_events row ("why is this mine?").

/** Triggers where routing, not a person, picked the agent: only these become offers. */
const ROUTING_TRIGGERS: ReadonlySet<AssignmentRecord['trigger']> = new Set([
  'inbound',
  'reopened',
  'backlog-sweep',
  'escalate',
  'offer-declined',
  'offer-expired',
]);

export function teamOfferPolicy(app: core.App, teamId: string | null): OfferPolicy {
  const team = teamId ? findOne(app, 'teams', 'id = {:id}', { id: teamId }) : null;
  return offerPolicyOf(team ? { assignmentMode: team.getString('assignment_mode'), offerTimeoutSeconds: team.getInt('offer_timeout_seconds') } : null);
}

export function offerOf(conversation: core.Record): ConversationOffer {
  return {
    status: conversation.getString('status') as ConversationOffer['status'],
    assigneeId: conversation.getString('assignee') || null,
    offeredTo: conversation.getString('offered_to') || null,
    expiresAt: epochMs(conversation, 'offer_expires_at'),
    declined: conversation.getStringSlice('offer_declined'),
  };
}

/** Carries out what routing picked: an assignment, or in a team that uses offers, an offer with its push. */
export function assignOrOffer(app: core.App, conversation: core.Record, change: AssignmentRecord, now: number, scope: Scope = directScope(app)): void {
  const teamId = change.teamId ?? (conversation.getString('team') || null);
  const offering = change.agentId !== null && change.outcome === 'assigned' && ROUTING_TRIGGERS.has(change.trigger);
  const policy = offering ? teamOfferPolicy(app, teamId) : null;
  if (!policy || policy.mode !== 'offer') {
    applyAssignment(app, conversation, change, now, scope);
    return;
  }
  const offer = offerTo(change.agentId!, now, policy.timeoutMs);
  if (change.teamId !== null) writeConversation(conversation, { teamId: change.teamId });
  // Offered is not owned: it stays in the queue (and off everyone's capacity) until accepted.
  writeConversation(conversation, { assigneeId: null, offeredTo: offer.offeredTo, offerExpiresAt: offer.expiresAt });
  scope.writer.save(conversation);
  // An offer is a turn in the rotation, so round robin moves on to a colleague for the next customer.
  markAssigned(scope.writer, offer.offeredTo, now);
  writeNotification(app, offer.offeredTo, conversation, scope.contactOf(conversation), 'offer', undefined, scope.writer);
  // Like assignments, routing's decisions on new messages live in routing_events only; the rest is audited too.
  if (change.trigger !== 'inbound' && change.trigger !== 'reopened') {
    writeAudit(app, {
      actorId: change.actorId ?? null,
      actorKind: change.actorId ? 'agent' : 'system',
      action: 'offer',
      collection: 'conversations',
      recordId: conversation.id,
      summary: `${change.trigger}: offered (${change.reason})`,
      changes: { offered_to: { from: '', to: offer.offeredTo } },
    });
  }
  writeRoutingEvent(app, conversation, { ...change, outcome: 'offered' }, scope.writer);
}

/** The agent passed on the offer (declined, or let it lapse): offer it to the next eligible agent, or queue it. */
function rollOffer(app: core.App, conversation: core.Record, trigger: 'offer-declined' | 'offer-expired', now: number, actorId: string | null): void {
  const before = offerOf(conversation);
  const declined = declinedAfter(before);
  conversation.set('offered_to', '');
  conversation.set('offer_expires_at', '');
  conversation.set('offer_declined', declined);
  writeAudit(app, {
    actorId,
    actorKind: actorId ? 'agent' : 'system',
    action: trigger,
    collection: 'conversations',
    recordId: conversation.id,
    summary: `${trigger}: ${before.offeredTo ?? ''}`,
    changes: { offered_to: { from: before.offeredTo ?? '', to: '' } },
  });
  const settings = routingSettingsOf(app.findRecordById('channels', conversation.getString('channel')));
  const teamId = conversation.getString('team') || null;
  const round = { teamId, requiredSkills: jsonField<string[]>(conversation, 'required_skills', []), declined };
  const next = pickNextOffer(round, loadRoutingAgents(app, now), settings.backlog.algorithm, now, settings.capacity.defaultMaxOpen, Math.random());
  const change: AssignmentRecord = {
    trigger,
    agentId: next.agentId,
    teamId,
    outcome: next.agentId ? 'assigned' : 'queued',
    reason: trigger === 'offer-declined' ? 'offer-declined' : 'offer-timed-out',
    algorithm: settings.backlog.algorithm,
    candidates: next.candidates,
    excluded: next.excluded,
    actorId,
  };
  if (next.agentId) {
    assignOrOffer(app, conversation, change, now);
    return;
  }
  // Nobody left: it waits in the queue; the backlog sweep will not hand it back to those who passed.
  app.save(conversation);
  writeRoutingEvent(app, conversation, change);
}

/**
 * Conversations whose offer lapsed by `now`, oldest deadline first. Plain SQL with the literal `offered_to != ''`:
 * that is the partial index's own condition (idx_conversations_live_offers in
 * pb_migrations/1764000000_create_collections.js), which a filter with a bound empty string could not prove.
 */
function lapsedOffers(app: core.App, now: number): core.Record[] {
  const rows = arrayOf(new DynamicModel({ id: '' }));
  app
    .db()
    .newQuery(
      "SELECT id FROM conversations WHERE offered_to != '' AND offer_expires_at != '' AND offer_expires_at <= {:now} ORDER BY offer_expires_at LIMIT 500",
    )
    .bind({ now: isoDate(now) } as dbx.Params)
    .all(rows);
  const ids = (rows as unknown as Array<{ id: string }>).map((row) => row.id);
  if (ids.length === 0) return [];
  const byId = new Map(app.findRecordsByIds('conversations', ids).flatMap((record) => (record ? [[record.id, record] as const] : [])));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Rolls on every offer whose deadline has passed; returns how many moved. The cron runs it every minute. */
export function expireOffers(app: core.App, now: number): number {
  const lapsed = lapsedOffers(app, now);
  let rolled = 0;
  for (const conversation of lapsed) {
    if (!conversation) continue;
    if (conversation.getString('status') === 'resolved' || conversation.getString('assignee')) {
      conversation.set('offered_to', '');
      conversation.set('offer_expires_at', '');
      app.save(conversation);
      continue;
    }
    rollOffer(app, conversation, 'offer-expired', now, null);
    rolled++;
  }
  return rolled;
}

export function runOfferSweep(): void {
  $app.runInTransaction((txApp) => void expireOffers(txApp, Date.now()));
}

/** POST /api/pocketdesk/worker/offer-sweep {now?} — see timedSweepRoute. */
export const handleOfferSweep = timedSweepRoute(expireOffers);

/**
 * POST /api/pocketdesk/conversations/{id}/offer {answer: accept|decline} — the offered agent answers. Accepting
 * makes the conversation theirs if the offer is still theirs and they have room; otherwise 409 with the reason.
 */
export const handleOfferAnswer = staffRoute(
  { roles: EVERY_ROLE, body: offerAnswerSchema, invalid: { reason: 'invalid-offer-answer', message: 'Answer accept or decline.' } },
  (e, { staff, body: request }) => {
    const auth = staff.record;
    let refusal: string | null = null;
    let denied: DeskDecision = { ok: true };
    $app.runInTransaction((txApp) => {
      const now = Date.now();
      const conversation = findOne(txApp, 'conversations', 'id = {:id}', { id: e.request!.pathValue('id') });
      if (!conversation) {
        refusal = 'not-found';
        return;
      }
      // Someone who may not know the conversation exists is not told about its offer either.
      denied = authorizeDesk(txApp, staff, conversation, { action: 'offer-answer' });
      if (!denied.ok) return;
      const check = checkOfferAnswer(offerOf(conversation), auth.id, now);
      if (!check.ok) {
        refusal = check.reason;
        return;
      }
      if (request.answer === 'decline') {
        rollOffer(txApp, conversation, 'offer-declined', now, auth.id);
        return;
      }
      const me = loadRoutingAgents(txApp).find((agent) => agent.id === auth.id)!;
      const defaultMaxOpen = routingSettingsOf(txApp.findRecordById('channels', conversation.getString('channel'))).capacity.defaultMaxOpen;
      // The count already holds this offer's seat; only a capacity lowered since the offer refuses it.
      if (me.openCount > capacityOf(me, defaultMaxOpen)) {
        refusal = 'at-capacity';
        return;
      }
      applyAssignment(
        txApp,
        conversation,
        { trigger: 'offer-accept', agentId: auth.id, teamId: null, outcome: 'assigned', reason: 'offer-accepted', actorId: auth.id },
        now,
      );
    });
    const access = denied as DeskDecision;
    if (!access.ok) {
      respondDeskRefusal(e, access);
      return;
    }
    if (refusal !== null) {
      respondError(e, refusal === 'not-found' ? 404 : 409, refusal, `The offer answer was refused: ${refusal}.`);
      return;
    }
    e.json(200, { ok: true, outcome: request.answer === 'accept' ? 'assigned' : 'declined' });
  },
);
