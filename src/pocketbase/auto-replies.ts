import { autoReplyContextOf } from '../lib/domain/autoreply/auto-reply-plan';
import { planAutomaticVoice } from '../lib/domain/autoreply/automatic-voice';
import type { BusinessSchedule } from '../lib/domain/hours/schedule';
import type { BranchReply } from '../lib/domain/routing/branch-reply';
import { isAssignable } from '../lib/domain/routing/agent-availability';
import { queueBotMessage } from './bot-messages';
import type { InboundContext } from './inbound/context';
import { readAgentPresence } from './records/agent';
import { readChannel } from './records/channel';
import { readContact } from './records/contact';
import { readDeskSettings } from './records/desk-settings';
import { readConversation, writeConversation } from './records/conversation';
import { GoTimeZone } from './time-zone';

/** The channel's business hours, or null when it has none (always open) or they no longer parse. */
export function scheduleOf(channel: core.Record, port: GoTimeZone): BusinessSchedule | null {
  return readChannel(channel, port).settings.schedule;
}

/** What one inbound message's automatic voice needs to know beyond the conversation: routing's branch, the bot. */
export interface VoiceCause {
  firstEverMessage: boolean;
  /** The reply of the routing branch this message's conversation took (null: not routed, or nothing configured). */
  branchReply: BranchReply | null;
  faqBotSpoke: boolean;
}

/**
 * Queues the one automatic message an inbound message earns (see automatic-voice.ts), and stores the once-only keys
 * of every text merged into it in the same transaction.
 */
export function queueAutomaticVoice(ctx: InboundContext, conversation: core.Record, cause: VoiceCause): void {
  const { channel, now } = ctx;
  const ticket = readConversation(conversation);
  const agent = ticket.assigneeId ? ctx.agentRecord(ticket.assigneeId) : null;
  const presence = agent ? readAgentPresence(agent) : null;
  const agentName = presence ? presence.name.trim() : '';
  const context = autoReplyContextOf(
    {
      settings: channel.settings.autoReplies,
      schedule: channel.settings.schedule,
      channel: { name: channel.name, timezone: channel.timezone, language: channel.language || 'en', businessName: readDeskSettings(ctx.app).businessName },
      contact: { name: readContact(ctx.contactOf(conversation)).name, isFirstEverMessage: cause.firstEverMessage },
      conversation: { lastAgentReplyAt: ticket.lastAgentReplyAt, sentAutoReplyKeys: ticket.autoReplyKeys },
      assignedAgentName: agentName,
    },
    now,
    ctx.port,
  );
  // Same rule as the introductions on other paths (agent-introduction.ts): only an agent who can answer now.
  const online = presence !== null && isAssignable(presence, now);
  const voice = planAutomaticVoice(
    {
      firstEver: cause.firstEverMessage,
      closed: context.closedKey !== null,
      faqBotSpoke: cause.faqBotSpoke,
      branchReply: cause.branchReply,
      assignee: presence ? { name: agentName, online } : null,
    },
    channel.settings.autoReplies,
    context,
  );
  if (!voice) return;
  queueBotMessage(ctx.app, conversation.id, { type: 'text', text: voice.text }, voice.kind, ctx.writer, { purpose: voice.kind, parts: voice.parts });
  if (!voice.dedupeKeys.length) return;
  writeConversation(conversation, { autoReplyKeys: [...ticket.autoReplyKeys, ...voice.dedupeKeys].slice(-50) });
  ctx.writer.save(conversation);
}
