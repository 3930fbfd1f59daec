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
  let item = page.items[0];
  // Hybrid routing's intent and the priority's signals are on the routing decision; a later offer or claim row keeps
  // showing them.
  if (item && (!item.intent || !item.priority) && item.trigger !== 'inbound' && item.trigger !== 'reopened') {
    const routed = await pb.collection('routing_events').getList(1, 1, {
      filter: pb.filter('conversation = {:id} && (trigger = "inbound" || trigger = "reopened")', { id: conversationId }),
      sort: '-created,-id',
      requestKey: null,
    });
    const decision = routed.items[0];
    if (decision) item = { ...item, intent: item.intent || decision.intent, priority: item.priority || decision.priority };
  }
  const parsed = routingEventSchema.safeParse(item);
  if (!parsed.success) return null;
  await db.meta.put({ key: key(conversationId), value: item });
  return parsed.data;
}
