import type { NormalizedInbound } from '../../lib/domain/inbound/normalized-message';
import { readReactionSignal, type ReactionSignal } from '../../lib/domain/inbound/reaction-signal';
import { readConversation, writeConversation } from '../records/conversation';
import { inboundMessageFields, MESSAGE_BY_WAMID, REACTIONS, type Reactions } from '../records/message';
import { findOne, isoDate, jsonField, newRecord } from '../records';
import { dateOf } from '../records/fields';
import { messageExtrasFields } from '../webhook-fields/extras';
import type { InboundContext } from './context';

const LAST_AGENT_MESSAGE = { filter: 'conversation = {:c} && direction = "out" && sender = "agent"', sort: '-created' } as const;

/**
 * Takes a customer's reaction: it is stored on the conversation of the message it reacts to (else the customer's
 * latest) and shown on that message, and it may acknowledge a resolution or warn of an upset customer. It never
 * reopens or starts a conversation, and moves neither its owner nor its status.
 */
export function applyReaction(
  ctx: InboundContext,
  latest: core.Record | null,
  message: NormalizedInbound & { reaction: { targetWamid: string; emoji: string | null } },
): ReactionSignal {
  const { app } = ctx;
  const target = findOne(app, 'messages', MESSAGE_BY_WAMID, { w: message.reaction.targetWamid });
  const targetConversation = target ? target.getString('conversation') : '';
  const conversation = targetConversation && targetConversation !== latest?.id ? app.findRecordById('conversations', targetConversation) : latest;
  // A reaction to nothing we know, from someone with no conversation: there is no ticket to show it on.
  if (!conversation) return { kind: 'none' };

  const ticket = readConversation(conversation);
  // The reaction still opens (or extends) the 24-hour window, as any customer message does.
  if (ticket.lastInboundAt === null || message.timestamp > ticket.lastInboundAt) writeConversation(conversation, { lastInboundAt: message.timestamp });
  ctx.writer.save(newRecord(app, 'messages', { ...inboundMessageFields(conversation.id, message), ...messageExtrasFields(message) }));
  if (target) {
    const reactions = jsonField<Reactions>(target, REACTIONS, {});
    if (message.reaction.emoji) reactions.customer = { emoji: message.reaction.emoji, at: isoDate(message.timestamp) };
    else delete reactions.customer;
    target.set(REACTIONS, reactions);
    ctx.writer.save(target);
  }

  const lastAgentMessage =
    target && target.getString('conversation') === conversation.id
      ? findOne(app, 'messages', LAST_AGENT_MESSAGE.filter, { c: conversation.id }, LAST_AGENT_MESSAGE.sort)
      : null;
  const signal = readReactionSignal({
    emoji: message.reaction.emoji,
    status: ticket.status,
    onLastAgentMessage: lastAgentMessage !== null && lastAgentMessage.id === target?.id,
    priority: ticket.priority,
    alreadyUpset: dateOf(conversation, 'upset_at') !== null,
  });
  if (signal.kind === 'acknowledgement') writeConversation(conversation, { acknowledgedAt: message.timestamp, acknowledgedWith: signal.emoji });
  // An unhappy customer needs an agent: a conversation waiting on the customer is back on the agent's side.
  if (signal.kind === 'upset') writeConversation(conversation, { upsetAt: message.timestamp, priority: signal.priority, status: 'open' });
  ctx.writer.save(conversation);
  return signal;
}
