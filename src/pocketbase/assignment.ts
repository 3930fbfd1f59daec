import type { PushWording } from '../lib/domain/notifications/push-wording';
import { introduceAssignedAgent } from './agent-introduction';
import { writeAudit } from './audit';
import { contactDisplayNameOf, readContact, writeContact } from './records/contact';
import { markAssigned } from './records/agent';
import { readConversation, writeConversation } from './records/conversation';
import { newRecord } from './records';
import { directScope, type Scope } from './scope';
import { immediateWriter, type Writer } from './effects';

// Writes an ownership change with everything that goes with it, in the caller's transaction: the conversation,
// the agent's round-robin clock, the contact's owner, the routing log and the new owner's notification.

export interface AssignmentRecord {
  trigger:
    | 'inbound'
    | 'reopened'
    | 'backlog-sweep'
    | 'claim'
    | 'assign'
    | 'unassign'
    | 'handover'
    | 'escalate'
    | 'offer-accept'
    | 'offer-declined'
    | 'offer-expired'
    | 'hand-back';
  agentId: string | null;
  teamId: string | null;
  outcome: string;
  reason: string;
  rule?: string;
  algorithm?: string | null;
  candidates?: unknown;
  excluded?: unknown;
  actorId?: string | null;
  /** Hybrid routing: the predicted intent, its confidence, the next three and whether it routed. */
  intent?: unknown;
  /** The routing decision's priority and every signal that added points to it. */
  priority?: { score: number; reasons: ReadonlyArray<{ code: string; points: number; detail: string }> };
}

const notificationKind: Partial<Record<AssignmentRecord['trigger'], string>> = {
  inbound: 'assigned',
  reopened: 'assigned',
  'backlog-sweep': 'assigned',
  assign: 'assigned',
  handover: 'handover',
  escalate: 'escalated',
  // A team switched from offers to plain assignment while an offer was rolling on.
  'offer-declined': 'assigned',
  'offer-expired': 'assigned',
};

export function applyAssignment(app: core.App, conversation: core.Record, change: AssignmentRecord, now: number, scope: Scope = directScope(app)): void {
  const before = readConversation(conversation);
  const previous = before.assigneeId ?? '';
  // Any change of hands ends an offer round: a later offer starts with nobody having declined.
  writeConversation(conversation, { assigneeId: change.agentId, offeredTo: null, offerExpiresAt: null, offerDeclined: [] });
  if (change.teamId !== null) writeConversation(conversation, { teamId: change.teamId });
  // Handed to someone: if it waits again later, it is no longer the night's queue (see backlogAlgorithmFor).
  if (change.agentId) writeConversation(conversation, { queuedNobodyOnline: false });
  if (change.agentId && change.agentId !== previous) {
    writeConversation(conversation, { assignedAt: now });
    if (previous) writeConversation(conversation, { handoverCount: before.handoverCount + 1 });
  }
  scope.writer.save(conversation);

  if (change.agentId && change.agentId !== previous) {
    markAssigned(scope.writer, change.agentId, now);
    const contact = scope.contactOf(conversation);
    // The first agent to own a customer becomes their owner: returning customers go back to them.
    if (!readContact(contact).ownerId) {
      writeContact(contact, { ownerId: change.agentId });
      scope.writer.save(contact);
    }
    // Every path that gives it an owner tells the customer who; routing on a new message does so among that
    // message's own auto-replies (the same dedupe key keeps it to once).
    if (change.trigger !== 'inbound' && change.trigger !== 'reopened')
      introduceAssignedAgent(app, conversation, change.agentId, change.agentId === change.actorId, now, scope);
    const kind = notificationKind[change.trigger];
    // Claiming is the agent's own act: nobody needs to be told.
    if (kind && change.agentId !== change.actorId) {
      writeNotification(app, change.agentId, conversation, contact, kind, undefined, scope.writer);
    }
  }

  // Automatic routing of new messages is explained in routing_events; the audit keeps the acts that change hands.
  if (change.trigger !== 'inbound' && change.trigger !== 'reopened') {
    writeAudit(app, {
      actorId: change.actorId ?? null,
      actorKind: change.actorId ? 'agent' : 'system',
      action: change.trigger,
      collection: 'conversations',
      recordId: conversation.id,
      summary: `${change.trigger}: ${change.outcome} (${change.reason})`,
      changes: {
        assignee: { from: previous, to: change.agentId ?? '' },
        routing: { from: null, to: { rule: change.rule ?? null, algorithm: change.algorithm ?? null } },
      },
    });
  }
  writeRoutingEvent(app, conversation, change, scope.writer);
}

/**
 * A notification row for the push worker, in the caller's transaction; titled with the customer's display name (left
 * empty without one: the device words the kind's title). `wording` is a body the device says in its own language.
 */
export function writeNotification(
  app: core.App,
  agentId: string,
  conversation: core.Record,
  contact: core.Record,
  kind: string,
  body = conversation.getString('last_message_preview'),
  writer: Writer = immediateWriter(app),
  wording: PushWording | null = null,
): void {
  writer.save(
    newRecord(app, 'notifications', {
      agent: agentId,
      conversation: conversation.id,
      kind,
      title: contactDisplayNameOf(contact),
      body: body.slice(0, 500),
      url: `/conversations/${conversation.id}`,
      status: 'pending',
      attempts: 0,
      wording,
    }),
  );
}

/** One row of the routing log: what "Why is this mine?" reads. */
export function writeRoutingEvent(app: core.App, conversation: core.Record, change: AssignmentRecord, writer: Writer = immediateWriter(app)): void {
  writer.save(
    newRecord(app, 'routing_events', {
      conversation: conversation.id,
      trigger: change.trigger,
      agent: change.agentId ?? '',
      team: change.teamId ?? conversation.getString('team'),
      outcome: change.outcome,
      reason: change.reason,
      rule: change.rule ?? '',
      algorithm: change.algorithm ?? '',
      candidates: change.candidates ?? [],
      excluded: change.excluded ?? [],
      actor: change.actorId ?? '',
      intent: change.intent ?? null,
      priority: change.priority ?? null,
    }),
  );
}
