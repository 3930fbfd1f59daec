import { planAutoReplies } from '../lib/domain/autoreply/auto-reply-plan';
import type { BusinessSchedule } from '../lib/domain/hours/schedule';
import { queueBotMessage } from './bot-messages';
import type { InboundContext } from './inbound/context';
import { readAgent } from './records/agent';
import { readChannel } from './records/channel';
import { readContact } from './records/contact';
import { readConversation, writeConversation } from './records/conversation';
import { GoTimeZone } from './time-zone';

/** The channel's business hours, or null when it has none (always open) or they no longer parse. */
export function scheduleOf(channel: core.Record, port: GoTimeZone): BusinessSchedule | null {
  return readChannel(channel, port).settings.schedule;
}

/**
 * Queues the channel's greeting, out-of-hours and after-assign replies for an inbound message, each at most once
 * per conversation (per closed period for out-of-hours); `routingReply` is what routing already said.
 */
export function queueAutoReplies(ctx: InboundContext, conversation: core.Record, firstEverMessage: boolean, routingReply: string | null): void {
  const { channel, now } = ctx;
  const ticket = readConversation(conversation);
  const planned = planAutoReplies(
    {
      settings: channel.settings.autoReplies,
      schedule: channel.settings.schedule,
      channel: { name: channel.name, timezone: channel.timezone, language: channel.language || 'en' },
      contact: { name: readContact(ctx.contactOf(conversation)).name, isFirstEverMessage: firstEverMessage },
      conversation: { lastAgentReplyAt: ticket.lastAgentReplyAt, sentAutoReplyKeys: ticket.autoReplyKeys },
      assignedAgentName: ticket.assigneeId ? readAgent(ctx.agentRecord(ticket.assigneeId)).name : null,
    },
    now,
    ctx.port,
  );
  // Routing's own welcome already greets a new customer: one greeting is enough.
  const replies = planned.filter((reply) => !(reply.kind === 'greeting' && routingReply === 'welcome'));
  if (!replies.length) return;
  for (const reply of replies) queueBotMessage(ctx.app, conversation.id, { type: 'text', text: reply.text }, reply.kind, ctx.writer);
  writeConversation(conversation, { autoReplyKeys: [...ticket.autoReplyKeys, ...replies.map((reply) => reply.dedupeKey)].slice(-50) });
  ctx.writer.save(conversation);
}
