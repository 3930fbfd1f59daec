// Pulls what the agent can see from the server into the device's copy.
import type PocketBase from 'pocketbase';
import type { DeskDb } from './db';
import { fetchTick, replaceConversations, storeRecord, storeThread } from './local-records';

/** How many resolved conversations the Resolved tab keeps on the device. */
const RESOLVED_KEPT = 50;
/** The newest messages of a thread loaded on open; older history is for a later slice. */
const THREAD_PAGE = 300;

/** Every open and waiting conversation the server lets this agent see, plus the latest resolved ones. */
export async function refreshQueue(pb: PocketBase, db: DeskDb): Promise<void> {
  const records = pb.collection('conversations');
  const fetchedAt = fetchTick();
  const [active, resolved] = await Promise.all([
    records.getFullList({ filter: 'status != "resolved"', sort: '-last_message_at', expand: 'contact', requestKey: null }),
    records.getList(1, RESOLVED_KEPT, { filter: 'status = "resolved"', sort: '-last_message_at', expand: 'contact', requestKey: null }),
  ]);
  await replaceConversations(db, [...active, ...resolved.items], fetchedAt);
}

/** The conversation itself and the latest page of its messages and notes. */
export async function refreshThread(pb: PocketBase, db: DeskDb, conversationId: string): Promise<void> {
  const filter = pb.filter('conversation = {:id}', { id: conversationId });
  const fetchedAt = fetchTick();
  const [conversation, messages, notes] = await Promise.all([
    pb.collection('conversations').getOne(conversationId, { expand: 'contact', requestKey: null }),
    pb.collection('messages').getList(1, THREAD_PAGE, { filter, sort: '-created', requestKey: null }),
    pb.collection('notes').getList(1, THREAD_PAGE, { filter, sort: '-created', requestKey: null }),
  ]);
  await storeRecord(db, 'conversations', conversation, fetchedAt);
  await storeThread(db, messages.items, notes.items);
}

/** How many of a customer's conversations the contact panel lists. */
const PAST_CONVERSATIONS = 20;

/** A conversation, its customer (expanded) and the customer's conversations this agent may see, newest first. */
export async function refreshCustomer(pb: PocketBase, db: DeskDb, conversationId: string): Promise<void> {
  const fetchedAt = fetchTick();
  const conversation = await pb.collection('conversations').getOne(conversationId, { expand: 'contact', requestKey: null });
  await storeRecord(db, 'conversations', conversation, fetchedAt);
  const filter = pb.filter('contact = {:id}', { id: conversation.contact });
  const past = await pb.collection('conversations').getList(1, PAST_CONVERSATIONS, { filter, sort: '-created', requestKey: null });
  for (const record of past.items) await storeRecord(db, 'conversations', record, fetchedAt);
}
