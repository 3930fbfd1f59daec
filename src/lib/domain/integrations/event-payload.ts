import { EVENT_VERSION, type IntegrationEventType } from './event-types';

// The body receivers get: `{ id, type, version, occurred_at, data }`. `data` holds the record the event is about in
// the shapes below (snake_case, ids rather than nested objects), documented in the README's event catalogue.

export interface ConversationData {
  id: string;
  status: string;
  channel_id: string;
  contact_id: string;
  team_id: string | null;
  assignee_id: string | null;
  priority: number;
  labels: string[];
  csat_rating: number | null;
  sla_breached: boolean;
  created_at: string;
  resolved_at: string | null;
}

export interface MessageData {
  id: string;
  conversation_id: string;
  direction: 'in' | 'out';
  type: string;
  text: string;
  status: string;
  author_id: string | null;
  error_code: number | null;
  created_at: string;
}

export interface ContactData {
  id: string;
  name: string;
  wa_id: string;
  profile_name: string;
  language: string;
  labels: string[];
  created_at: string;
}

export type EventData =
  { conversation: ConversationData } | { message: MessageData; conversation_id: string } | { contact: ContactData } | { contact_id: string };

export interface EventEnvelope {
  id: string;
  type: IntegrationEventType;
  version: number;
  occurred_at: string;
  data: EventData;
}

/** The envelope for an event; `occurredAt` is an ISO 8601 instant. */
export function eventEnvelope(id: string, type: IntegrationEventType, occurredAt: string, data: EventData): EventEnvelope {
  return { id, type, version: EVENT_VERSION, occurred_at: occurredAt, data };
}

/** The exact bytes sent (and signed): compact JSON of the envelope. */
export function eventBody(envelope: EventEnvelope): string {
  return JSON.stringify(envelope);
}

/** An erased contact's event keeps only ids: pending deliveries must not carry the customer's data after erasure. */
export function erasedData(data: EventData): EventData {
  if ('conversation' in data) return { conversation: { ...data.conversation, labels: [] } };
  if ('message' in data) return { conversation_id: data.conversation_id, message: { ...data.message, text: '' } };
  if ('contact' in data) return { contact_id: data.contact.id };
  return data;
}
