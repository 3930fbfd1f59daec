import { writeAudit } from './audit';
import { isoDate, newRecord } from './records';

// Writes an ownership change with everything that goes with it, in the caller's transaction: the conversation,
// the agent's round-robin clock, the contact's owner, the routing log and the new owner's notification.

export interface AssignmentRecord {
  trigger: 'inbound' | 'reopened' | 'backlog-sweep' | 'claim' | 'assign' | 'unassign' | 'handover' | 'escalate' | 'offer-accept' | 'offer-declined' | 'offer-expired';
  agentId: string | null;
  teamId: string | null;
  outcome: string;
  reason: string;
  rule?: string;
  algorithm?: string | null;
  candidates?: unknown;
  excluded?: unknown;
  actorId?: string | null;
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

export function applyAssignment(app: core.App, conversation: core.Record, change: AssignmentRecord, now: number): void {
  const previous = conversation.getString('assignee');
  conversation.set('assignee', change.agentId ?? '');
  // Any change of hands ends an offer round: a later offer starts with nobody having declined.
  conversation.set('offered_to', '');
  conversation.set('offer_expires_at', '');
  conversation.set('offer_declined', []);
  if (change.teamId !== null) conversation.set('team', change.teamId);
  if (change.agentId && change.agentId !== previous) {
    conversation.set('assigned_at', isoDate(now));
    if (previous) conversation.set('handover_count', conversation.getInt('handover_count') + 1);
  }
  app.save(conversation);

  if (change.agentId && change.agentId !== previous) {
    const agent = app.findRecordById('agents', change.agentId);
    agent.set('last_assigned_at', isoDate(now));
    app.save(agent);
    const contact = app.findRecordById('contacts', conversation.getString('contact'));
    // The first agent to own a customer becomes their owner: returning customers go back to them.
    if (!contact.getString('owner')) {
      contact.set('owner', change.agentId);
      app.save(contact);
    }
    const kind = notificationKind[change.trigger];
    // Claiming is the agent's own act: nobody needs to be told.
    if (kind && change.agentId !== change.actorId) {
      writeNotification(app, change.agentId, conversation, contact, kind);
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
      changes: { assignee: { from: previous, to: change.agentId ?? '' }, routing: { from: null, to: { rule: change.rule ?? null, algorithm: change.algorithm ?? null } } },
    });
  }
  writeRoutingEvent(app, conversation, change);
}

/** A notification row for the push worker, in the caller's transaction. */
export function writeNotification(app: core.App, agentId: string, conversation: core.Record, contact: core.Record, kind: string, body = conversation.getString('last_message_preview')): void {
  app.save(
    newRecord(app, 'notifications', {
      agent: agentId,
      conversation: conversation.id,
      kind,
      title: contact.getString('name') || contact.getString('wa_id') || 'New conversation',
      body: body.slice(0, 500),
      url: `/conversations/${conversation.id}`,
      status: 'pending',
      attempts: 0,
    }),
  );
}

/** One row of the routing log: what "Why is this mine?" reads. */
export function writeRoutingEvent(app: core.App, conversation: core.Record, change: AssignmentRecord): void {
  app.save(
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
    }),
  );
}
