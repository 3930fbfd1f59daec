import type { NormalizedInbound } from '../lib/domain/inbound/normalized-message';
import { writeNotification } from './assignment';
import type { InboundContext } from './inbound/context';
import { readAgent } from './records/agent';
import { readConversation } from './records/conversation';
import { findOne } from './records';

// "A new customer message in a conversation they own", for agents who asked for it in their settings.

const WAITING_PUSH = 'agent = {:agent} && conversation = {:conversation} && status = "pending" && claimed_until = ""';

/**
 * Writes a `message` notification for the conversation's owner when they turned these on, in the inbound
 * message's transaction. One push waiting per conversation is enough (the phone shows one per conversation
 * anyway): an assignment this message just caused stands for it, an older message push gives way to it.
 * The worker drops it if the conversation is answered or reassigned before it goes out.
 */
export function notifyOwnerOfInbound(ctx: InboundContext, conversation: core.Record, message: NormalizedInbound): void {
  const ticket = readConversation(conversation);
  const ownerId = ticket.assigneeId;
  if (!ownerId || message.reaction || ticket.status === 'resolved') return;
  if (!readAgent(ctx.agentRecord(ownerId)).notifyNewMessages) return;
  // What this event already decided counts first (written together at its end), then what was waiting before.
  const decided = ctx.writer.planned('notifications').find((row) => row.getString('agent') === ownerId && row.getString('conversation') === conversation.id);
  if (decided) return;
  const waiting = findOne(ctx.app, 'notifications', WAITING_PUSH, { agent: ownerId, conversation: conversation.id });
  if (waiting && waiting.getString('kind') !== 'message') return;
  // Not leased yet: replaced rather than stacked, and written anew so "answered since" is judged from now.
  if (waiting) ctx.writer.delete(waiting);
  writeNotification(ctx.app, ownerId, conversation, ctx.contactOf(conversation), 'message', message.text, ctx.writer);
}
