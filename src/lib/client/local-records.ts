// Writes server records into the device's copy. Every path in (refresh, realtime, outbox) goes through here.
import { conversationRecordSchema, messageRecordSchema, noteRecordSchema, type ConversationRecord } from '../schemas/conversation';
import type { DeskDb, OutboxItem } from './db';

export type LocalCollection = 'conversations' | 'messages' | 'notes';

export function isLocalCollection(name: string): name is LocalCollection {
  return name === 'conversations' || name === 'messages' || name === 'notes';
}

/**
 * Keeps what the incoming copy lacks (the contact's name comes only with `expand`), ignores stale copies, and
 * lays the agent's unsynced changes over the server's copy so a resolve made offline doesn't flicker back.
 */
function mergeConversation(incoming: ConversationRecord, existing: ConversationRecord | undefined, pending: OutboxItem[]): ConversationRecord | null {
  if (existing?.updated != null && incoming.updated !== null && incoming.updated < existing.updated) return null;
  const merged = { ...incoming, contact_name: incoming.contact_name || existing?.contact_name || '' };
  for (const item of pending) {
    if (item.record_id === incoming.id && item.collection === 'conversations' && item.op === 'update' && item.state === 'pending') Object.assign(merged, item.data);
  }
  return merged;
}

async function pendingConversationChanges(db: DeskDb): Promise<OutboxItem[]> {
  return db.outbox.filter((item) => item.collection === 'conversations' && item.state === 'pending').sortBy('seq');
}

async function storeConversation(db: DeskDb, raw: unknown): Promise<void> {
  const parsed = conversationRecordSchema.safeParse(raw);
  if (!parsed.success) return;
  const merged = mergeConversation(parsed.data, await db.conversations.get(parsed.data.id), await pendingConversationChanges(db));
  if (merged) await db.conversations.put(merged);
}

/** Stores one record as the server sent it; records that don't parse are skipped, not fatal. */
export async function storeRecord(db: DeskDb, collection: LocalCollection, raw: unknown): Promise<void> {
  if (collection === 'conversations') return storeConversation(db, raw);
  if (collection === 'messages') {
    const parsed = messageRecordSchema.safeParse(raw);
    if (parsed.success) await db.messages.put(parsed.data);
    return;
  }
  const parsed = noteRecordSchema.safeParse(raw);
  if (parsed.success) await db.notes.put(parsed.data);
}

export async function removeRecord(db: DeskDb, collection: LocalCollection, id: string): Promise<void> {
  await db[collection].delete(id);
}

/**
 * Replaces the local queue with the server's: conversations the agent can no longer see (reassigned,
 * aged out of the resolved list) disappear. The realtime feed never says when a record leaves one's view.
 */
export async function replaceConversations(db: DeskDb, raws: unknown[]): Promise<void> {
  const incoming = raws.flatMap((raw) => {
    const parsed = conversationRecordSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  await db.transaction('rw', db.conversations, db.outbox, async () => {
    const existing = new Map((await db.conversations.toArray()).map((c) => [c.id, c]));
    const pending = await pendingConversationChanges(db);
    const keep = new Set(incoming.map((c) => c.id));
    await db.conversations.bulkDelete([...existing.keys()].filter((id) => !keep.has(id)));
    const merged = incoming.flatMap((c) => mergeConversation(c, existing.get(c.id), pending) ?? []);
    await db.conversations.bulkPut(merged);
  });
}

/** Adds a page of a thread; nothing is removed (messages are never deleted, deleted notes arrive by realtime). */
export async function storeThread(db: DeskDb, messages: unknown[], notes: unknown[]): Promise<void> {
  const parsedMessages = messages.flatMap((raw) => {
    const parsed = messageRecordSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  const parsedNotes = notes.flatMap((raw) => {
    const parsed = noteRecordSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  await db.transaction('rw', db.messages, db.notes, async () => {
    await db.messages.bulkPut(parsedMessages);
    await db.notes.bulkPut(parsedNotes);
  });
}
