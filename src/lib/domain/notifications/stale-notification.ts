import type { NotificationKind } from './notification-kind';

// A push that arrives after the situation changed sends the agent to a conversation that is no longer theirs to
// handle. The worker checks right before sending, in the same transaction that leases the notification.

export interface NotificationFacts {
  kind: NotificationKind;
  agentId: string;
  /** When the notification was written (epoch ms). */
  createdAt: number;
}

export interface ConversationFacts {
  assigneeId: string;
  status: string;
  /** When an agent last replied to the customer (epoch ms), or null. */
  lastOutboundAt: number | null;
  /** Who holds the conversation's offer now (null: nobody); absent where offers are unknown. */
  offeredTo?: string | null;
}

export type StaleReason = 'reassigned' | 'taken' | 'resolved' | 'answered' | 'offer-moved';

/** Kinds that tell the agent a conversation is now theirs: moot once it belongs to anyone else or nobody. */
const ownedKinds: ReadonlySet<NotificationKind> = new Set(['assigned', 'handover', 'escalated']);
/**
 * Kinds about the agent's own conversation: moot once someone else owns it (but not when it went back to the queue).
 * Not `sla`: a breach alert goes to a manager or admin about someone else's conversation, and must still arrive.
 */
const ownerKinds: ReadonlySet<NotificationKind> = new Set(['message', 'snooze']);

/**
 * Why a notification no longer deserves a push, or null when it still does. Mentions are addressed to a person
 * whatever happens to the conversation, so only the other kinds go stale.
 */
export function staleReason(notification: NotificationFacts, conversation: ConversationFacts | null): StaleReason | null {
  if (!conversation || notification.kind === 'mention') return null;
  if (conversation.status === 'resolved') return 'resolved';
  const assignee = conversation.assigneeId;
  if (notification.kind === 'offer' && assignee) return 'taken';
  // Declined or lapsed before the push went out: the button would only answer 409.
  if (notification.kind === 'offer' && conversation.offeredTo !== undefined && conversation.offeredTo !== notification.agentId) return 'offer-moved';
  if (ownedKinds.has(notification.kind) && assignee !== notification.agentId) return 'reassigned';
  if (ownerKinds.has(notification.kind) && assignee && assignee !== notification.agentId) return 'reassigned';
  if (conversation.lastOutboundAt !== null && conversation.lastOutboundAt > notification.createdAt) return 'answered';
  return null;
}

/** True when the conversation was reassigned, resolved or answered since the notification was written. */
export function isStaleNotification(notification: NotificationFacts, conversation: ConversationFacts | null): boolean {
  return staleReason(notification, conversation) !== null;
}
