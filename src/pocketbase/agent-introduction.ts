import { planAgentIntroduction } from '../lib/domain/assignment/agent-introduction';
import { queueBotMessage } from './bot-messages';
import { readAgentPresence } from './records/agent';
import { readChannel } from './records/channel';
import { readContact } from './records/contact';
import { readConversation, writeConversation } from './records/conversation';
import { directScope, type Scope } from './scope';
import { GoTimeZone } from './time-zone';
import { readDeskSettings } from './records/desk-settings';

/**
 * Tells the customer who took their conversation, when planAgentIntroduction says so: the channel's after-assign
 * reply goes through the outbound pipeline and its dedupe key is stored on the conversation, in the caller's
 * transaction. The key is the one the inbound path's auto-replies use, so between them an agent is introduced once.
 * `actedNow`: the agent took it themselves (a claim, an accepted offer).
 */
export function introduceAssignedAgent(
  app: core.App,
  conversation: core.Record,
  agentId: string,
  actedNow: boolean,
  now: number,
  scope: Scope = directScope(app),
): void {
  const port = new GoTimeZone();
  const ticket = readConversation(conversation);
  const channel = readChannel(app.findRecordById('channels', ticket.channelId), port);
  // Off on most channels: a backlog sweep of hundreds then loads no customer and no agent for it.
  if (!channel.settings.autoReplies.afterAssign.enabled) return;
  const plan = planAgentIntroduction(
    {
      afterAssign: channel.settings.autoReplies.afterAssign,
      schedule: channel.settings.schedule,
      channel: { name: channel.name, timezone: channel.timezone, language: channel.language || 'en', businessName: readDeskSettings(app).businessName },
      customerName: readContact(scope.contactOf(conversation)).name,
      agent: { ...readAgentPresence(scope.agentRecord(agentId)), actedNow },
      lastInboundAt: ticket.lastInboundAt,
      sentAutoReplyKeys: ticket.autoReplyKeys,
    },
    now,
    port,
  );
  if (!plan.send) return;
  queueBotMessage(app, conversation.id, { type: 'text', text: plan.text }, 'after-assign', scope.writer);
  writeConversation(conversation, { autoReplyKeys: [...ticket.autoReplyKeys, plan.dedupeKey].slice(-50) });
  scope.writer.save(conversation);
}
