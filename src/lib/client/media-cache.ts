// Message files kept on the device for offline reading: bytes in Cache Storage, one `media` row each in Dexie
// (size and last use, for the budget). Shared by the page, the prefetch and the service worker.
import type { MessageRecord } from '../schemas/conversation';
import { MEDIA_CACHE, type DeskDb } from './db';

/** Default storage budget for message files. */
export const DEFAULT_MEDIA_BUDGET = 200 * 1024 * 1024;
/** Budgets Settings offers, in MB. */
export const MEDIA_BUDGET_CHOICES_MB = [50, 100, 200, 500, 1000] as const;
const BUDGET_KEY = 'offline-media-budget';
/** Where the prefetch keeps the thread version it holds of each conversation. */
export const PREFETCH_MARKS_KEY = 'prefetch-marks';

/** The cache key of a message's file: its path without the short-lived token, the same on every request. */
export function mediaKey(messageId: string, filename: string): string {
  return `/api/files/messages/${messageId}/${encodeURIComponent(filename)}`;
}

/** True for a message whose file the server holds. */
export function hasStoredMedia(message: Pick<MessageRecord, 'media' | 'media_status'>): boolean {
  return message.media_status === 'stored' && message.media !== '';
}

/** Shown inline in the thread, so fetched before voice notes, videos and documents. */
export function isPreview(message: Pick<MessageRecord, 'type'>): boolean {
  return message.type === 'image' || message.type === 'sticker';
}

export async function mediaBudget(db: DeskDb): Promise<number> {
  const entry = await db.meta.get(BUDGET_KEY);
  return typeof entry?.value === 'number' && entry.value >= 0 ? entry.value : DEFAULT_MEDIA_BUDGET;
}

export async function setMediaBudget(db: DeskDb, bytes: number): Promise<void> {
  await db.meta.put({ key: BUDGET_KEY, value: bytes });
}

/** The kept copy of a file, marked as just used; null when the device does not have it. */
export async function cachedMedia(db: DeskDb, key: string): Promise<Response | null> {
  if (typeof caches === 'undefined') return null;
  const response = await (await caches.open(MEDIA_CACHE)).match(key);
  if (!response) return null;
  await db.media.update(key, { used_at: Date.now() });
  return response;
}

/** Keeps a fetched file; returns its size. The response must be a full 200 (a partial one would be kept as the whole). */
export async function keepMedia(db: DeskDb, key: string, conversation: string, response: Response): Promise<number> {
  const blob = await response.blob();
  const headers = new Headers({ 'Content-Type': response.headers.get('Content-Type') ?? blob.type, 'Content-Length': String(blob.size) });
  await (await caches.open(MEDIA_CACHE)).put(key, new Response(blob, { status: 200, headers }));
  await db.media.put({ key, conversation, bytes: blob.size, used_at: Date.now() });
  return blob.size;
}

export async function dropMedia(db: DeskDb, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const cache = await caches.open(MEDIA_CACHE);
  await Promise.all(keys.map((key) => cache.delete(key)));
  await db.media.bulkDelete(keys);
}

/** What the device keeps for offline reading. */
export interface OfflineUsage {
  conversations: number;
  messages: number;
  files: number;
  bytes: number;
}

export async function offlineUsage(db: DeskDb): Promise<OfflineUsage> {
  const [conversations, messages, media] = await Promise.all([db.conversations.count(), db.messages.count(), db.media.toArray()]);
  return { conversations, messages, files: media.length, bytes: media.reduce((sum, m) => sum + m.bytes, 0) };
}

/**
 * Forgets kept messages, notes and files and the prefetch marks (the next sync downloads again). The queue stays,
 * and so does everything still waiting in the outbox.
 */
export async function clearOfflineCopy(db: DeskDb): Promise<void> {
  await db.transaction('rw', [db.messages, db.notes, db.outbox, db.media, db.meta], async () => {
    const waiting = new Set((await db.outbox.toArray()).map((item) => item.record_id));
    await db.messages.filter((m) => !waiting.has(m.id)).delete();
    await db.notes.filter((n) => !waiting.has(n.id)).delete();
    await db.media.clear();
    await db.meta.delete(PREFETCH_MARKS_KEY);
  });
  if (typeof caches !== 'undefined') await caches.delete(MEDIA_CACHE);
}
