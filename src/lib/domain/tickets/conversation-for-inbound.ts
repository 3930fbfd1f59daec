/** What an inbound message does to the customer's ticket on that number. */
export type ConversationAction = { kind: 'append'; conversationId: string } | { kind: 'reopen'; conversationId: string } | { kind: 'open-new' };

export interface LatestConversation {
  id: string;
  status: 'open' | 'pending' | 'resolved';
  resolvedAt: number | null;
}

/** A resolved ticket is reopened when the customer writes again within this time; later, a new ticket starts. */
export const REOPEN_WITHIN_MS = 7 * 24 * 60 * 60 * 1000;

/** Decides whether a new inbound message joins, reopens or starts a conversation. */
export function conversationForInbound(latest: LatestConversation | null, now: number, reopenWithinMs = REOPEN_WITHIN_MS): ConversationAction {
  if (!latest) return { kind: 'open-new' };
  if (latest.status !== 'resolved') return { kind: 'append', conversationId: latest.id };
  if (latest.resolvedAt !== null && now - latest.resolvedAt <= reopenWithinMs) return { kind: 'reopen', conversationId: latest.id };
  return { kind: 'open-new' };
}
