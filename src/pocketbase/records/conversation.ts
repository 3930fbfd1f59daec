import type { ConversationOffer } from '../../lib/domain/offers/offer-state';
import type { SnoozeReason, SnoozeState } from '../../lib/domain/tickets/snooze';
import { dateOf, jsonOf, optional, storedDate } from './fields';

export type ConversationStatus = 'open' | 'pending' | 'resolved';

/** A ticket (`conversations`), the fields the hooks decide on. */
export interface Conversation {
  id: string;
  contactId: string;
  channelId: string;
  status: ConversationStatus;
  teamId: string | null;
  assigneeId: string | null;
  priority: number;
  labels: string[];
  language: string | null;
  requiredSkills: string[];
  handoverCount: number;
  reopenCount: number;
  queuedNobodyOnline: boolean;
  windowPoints: number;
  unreadCount: number;
  createdAt: number | null;
  lastInboundAt: number | null;
  lastMessageAt: number | null;
  lastAgentReplyAt: number | null;
  resolvedAt: number | null;
  resolvedBy: string | null;
  botActive: boolean;
  botState: unknown;
  autoReplyKeys: string[];
  offer: ConversationOffer;
  snooze: SnoozeState;
}

export function readConversation(record: core.Record): Conversation {
  const status = record.getString('status') as ConversationStatus;
  const assigneeId = optional(record, 'assignee');
  return {
    id: record.id,
    contactId: record.getString('contact'),
    channelId: record.getString('channel'),
    status,
    teamId: optional(record, 'team'),
    assigneeId,
    priority: record.getInt('priority'),
    labels: record.getStringSlice('labels'),
    language: optional(record, 'language'),
    requiredSkills: jsonOf<string[]>(record, 'required_skills', []),
    handoverCount: record.getInt('handover_count'),
    reopenCount: record.getInt('reopen_count'),
    queuedNobodyOnline: record.getBool('queued_nobody_online'),
    windowPoints: record.getInt('window_points'),
    unreadCount: record.getInt('unread_count'),
    createdAt: dateOf(record, 'created'),
    lastInboundAt: dateOf(record, 'last_inbound_at'),
    lastMessageAt: dateOf(record, 'last_message_at'),
    lastAgentReplyAt: dateOf(record, 'last_agent_reply_at'),
    resolvedAt: dateOf(record, 'resolved_at'),
    resolvedBy: optional(record, 'resolved_by'),
    botActive: record.getBool('bot_active'),
    botState: jsonOf<unknown>(record, 'bot_state', null),
    autoReplyKeys: jsonOf<string[]>(record, 'auto_reply_keys', []),
    offer: {
      status,
      assigneeId,
      offeredTo: optional(record, 'offered_to'),
      expiresAt: dateOf(record, 'offer_expires_at'),
      declined: record.getStringSlice('offer_declined'),
    },
    snooze: { reason: optional(record, 'snooze_reason') as SnoozeReason | null, until: dateOf(record, 'snoozed_until') },
  };
}

/** The fields the inbound path writes, by their typed names. */
export interface ConversationChanges {
  status?: ConversationStatus;
  teamId?: string | null;
  assigneeId?: string | null;
  priority?: number;
  labels?: string[];
  language?: string | null;
  requiredSkills?: string[];
  reopenCount?: number;
  unreadCount?: number;
  handoverCount?: number;
  queuedNobodyOnline?: boolean;
  windowPoints?: number;
  lastInboundAt?: number | null;
  lastMessageAt?: number | null;
  lastMessagePreview?: string;
  resolvedAt?: number | null;
  resolvedBy?: string | null;
  assignedAt?: number | null;
  botActive?: boolean;
  botState?: unknown;
  autoReplyKeys?: string[];
  offeredTo?: string | null;
  offerExpiresAt?: number | null;
  offerDeclined?: string[];
  csatRating?: number;
  csatRatedAt?: number | null;
  csatComment?: string;
  csatRequestedAt?: number | null;
  /** The owner a cover stands in for while the owner's shift is over (see shift-handback.ts). */
  coveringFor?: string | null;
  snoozeReason?: SnoozeReason | null;
  snoozedUntil?: number | null;
  acknowledgedAt?: number | null;
  acknowledgedWith?: string;
  upsetAt?: number | null;
  /** The latest customer message's reading (issue #20): the queue row's and header's chips. */
  sentiment?: 'negative' | 'neutral' | 'positive';
  urgent?: boolean;
  signalCues?: string[];
  /** The intent routing predicted with enough confidence (issue #20): the model's key, and its name for people. */
  intent?: string;
  intentName?: string;
}

const COLUMNS: { [K in keyof ConversationChanges]-?: string } = {
  status: 'status',
  teamId: 'team',
  assigneeId: 'assignee',
  priority: 'priority',
  labels: 'labels',
  language: 'language',
  requiredSkills: 'required_skills',
  reopenCount: 'reopen_count',
  unreadCount: 'unread_count',
  handoverCount: 'handover_count',
  queuedNobodyOnline: 'queued_nobody_online',
  windowPoints: 'window_points',
  lastInboundAt: 'last_inbound_at',
  lastMessageAt: 'last_message_at',
  lastMessagePreview: 'last_message_preview',
  resolvedAt: 'resolved_at',
  resolvedBy: 'resolved_by',
  assignedAt: 'assigned_at',
  botActive: 'bot_active',
  botState: 'bot_state',
  autoReplyKeys: 'auto_reply_keys',
  offeredTo: 'offered_to',
  offerExpiresAt: 'offer_expires_at',
  offerDeclined: 'offer_declined',
  csatRating: 'csat_rating',
  csatRatedAt: 'csat_rated_at',
  csatComment: 'csat_comment',
  csatRequestedAt: 'csat_requested_at',
  coveringFor: 'covering_for',
  snoozeReason: 'snooze_reason',
  snoozedUntil: 'snoozed_until',
  acknowledgedAt: 'acknowledged_at',
  acknowledgedWith: 'acknowledged_with',
  upsetAt: 'upset_at',
  sentiment: 'sentiment',
  urgent: 'urgent',
  signalCues: 'signal_cues',
  intent: 'intent',
  intentName: 'intent_name',
};
const DATES = new Set<keyof ConversationChanges>([
  'lastInboundAt',
  'lastMessageAt',
  'resolvedAt',
  'assignedAt',
  'offerExpiresAt',
  'csatRatedAt',
  'csatRequestedAt',
  'snoozedUntil',
  'acknowledgedAt',
  'upsetAt',
]);

/** Writes the changes onto the record (nothing is saved). */
export function writeConversation(record: core.Record, changes: ConversationChanges): void {
  for (const [key, value] of Object.entries(changes) as Array<[keyof ConversationChanges, unknown]>) {
    if (value === undefined) continue;
    record.set(COLUMNS[key], DATES.has(key) ? storedDate(value as number | null) : value === null ? '' : value);
  }
}

/** A new ticket for the customer on this number. */
export function conversationFields(contactId: string, channelId: string, teamId: string | null): Record<string, unknown> {
  return { contact: contactId, channel: channelId, status: 'open', team: teamId ?? '', priority: 0, unread_count: 0 };
}

export const LATEST_CONVERSATION = { filter: 'contact = {:contact} && channel = {:channel}', sort: '-created' } as const;
