import type { NotificationKind } from './notification-kind';

// How the push service should treat a notification: how long to hold it for an offline phone, how hard to wake
// it, and which undelivered older push it replaces.

export type PushUrgency = 'very-low' | 'low' | 'normal' | 'high';

export interface PushOptions {
  /** Seconds the push service keeps it for a device that is offline; after that it is dropped. */
  TTL: number;
  urgency: PushUrgency;
  /** Undelivered pushes with the same topic are replaced by the newest; absent for notifications without a conversation. */
  topic?: string;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

const byKind: Record<NotificationKind, { TTL: number; urgency: PushUrgency }> = {
  // An offer lapses within minutes; arriving later would only advertise a conversation someone else has.
  offer: { TTL: 2 * MINUTE, urgency: 'high' },
  assigned: { TTL: HOUR, urgency: 'high' },
  handover: { TTL: HOUR, urgency: 'high' },
  escalated: { TTL: HOUR, urgency: 'normal' },
  sla: { TTL: 15 * MINUTE, urgency: 'normal' },
  message: { TTL: HOUR, urgency: 'normal' },
  // A colleague's question in a note is still worth seeing the next morning.
  mention: { TTL: 24 * HOUR, urgency: 'normal' },
  integration: { TTL: 24 * HOUR, urgency: 'normal' },
  // Customers are waiting now; by the time a phone that was off comes back, a newer count has been sent.
  waiting: { TTL: 30 * MINUTE, urgency: 'high' },
  // The agent chose this moment to be reminded; hours later the conversation is in their list anyway.
  snooze: { TTL: HOUR, urgency: 'normal' },
};

/** RFC 8030 topics: at most 32 characters of the URL-safe base64 alphabet. */
export const MAX_TOPIC_LENGTH = 32;
const TOPIC_PREFIX = 'c-';
const WAITING_TOPIC = 'waiting';

/** 32-bit FNV-1a, as 7 base-36 digits: a stable short name for ids that do not fit a topic. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/** The push topic for a conversation: its id when that is URL-safe and short enough, else a stable hash of it. */
export function conversationTopic(conversationId: string): string {
  const fits = /^[A-Za-z0-9_-]+$/.test(conversationId) && TOPIC_PREFIX.length + conversationId.length <= MAX_TOPIC_LENGTH;
  return TOPIC_PREFIX + (fits ? conversationId : `h${shortHash(conversationId)}`);
}

/** Delivery options for one notification: TTL and urgency by kind, one topic per conversation. */
export function pushOptionsFor(kind: NotificationKind, conversationId: string | null): PushOptions {
  const options: PushOptions = { ...byKind[kind] };
  // One queue, one count: a newer "5 waiting" replaces an undelivered "3 waiting", whoever is first in line.
  if (kind === 'waiting') options.topic = WAITING_TOPIC;
  else if (conversationId) options.topic = conversationTopic(conversationId);
  return options;
}
