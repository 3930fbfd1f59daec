// The integration events Pocketdesk emits, and which of them a saved conversation, message or contact stands for.
// Receivers see these names in the `type` of every delivery; they are part of the documented, versioned contract.

/** Version of the delivery body; a change that could break a receiver bumps it (and the README's catalogue). */
export const EVENT_VERSION = 1;

export const WEBHOOK_EVENT_TYPES = [
  'conversation.created',
  'conversation.assigned',
  'conversation.transferred',
  'conversation.resolved',
  'conversation.reopened',
  'message.received',
  'message.sent',
  'message.delivered',
  'message.failed',
  'csat.received',
  'sla.breached',
  'contact.created',
  'contact.updated',
  'contact.erased',
] as const;

/** Events a chat target (Slack or any incoming-webhook chat) can be told about. */
export const CHAT_EVENT_TYPES = ['conversation.waiting', 'sla.breached', 'csat.negative'] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export type ChatEventType = (typeof CHAT_EVENT_TYPES)[number];
export type IntegrationEventType = WebhookEventType | ChatEventType;

/** CSAT ratings at or below this count as negative (1–5 scale). */
export const NEGATIVE_CSAT_MAX = 2;

export interface ConversationFacts {
  status: string;
  assignee: string;
  team: string;
  csatRating: number;
  slaBreached: boolean;
}

export interface MessageFacts {
  direction: string;
  status: string;
}

export interface ContactFacts {
  erased: boolean;
}

/** Events a conversation save stands for; `before` is null on create. */
export function conversationEventTypes(before: ConversationFacts | null, after: ConversationFacts): IntegrationEventType[] {
  if (!before) {
    const types: IntegrationEventType[] = ['conversation.created'];
    if (after.assignee) types.push('conversation.assigned');
    return types;
  }
  const types: IntegrationEventType[] = [];
  if (before.assignee !== after.assignee || before.team !== after.team) {
    // A first owner is an assignment; moving it from one owner (or team) to another is a transfer.
    types.push(!before.assignee && after.assignee && before.team === after.team ? 'conversation.assigned' : 'conversation.transferred');
  }
  if (before.status !== 'resolved' && after.status === 'resolved') types.push('conversation.resolved');
  if (before.status === 'resolved' && after.status !== 'resolved') types.push('conversation.reopened');
  if (after.csatRating > 0 && before.csatRating !== after.csatRating) {
    types.push('csat.received');
    if (after.csatRating <= NEGATIVE_CSAT_MAX) types.push('csat.negative');
  }
  if (!before.slaBreached && after.slaBreached) types.push('sla.breached');
  return types;
}

const OUTBOUND_STATUS_EVENTS: Record<string, WebhookEventType> = { sent: 'message.sent', delivered: 'message.delivered', failed: 'message.failed' };

/** Events a message save stands for: an inbound message on create, an outbound one as its status advances. */
export function messageEventTypes(before: MessageFacts | null, after: MessageFacts): IntegrationEventType[] {
  if (after.direction === 'in') return before ? [] : ['message.received'];
  const event = OUTBOUND_STATUS_EVENTS[after.status];
  return event && before?.status !== after.status ? [event] : [];
}

/** Events a contact save stands for; an erasure is its own event, never an update that carries the erased data. */
export function contactEventTypes(before: ContactFacts | null, after: ContactFacts): IntegrationEventType[] {
  if (!before) return ['contact.created'];
  if (after.erased) return before.erased ? [] : ['contact.erased'];
  return ['contact.updated'];
}

/** Whether an endpoint subscribed to `subscribed` wants this event (`*` subscribes to every webhook event). */
export function isSubscribed(subscribed: readonly string[], type: IntegrationEventType): boolean {
  return subscribed.includes(type) || (subscribed.includes('*') && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type));
}
