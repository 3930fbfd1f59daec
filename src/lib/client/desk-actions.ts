// What an agent does to a conversation. Each change goes through the outbox, so it works the same offline.
import type { ConversationStatus } from '../schemas/conversation';
import { outbox } from './app-outbox';
import { db } from './db';
import { newRecordId } from './ids';
import { pb } from './pb';

export async function queueReply(conversation: string, author: string, text: string): Promise<void> {
  await outbox.add({
    collection: 'messages',
    op: 'create',
    record_id: newRecordId(),
    conversation,
    data: { conversation, direction: 'out', author, type: 'text', text },
  });
  void outbox.flush();
}

export async function queueNote(conversation: string, author: string, body: string): Promise<void> {
  await outbox.add({ collection: 'notes', op: 'create', record_id: newRecordId(), conversation, data: { conversation, author, body } });
  void outbox.flush();
}

/** Resolve, reopen or park: shown at once, sent when the network allows. */
export async function queueStatus(conversation: string, status: ConversationStatus): Promise<void> {
  await db.transaction('rw', db.conversations, db.outbox, async () => {
    await db.conversations.update(conversation, { status });
    await outbox.add({ collection: 'conversations', op: 'update', record_id: conversation, conversation, data: { status } });
  });
  void outbox.flush();
}

/**
 * Clears the unread badge and lets the server send the customer a read receipt. Best effort: a stale badge is
 * harmless and the next open retries.
 */
export async function markRead(conversation: string): Promise<void> {
  await db.conversations.update(conversation, { unread_count: 0 });
  await pb.send(`/api/pocketdesk/conversations/${encodeURIComponent(conversation)}/read`, { method: 'POST', requestKey: null }).catch(() => {});
}
