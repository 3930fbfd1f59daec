// Which queue tab a conversation belongs to, from the signed-in agent's point of view.
import type { ConversationRecord } from '../schemas/conversation';

export const QUEUE_TABS = ['mine', 'unassigned', 'waiting', 'snoozed', 'resolved'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

type Classifiable = Pick<ConversationRecord, 'status' | 'assignee'> & Partial<Pick<ConversationRecord, 'bot_active' | 'snooze_reason'>>;

/**
 * Mine: open and assigned to me. Unassigned: nobody's yet (open or waiting). Waiting on customer: mine and
 * pending. Snoozed: mine or nobody's, snoozed (out of the lists above until it wakes). Resolved: any resolved the
 * agent can see. Others' conversations (managers see them) are in no tab.
 */
export function tabOf(conversation: Classifiable, me: string): QueueTab | null {
  if (conversation.status === 'resolved') return 'resolved';
  // The FAQ bot is still answering: nobody needs to pick it up unless the customer asks for a person.
  if (!conversation.assignee && conversation.bot_active) return null;
  const snoozed = !!conversation.snooze_reason;
  if (!conversation.assignee) return snoozed ? 'snoozed' : 'unassigned';
  if (conversation.assignee !== me) return null;
  if (snoozed) return 'snoozed';
  return conversation.status === 'pending' ? 'waiting' : 'mine';
}

/** Newest activity first; unread and higher priority break ties. */
function byActivity(a: ConversationRecord, b: ConversationRecord): number {
  return (b.last_message_at ?? 0) - (a.last_message_at ?? 0) || b.priority - a.priority || b.unread_count - a.unread_count;
}

/** The unassigned queue: highest priority first, then whoever has waited longest (issue #4's queue order). */
function byPriorityThenWaiting(a: ConversationRecord, b: ConversationRecord): number {
  return b.priority - a.priority || (a.last_inbound_at ?? 0) - (b.last_inbound_at ?? 0);
}

/** The snoozed tab: the soonest to come back first; "until the customer writes" after every timed one. */
function byWakeTime(a: ConversationRecord, b: ConversationRecord): number {
  return (a.snoozed_until ?? Infinity) - (b.snoozed_until ?? Infinity) || byActivity(a, b);
}

const ORDER: Record<QueueTab, (a: ConversationRecord, b: ConversationRecord) => number> = {
  mine: byActivity,
  unassigned: byPriorityThenWaiting,
  waiting: byActivity,
  snoozed: byWakeTime,
  resolved: byActivity,
};

/** Splits the queue into tabs, each sorted. */
export function groupByTab(conversations: ConversationRecord[], me: string): Record<QueueTab, ConversationRecord[]> {
  const groups: Record<QueueTab, ConversationRecord[]> = { mine: [], unassigned: [], waiting: [], snoozed: [], resolved: [] };
  for (const conversation of conversations) {
    const tab = tabOf(conversation, me);
    if (tab) groups[tab].push(conversation);
  }
  for (const tab of QUEUE_TABS) groups[tab].sort(ORDER[tab]);
  return groups;
}
