// Search and filters over the queue as the device has it: conversations, their customers and cached messages.
import type { ConversationRecord } from '../schemas/conversation';
import { QUEUE_TABS, type QueueTab } from './queue-tabs';

/** What the agent narrowed the queue to; '' means "any". */
export interface QueueFilter {
  query: string;
  label: string;
  channel: string;
}

/** A conversation's searchable text, normalised once per change of the cache rather than once per keystroke. */
export interface SearchEntry {
  text: string;
  phone: string;
}

type Searchable = Pick<ConversationRecord, 'id' | 'contact' | 'contact_name' | 'last_message_preview'>;
type Filterable = Searchable & Pick<ConversationRecord, 'labels' | 'channel'>;

/** Lower case without accents, so "jose" finds "José" and "PEÑA" finds "pena". */
export function normalizeText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

/**
 * One entry per conversation: the customer's name, the last preview and every cached message text, plus the
 * customer's WhatsApp number as bare digits.
 */
export function buildSearchIndex(
  conversations: readonly Searchable[],
  phoneByContact: ReadonlyMap<string, string>,
  messages: Iterable<{ conversation: string; text: string }>,
): Map<string, SearchEntry> {
  const texts = new Map<string, string[]>();
  for (const message of messages) {
    if (!message.text) continue;
    const list = texts.get(message.conversation);
    if (list) list.push(message.text);
    else texts.set(message.conversation, [message.text]);
  }
  const index = new Map<string, SearchEntry>();
  for (const c of conversations) {
    const parts = [c.contact_name, c.last_message_preview, ...(texts.get(c.id) ?? [])];
    index.set(c.id, { text: normalizeText(parts.join('\n')), phone: digitsOf(phoneByContact.get(c.contact) ?? '') });
  }
  return index;
}

/** A query that is only a phone number's characters ("+34 600-12", "(555) 0101") is also looked up by its digits. */
function phoneDigitsOf(query: string): string {
  return /^[+\d\s().-]+$/.test(query) ? digitsOf(query) : '';
}

/** A predicate for `filter`; conversations missing from `index` match only a query-less filter. */
export function compileFilter(filter: QueueFilter, index: ReadonlyMap<string, SearchEntry> | null): (c: Filterable) => boolean {
  const query = filter.query.trim();
  const words = query.split(/\s+/).filter(Boolean).map(normalizeText);
  const digits = phoneDigitsOf(query);
  // Every word must appear somewhere in the conversation's text, or the whole query in the customer's number.
  const matchesQuery = (entry: SearchEntry) => (digits !== '' && entry.phone.includes(digits)) || words.every((word) => entry.text.includes(word));
  return (c) => {
    if (filter.label && !c.labels.includes(filter.label)) return false;
    if (filter.channel && c.channel !== filter.channel) return false;
    if (!words.length) return true;
    const entry = index?.get(c.id);
    return entry !== undefined && matchesQuery(entry);
  };
}

/** True when the filter narrows anything at all. */
export function isFiltering(filter: QueueFilter): boolean {
  return filter.query.trim() !== '' || filter.label !== '' || filter.channel !== '';
}

/** Keeps each tab's order and drops what does not match: one pass over the queue per change of filter or data. */
export function filterGroups<T extends Filterable>(groups: Record<QueueTab, T[]>, matches: (c: T) => boolean): Record<QueueTab, T[]> {
  const result = {} as Record<QueueTab, T[]>;
  for (const tab of QUEUE_TABS) result[tab] = groups[tab].filter(matches);
  return result;
}
