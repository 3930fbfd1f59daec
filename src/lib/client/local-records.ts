// Writes server records into the device's copy. Every path in (refresh, realtime, outbox) goes through here.
import { conversationRecordSchema, messageRecordSchema, noteRecordSchema, type ConversationRecord } from '../schemas/conversation';
import { agentRecordSchema, contactRecordSchema, type ContactRecord } from '../schemas/directory';
import type { EntityTable, IDType } from 'dexie';
import type { DeskDb, OutboxItem } from './db';

export type LocalCollection = 'conversations' | 'messages' | 'notes' | 'contacts' | 'agents';

const LOCAL = new Set<string>(['conversations', 'messages', 'notes', 'contacts', 'agents']);

export function isLocalCollection(name: string): name is LocalCollection {
  return LOCAL.has(name);
}

// A request answered before a conversation left the device (handed over, deleted) must not bring it back when its
// answer lands afterwards. Ticks order "fetch started" against "left"; the map lives as long as the page does.
let tick = 0;
const departures = new WeakMap<DeskDb, Map<string, number>>();

/** Taken just before asking the server: copies fetched under it are dropped if their record left meanwhile. */
export function fetchTick(): number {
  return ++tick;
}

function leftSince(db: DeskDb, id: string, fetchedAt: number | undefined): boolean {
  if (fetchedAt === undefined) return false;
  return (departures.get(db)?.get(id) ?? 0) > fetchedAt;
}

function markDeparture(db: DeskDb, id: string): void {
  let left = departures.get(db);
  if (!left) departures.set(db, (left = new Map()));
  left.set(id, ++tick);
}

/**
 * Ignores a copy older than the one the device has (realtime and refresh race) and lays the agent's unsynced
 * changes over the server's copy, so a resolve or a label added offline doesn't flicker back.
 */
function overlay<T extends { id: string; updated: number | null }>(incoming: T, existing: T | undefined, pending: OutboxItem[]): T | null {
  if (existing?.updated != null && incoming.updated !== null && incoming.updated < existing.updated) return null;
  const merged = { ...incoming };
  for (const item of pending) if (item.record_id === incoming.id) Object.assign(merged, item.data);
  return merged;
}

async function pendingUpdates(db: DeskDb, collection: 'conversations' | 'contacts'): Promise<OutboxItem[]> {
  return db.outbox.filter((item) => item.collection === collection && item.op === 'update' && item.state === 'pending').sortBy('seq');
}

/** The customer a conversation arrived with (`expand: 'contact'`), when it came along in full. */
function expandedContact(raw: unknown): ContactRecord | null {
  const expand = (raw as { expand?: { contact?: unknown } } | null)?.expand;
  const parsed = contactRecordSchema.safeParse(expand?.contact);
  return parsed.success ? parsed.data : null;
}

/**
 * Whether `incoming` would change nothing. Opening a conversation stores the server's copy, mostly the one the
 * device already has: writing it anyway wakes every live query on the screen, which reads and draws again.
 */
function unchanged<T>(incoming: T, existing: T | undefined): boolean {
  return existing !== undefined && JSON.stringify(incoming) === JSON.stringify(existing);
}

/** Writes the records that differ from the stored ones (or are new), and nothing when none do. */
export async function putChanged<T extends { id: string }>(table: EntityTable<T, 'id'>, records: T[]): Promise<void> {
  const stored = await table.bulkGet(records.map((r) => r.id as IDType<T, 'id'>));
  const changed = records.filter((r, i) => !unchanged(r, stored[i]));
  if (changed.length) await table.bulkPut(changed);
}

async function storeContact(db: DeskDb, contact: ContactRecord): Promise<void> {
  const existing = await db.contacts.get(contact.id);
  const merged = overlay(contact, existing, await pendingUpdates(db, 'contacts'));
  if (merged && !unchanged(merged, existing)) await db.contacts.put(merged);
}

function mergeConversation(incoming: ConversationRecord, existing: ConversationRecord | undefined, pending: OutboxItem[]): ConversationRecord | null {
  // The contact's name comes only with `expand`: an update without it keeps the name the device knows.
  const named = { ...incoming, contact_name: incoming.contact_name || existing?.contact_name || '' };
  return overlay(named, existing, pending);
}

async function storeConversation(db: DeskDb, raw: unknown, fetchedAt: number | undefined): Promise<void> {
  const parsed = conversationRecordSchema.safeParse(raw);
  if (!parsed.success || leftSince(db, parsed.data.id, fetchedAt)) return;
  const existing = await db.conversations.get(parsed.data.id);
  const merged = mergeConversation(parsed.data, existing, await pendingUpdates(db, 'conversations'));
  if (merged && !unchanged(merged, existing)) await db.conversations.put(merged);
  const contact = expandedContact(raw);
  if (contact) await storeContact(db, contact);
}

/**
 * Stores one record as the server sent it; records that don't parse are skipped, not fatal. `fetchedAt` (from
 * `fetchTick`) marks an answer to a request, which loses to a departure that happened while it was in flight.
 */
export async function storeRecord(db: DeskDb, collection: LocalCollection, raw: unknown, fetchedAt?: number): Promise<void> {
  if (collection === 'conversations') return storeConversation(db, raw, fetchedAt);
  if (collection === 'messages') {
    const parsed = messageRecordSchema.safeParse(raw);
    if (parsed.success) await db.messages.put(parsed.data);
  } else if (collection === 'notes') {
    const parsed = noteRecordSchema.safeParse(raw);
    if (parsed.success) await db.notes.put(parsed.data);
  } else if (collection === 'contacts') {
    const parsed = contactRecordSchema.safeParse(raw);
    if (parsed.success) await storeContact(db, parsed.data);
  } else {
    const parsed = agentRecordSchema.safeParse(raw);
    if (parsed.success) await db.agents.put(parsed.data);
  }
}

export async function removeRecord(db: DeskDb, collection: LocalCollection, id: string): Promise<void> {
  if (collection === 'conversations') markDeparture(db, id);
  await db[collection].delete(id);
}

/**
 * Replaces the local queue with the server's: conversations the agent can no longer see (reassigned,
 * aged out of the resolved list) disappear. The realtime feed never says when a record leaves one's view.
 */
export async function replaceConversations(db: DeskDb, raws: unknown[], fetchedAt?: number): Promise<void> {
  const incoming = raws.flatMap((raw) => {
    const parsed = conversationRecordSchema.safeParse(raw);
    return parsed.success && !leftSince(db, parsed.data.id, fetchedAt) ? [parsed.data] : [];
  });
  const contacts = raws.flatMap((raw) => expandedContact(raw) ?? []);
  await db.transaction('rw', [db.conversations, db.contacts, db.outbox], async () => {
    const existing = new Map((await db.conversations.toArray()).map((c) => [c.id, c]));
    const pending = await pendingUpdates(db, 'conversations');
    const keep = new Set(incoming.map((c) => c.id));
    const gone = [...existing.keys()].filter((id) => !keep.has(id));
    if (gone.length) await db.conversations.bulkDelete(gone);
    // Only what changed is written: an unchanged queue wakes no live query, so the screen is not drawn again.
    const merged = incoming.flatMap((c) => mergeConversation(c, existing.get(c.id), pending) ?? []);
    const changed = merged.filter((c) => !unchanged(c, existing.get(c.id)));
    if (changed.length) await db.conversations.bulkPut(changed);
    for (const contact of contacts) await storeContact(db, contact);
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
    await putChanged(db.messages, parsedMessages);
    await putChanged(db.notes, parsedNotes);
  });
}
