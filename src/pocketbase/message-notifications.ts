import type { NormalizedInbound } from '../lib/domain/inbound/normalized-message';
import { writeNotification } from './assignment';
import { findOne } from './records';

// "A new customer message in a conversation they own", for agents who asked for it in their settings.

/**
 * Writes a `message` notification for the conversation's owner when they turned these on, in the inbound
 * message's transaction. One push waiting per conversation is enough (the phone shows one per conversation
 * anyway): an assignment this message just caused stands for it, an older message push gives way to it.
 * The worker drops it if the conversation is answered or reassigned before it goes out.
 */
export function notifyOwnerOfInbound(app: core.App, conversation: core.Record, message: NormalizedInbound): void {
  const ownerId = conversation.getString('assignee');
  if (!ownerId || message.reaction || conversation.getString('status') === 'resolved') return;
  const owner = findOne(app, 'agents', 'id = {:id}', { id: ownerId });
  if (!owner?.getBool('notify_new_messages')) return;
  const waiting = findOne(app, 'notifications', 'agent = {:agent} && conversation = {:conversation} && status = "pending" && claimed_until = ""', {
    agent: ownerId,
    conversation: conversation.id,
  });
  if (waiting && waiting.getString('kind') !== 'message') return;
  // Not leased yet: replaced rather than stacked, and written anew so "answered since" is judged from now.
  if (waiting) app.delete(waiting);
  writeNotification(app, ownerId, conversation, app.findRecordById('contacts', conversation.getString('contact')), 'message', message.text);
}
