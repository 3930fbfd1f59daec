// The lines of a conversation screen: messages, notes and not-yet-synced items in time order, split by day.
import type { MessageRecord, NoteRecord } from '../schemas/conversation';
import type { OutboxItem } from './db';

export type ThreadEntry =
  | { kind: 'day'; key: string; at: number }
  | { kind: 'message'; key: string; at: number; message: MessageRecord; pending: OutboxItem | null }
  | { kind: 'note'; key: string; at: number; note: NoteRecord; pending: OutboxItem | null };

type ItemEntry = Exclude<ThreadEntry, { kind: 'day' }>;

/** The file of a queued attachment reply, shown from the device until the server has its copy. */
export function pendingFile(item: OutboxItem | null): Blob | null {
  const media = item?.data.media;
  return media instanceof Blob ? media : null;
}

function pendingMessage(item: OutboxItem): MessageRecord {
  const data = item.data as { text?: string; author?: string; type?: string; media_mime?: string; media_filename?: string };
  return {
    id: item.record_id,
    conversation: item.conversation,
    direction: 'out',
    type: data.type ?? 'text',
    text: data.text ?? '',
    payload: {},
    media: '',
    media_status: '',
    media_mime: data.media_mime ?? '',
    media_filename: data.media_filename ?? '',
    status: '',
    error_title: '',
    error_reason: '',
    reactions: {},
    context_wamid: '',
    forwarded: false,
    author: data.author ?? '',
    sender: 'agent',
    created: item.created_at,
    at: item.created_at,
  };
}

function pendingNote(item: OutboxItem): NoteRecord {
  const data = item.data as { body?: string; author?: string };
  return {
    id: item.record_id,
    conversation: item.conversation,
    author: data.author ?? '',
    body: data.body ?? '',
    created: item.created_at,
    at: item.created_at,
  };
}

/** Outbox creates that belong in the thread; a record the server already has wins over its pending copy. */
function pendingEntries(outbox: OutboxItem[], known: Set<string>): ItemEntry[] {
  return outbox.flatMap((item): ItemEntry[] => {
    if (item.op !== 'create' || known.has(item.record_id)) return [];
    if (item.collection === 'messages') return [{ kind: 'message', key: item.record_id, at: item.created_at, message: pendingMessage(item), pending: item }];
    if (item.collection === 'notes') return [{ kind: 'note', key: item.record_id, at: item.created_at, note: pendingNote(item), pending: item }];
    return [];
  });
}

function arrivedAt(item: ItemEntry): number {
  return (item.kind === 'message' ? item.message.created : item.note.created) ?? item.at;
}

/**
 * Merges a conversation's records and its pending outbox items into screen order, with a day separator
 * before the first item of each day. `dayOf` maps a time to its local day (injected: time zones are the caller's).
 */
export function buildThread(messages: MessageRecord[], notes: NoteRecord[], outbox: OutboxItem[], dayOf: (at: number) => string): ThreadEntry[] {
  const known = new Set([...messages.map((m) => m.id), ...notes.map((n) => n.id)]);
  const items: ItemEntry[] = [
    // An edit or delete that arrived before its message waits as a hidden row (issue #19): never a bubble.
    ...messages
      .filter((message) => message.type !== 'edit' && message.type !== 'revoke')
      .map((message): ItemEntry => ({ kind: 'message', key: message.id, at: message.at, message, pending: null })),
    ...notes.map((note): ItemEntry => ({ kind: 'note', key: note.id, at: note.at, note, pending: null })),
    ...pendingEntries(outbox, known),
  ];
  // WhatsApp stamps a message to the second, so a customer's quick messages share a time: the server's arrival time
  // (to the millisecond) orders them, not the order the device's copy happened to list them in. Pending items have
  // no server time yet; a stable sort keeps them in the order they were made.
  items.sort((a, b) => a.at - b.at || arrivedAt(a) - arrivedAt(b));
  const entries: ThreadEntry[] = [];
  let day = '';
  for (const item of items) {
    const key = dayOf(item.at);
    if (key !== day) {
      entries.push({ kind: 'day', key: `day-${key}`, at: item.at });
      day = key;
    }
    entries.push(item);
  }
  return entries;
}
