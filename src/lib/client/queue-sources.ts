// What the queue's search reads beyond the conversations: customers' numbers and the cached messages.
import type { ConversationRecord } from '../schemas/conversation';
import type { DeskDb } from './db';
import { tabOf, type QueueTab } from './queue-tabs';

export interface SearchSources {
  phoneByContact: Map<string, string>;
  messages: { conversation: string; text: string }[];
}

/** Read only while a search is typed: the message cache can be far larger than the queue. */
export async function loadSearchSources(db: DeskDb): Promise<SearchSources> {
  const [contacts, messages] = await Promise.all([db.contacts.toArray(), db.messages.toArray()]);
  return { phoneByContact: new Map(contacts.map((c) => [c.id, c.wa_id])), messages };
}

/** The labels and channels the filter offers, by name. */
export async function loadFilterOptions(db: DeskDb): Promise<{ labels: { id: string; name: string }[]; channels: { id: string; name: string }[] }> {
  const [labels, channels] = await Promise.all([db.labels.toArray(), db.channels.toArray()]);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    labels: labels.map((l) => ({ id: l.id, name: l.name })).sort(byName),
    channels: channels.map((c) => ({ id: c.id, name: c.name || c.display_phone_number })).sort(byName),
  };
}

/**
 * The newest conversations of one tab, read through the `last_message_at` index: enough for a first screen while
 * the whole queue (needed for the counts) is still being read. Null for the unassigned tab, which is ordered by
 * priority, not by activity.
 */
export async function loadFirstRows(db: DeskDb, tab: QueueTab, me: string, limit: number): Promise<ConversationRecord[] | null> {
  if (tab === 'unassigned') return null;
  return db.conversations
    .orderBy('last_message_at')
    .reverse()
    .filter((c) => tabOf(c, me) === tab)
    .limit(limit)
    .toArray();
}
