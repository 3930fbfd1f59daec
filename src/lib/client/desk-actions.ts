// What an agent does to a conversation. Each change goes through the outbox, so it works the same offline;
// assignment actions are the exception (the server must check capacity at that moment).
import type { AttachmentType } from '../domain/delivery/attachment-rules';
import type { AssignRequest, AssignResult } from '../schemas/assignment';
import type { ConversationStatus } from '../schemas/conversation';
import { outbox } from './app-outbox';
import { requestAssignment } from './assignment';
import { db } from './db';
import { newRecordId } from './ids';
import { removeRecord, storeRecord } from './local-records';
import { pb } from './pb';

export async function queueReply(conversation: string, author: string, text: string, cannedReply?: string): Promise<void> {
  // `canned_reply`: the canned reply the text came from, counted per intent by the server for suggestions.
  await outbox.add({
    collection: 'messages',
    op: 'create',
    record_id: newRecordId(),
    conversation,
    data: { conversation, direction: 'out', author, type: 'text', text, ...(cannedReply ? { canned_reply: cannedReply } : {}) },
  });
  void outbox.flush();
}

/**
 * Queues a photo or document reply. The file rides in the outbox row itself (IndexedDB keeps Blobs), so the row
 * and its file are stored and removed together, and the SDK sends them as one multipart create.
 */
export async function queueAttachment(conversation: string, author: string, type: AttachmentType, file: File, caption: string): Promise<void> {
  await outbox.add({
    collection: 'messages',
    op: 'create',
    record_id: newRecordId(),
    conversation,
    data: { conversation, direction: 'out', author, type, text: caption, media: file, media_mime: file.type, media_filename: file.name },
  });
  void outbox.flush();
}

/**
 * Queues an approved template with its parameters (`{name: value}` or positional values). `preview` is the text
 * the customer will read: the thread shows it while the message waits and after it is sent.
 */
export async function queueTemplate(
  conversation: string,
  author: string,
  template: string,
  params: Record<string, string> | string[],
  preview: string,
): Promise<void> {
  await outbox.add({
    collection: 'messages',
    op: 'create',
    record_id: newRecordId(),
    conversation,
    data: { conversation, direction: 'out', author, type: 'template', template, template_params: params, text: preview },
  });
  void outbox.flush();
}

export async function queueNote(conversation: string, author: string, body: string): Promise<void> {
  await outbox.add({ collection: 'notes', op: 'create', record_id: newRecordId(), conversation, data: { conversation, author, body } });
  void outbox.flush();
}

/** Changes fields of a conversation (status, labels): shown at once, sent when the network allows. */
export async function queueConversationChange(conversation: string, data: { status?: ConversationStatus; labels?: string[] }): Promise<void> {
  await db.transaction('rw', db.conversations, db.outbox, async () => {
    await db.conversations.update(conversation, data);
    await outbox.add({ collection: 'conversations', op: 'update', record_id: conversation, conversation, data });
  });
  void outbox.flush();
}

/** Resolve, reopen or park. */
export function queueStatus(conversation: string, status: ConversationStatus): Promise<void> {
  return queueConversationChange(conversation, { status });
}

/**
 * Marks a customer VIP or changes their labels, the same way. `conversation` is where the agent made the change:
 * a refusal shows up there.
 */
export async function queueContactChange(contact: string, conversation: string, data: { vip?: boolean; labels?: string[] }): Promise<void> {
  await db.transaction('rw', db.contacts, db.outbox, async () => {
    await db.contacts.update(contact, data);
    await outbox.add({ collection: 'contacts', op: 'update', record_id: contact, conversation, data });
  });
  void outbox.flush();
}

/**
 * Claims, hands over, escalates, assigns or unassigns, then reloads the conversation: after a handover the agent
 * may no longer see it, and then it leaves the device (`visible: false`).
 */
export async function changeAssignment(conversation: string, request: AssignRequest): Promise<AssignResult & { visible?: boolean }> {
  const result = await requestAssignment(pb, conversation, request);
  if (!result.ok) return result;
  try {
    await storeRecord(db, 'conversations', await pb.collection('conversations').getOne(conversation, { expand: 'contact', requestKey: null }));
    return { ok: true, visible: true };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status !== 403 && status !== 404) return { ok: true, visible: true };
    await removeRecord(db, 'conversations', conversation);
    return { ok: true, visible: false };
  }
}

/**
 * Clears the unread badge and lets the server send the customer a read receipt. Best effort: a stale badge is
 * harmless and the next open retries.
 */
export async function markRead(conversation: string): Promise<void> {
  await db.conversations.update(conversation, { unread_count: 0 });
  await pb.send(`/api/pocketdesk/conversations/${encodeURIComponent(conversation)}/read`, { method: 'POST', requestKey: null }).catch(() => {});
}
