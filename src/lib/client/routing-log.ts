// The newest routing-log row of a conversation: why it went to whom. Kept on the device for offline reading.
import type PocketBase from 'pocketbase';
import { routingEventSchema, type RoutingEvent } from '../schemas/routing-event';
import type { DeskDb } from './db';

const key = (conversationId: string) => `routing:${conversationId}`;

/** The copy on the device, if any. */
export async function storedRoutingEvent(db: DeskDb, conversationId: string): Promise<RoutingEvent | null> {
  const parsed = routingEventSchema.safeParse((await db.meta.get(key(conversationId)))?.value);
  return parsed.success ? parsed.data : null;
}

/** Fetches the newest row and keeps it on the device; null when routing never decided anything here. */
export async function refreshRoutingEvent(pb: PocketBase, db: DeskDb, conversationId: string): Promise<RoutingEvent | null> {
  const page = await pb
    .collection('routing_events')
    .getList(1, 1, { filter: pb.filter('conversation = {:id}', { id: conversationId }), sort: '-created,-id', requestKey: null });
  const parsed = routingEventSchema.safeParse(page.items[0]);
  if (!parsed.success) return null;
  await db.meta.put({ key: key(conversationId), value: page.items[0] });
  return parsed.data;
}
