// The offline copy: the latest messages of every conversation in the agent's queues and their files, within the
// storage budget. Run by the app after each sync (loaded after the queue) and by the service worker on a push.
import type PocketBase from 'pocketbase';
import { planMediaCache, type WantedMedia } from '../domain/offline/media-budget';
import { planPrefetch, type PrefetchMarks } from '../domain/offline/prefetch-plan';
import type { ConversationRecord, MessageRecord } from '../schemas/conversation';
import type { DeskDb } from './db';
import { fetchTick, storeRecord, storeThread } from './local-records';
import { dropMedia, hasStoredMedia, isPreview, keepMedia, mediaBudget, mediaKey, PREFETCH_MARKS_KEY } from './media-cache';
import { protectedFileUrl } from './media-url';
import { tabOf } from './queue-tabs';

/** Messages kept per conversation. */
export const RECENT_MESSAGES = 50;
/** Downloads in flight at once: enough to hide latency on a slow network without starving the open screen. */
const PARALLEL = 4;

/** Mine and Waiting first (the agent's own), then the unassigned conversations of the agent's teams. */
export function prefetchQueue(conversations: readonly ConversationRecord[], me: string): ConversationRecord[] {
  const own: ConversationRecord[] = [];
  const team: ConversationRecord[] = [];
  for (const conversation of conversations) {
    const tab = tabOf(conversation, me);
    if (tab === 'mine' || tab === 'waiting') own.push(conversation);
    else if (tab === 'unassigned') team.push(conversation);
  }
  const newest = (a: ConversationRecord, b: ConversationRecord) => (b.last_message_at ?? 0) - (a.last_message_at ?? 0);
  return [...own.sort(newest), ...team.sort(newest)];
}

async function inParallel<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await run(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, lane));
}

/** The latest messages and notes of one conversation (and the conversation itself when `withConversation`). */
export async function prefetchThread(pb: PocketBase, db: DeskDb, conversationId: string, withConversation: boolean): Promise<void> {
  const filter = pb.filter('conversation = {:id}', { id: conversationId });
  const fetchedAt = fetchTick();
  const page = { filter, sort: '-created', skipTotal: true, requestKey: null };
  const [conversation, messages, notes] = await Promise.all([
    withConversation ? pb.collection('conversations').getOne(conversationId, { expand: 'contact', requestKey: null }) : null,
    pb.collection('messages').getList(1, RECENT_MESSAGES, page),
    pb.collection('notes').getList(1, RECENT_MESSAGES, page),
  ]);
  if (conversation) await storeRecord(db, 'conversations', conversation, fetchedAt);
  await storeThread(db, messages.items, notes.items);
}

async function recentMessages(db: DeskDb, conversationId: string): Promise<MessageRecord[]> {
  return db.messages.where('[conversation+at]').between([conversationId, -Infinity], [conversationId, Infinity]).reverse().limit(RECENT_MESSAGES).toArray();
}

/** Brings the kept files in line with the budget: fetches what is wanted and fits, drops what no longer does. */
export async function prefetchMedia(
  pb: PocketBase,
  db: DeskDb,
  conversationIds: readonly string[],
  onRemaining?: (conversations: number) => void,
): Promise<void> {
  const wanted: WantedMedia[] = [];
  const owner = new Map<string, string>();
  for (const id of conversationIds) {
    for (const message of await recentMessages(db, id)) {
      if (!hasStoredMedia(message)) continue;
      const key = mediaKey(message.id, message.media);
      owner.set(key, id);
      wanted.push({ key, bytes: message.media_size ?? 0, preview: isPreview(message), at: message.at });
    }
  }
  const budget = await mediaBudget(db);
  const plan = planMediaCache(await cachedEntries(db), wanted, budget);
  await dropMedia(db, plan.evict);
  const left = new Map<string, number>();
  for (const item of plan.fetch) left.set(owner.get(item.key)!, (left.get(owner.get(item.key)!) ?? 0) + 1);
  onRemaining?.(left.size);
  await inParallel(plan.fetch, async (item) => {
    const conversation = owner.get(item.key)!;
    try {
      const [, messageId, name] = /^\/api\/files\/messages\/([^/]+)\/(.+)$/.exec(item.key)!;
      const url = await protectedFileUrl(pb, 'messages', messageId, decodeURIComponent(name));
      const response = url ? await fetch(url, { credentials: 'omit' }) : null;
      if (response?.status === 200) await keepMedia(db, item.key, conversation, response);
    } catch {
      // The network dropped: what was kept stays, the rest comes with the next sync.
    }
    const count = (left.get(conversation) ?? 1) - 1;
    if (count > 0) left.set(conversation, count);
    else left.delete(conversation);
    onRemaining?.(left.size);
  });
  // Sizes the server did not report are known now: trim again if they pushed the total over.
  const trim = planMediaCache(await cachedEntries(db), wanted, budget);
  await dropMedia(db, trim.evict);
}

async function cachedEntries(db: DeskDb) {
  return (await db.media.toArray()).map((m) => ({ key: m.key, bytes: m.bytes, usedAt: m.used_at }));
}

/** One run: the threads of the agent's queues that changed since the last run, then the files within the budget. */
export async function runPrefetch(pb: PocketBase, db: DeskDb, me: string, onRemaining: (conversations: number) => void): Promise<{ downloaded: number }> {
  const queue = prefetchQueue(await db.conversations.toArray(), me);
  const marks = ((await db.meta.get(PREFETCH_MARKS_KEY))?.value ?? {}) as PrefetchMarks;
  const plan = planPrefetch(queue, marks);
  const failed = new Set<string>();
  let remaining = plan.download.length;
  onRemaining(remaining);
  await inParallel(plan.download, async (id) => {
    await prefetchThread(pb, db, id, false).catch(() => failed.add(id));
    onRemaining(--remaining);
  });
  // A conversation that failed keeps its old mark (or none), so the next run tries it again.
  const kept: Record<string, number> = {};
  for (const [id, version] of Object.entries(plan.marks)) {
    if (!failed.has(id)) kept[id] = version;
    else if (marks[id] !== undefined) kept[id] = marks[id];
  }
  await db.meta.put({ key: PREFETCH_MARKS_KEY, value: kept });
  await prefetchMedia(
    pb,
    db,
    queue.map((c) => c.id),
    onRemaining,
  );
  onRemaining(0);
  return { downloaded: plan.download.length - failed.size };
}

/** Where the app leaves the agent's token for the service worker, which has no access to localStorage. */
export const WORKER_AUTH_KEY = 'worker-auth';

/** Keeps the service worker's copy of the agent's token in step with the app's session (cleared on sign-out). */
export function shareTokenWithServiceWorker(pb: PocketBase, db: DeskDb): () => void {
  const write = (token: string) => void db.meta.put({ key: WORKER_AUTH_KEY, value: pb.authStore.isValid ? token : '' }).catch(() => {});
  write(pb.authStore.token);
  return pb.authStore.onChange((token) => write(token));
}

/** What a push prefetches: the conversation, its latest messages and their files, with the token the app left. */
export async function prefetchPushed(pb: PocketBase, db: DeskDb, conversationId: string): Promise<boolean> {
  const token = (await db.meta.get(WORKER_AUTH_KEY))?.value;
  if (typeof token !== 'string' || token === '') return false;
  pb.authStore.save(token, null);
  // An app left closed past its session's end leaves an expired copy: never send it (the server would refuse it).
  if (!pb.authStore.isValid) return false;
  await prefetchThread(pb, db, conversationId, true);
  await prefetchMedia(pb, db, [conversationId]);
  return true;
}
