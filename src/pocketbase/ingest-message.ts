import type { CustomerIdentity } from '../lib/domain/inbound/customer-identity';
import type { NormalizedInbound } from '../lib/domain/inbound/normalized-message';
import { conversationForInbound, type ConversationAction } from '../lib/domain/tickets/conversation-for-inbound';
import { applySystemChange, upsertContact } from './contacts';
import { epochMs, findOne, isoDate, jsonField, newRecord } from './records';
import { queueAutoReplies } from './auto-replies';
import { recordCsatAnswer } from './csat';
import { runFaqBot } from './faq-bot';
import { notifyOwnerOfInbound } from './message-notifications';
import { routeConversation } from './routing';
import { coexistenceKeepsQuiet, messageExtrasFields } from './webhook-fields/extras';

export type IngestOutcome = 'stored' | 'duplicate' | 'reaction' | 'system';

const PREVIEW_LENGTH = 120;

function latestConversation(app: core.App, contactId: string, channelId: string): core.Record | null {
  return findOne(app, 'conversations', 'contact = {:contact} && channel = {:channel}', { contact: contactId, channel: channelId }, '-created');
}

/** Opens, reopens or joins the customer's ticket on this number, given their latest one there. */
function conversationFor(
  app: core.App,
  contact: core.Record,
  channel: core.Record,
  latest: core.Record | null,
  now: number,
): { conversation: core.Record; action: ConversationAction['kind']; firstEver: boolean } {
  const action = conversationForInbound(
    latest ? { id: latest.id, status: latest.getString('status') as 'open' | 'pending' | 'resolved', resolvedAt: epochMs(latest, 'resolved_at') } : null,
    now,
  );
  if (action.kind === 'open-new') {
    const conversation = newRecord(app, 'conversations', {
      contact: contact.id,
      channel: channel.id,
      status: 'open',
      team: channel.getString('default_team'),
      priority: 0,
      unread_count: 0,
    });
    return { conversation, action: action.kind, firstEver: latest === null };
  }
  const conversation = latest!;
  if (action.kind === 'reopen') {
    conversation.set('resolved_at', '');
    conversation.set('resolved_by', '');
    conversation.set('reopen_count', conversation.getInt('reopen_count') + 1);
  }
  conversation.set('status', 'open');
  return { conversation, action: action.kind, firstEver: false };
}

function attachReaction(app: core.App, message: NormalizedInbound, at: string): void {
  const target = findOne(app, 'messages', 'wamid = {:w}', { w: message.reaction!.targetWamid });
  if (!target) return;
  const reactions = jsonField<Record<string, { emoji: string; at: string }>>(target, 'reactions', {});
  if (message.reaction!.emoji) reactions.customer = { emoji: message.reaction!.emoji, at };
  else delete reactions.customer;
  target.set('reactions', reactions);
  app.save(target);
}

function messageRecord(app: core.App, conversationId: string, message: NormalizedInbound): core.Record {
  return newRecord(app, 'messages', {
    conversation: conversationId,
    direction: 'in',
    sender: 'customer',
    type: message.type,
    text: message.text,
    payload: message.payload,
    wamid: message.wamid,
    status: 'received',
    timestamp: isoDate(message.timestamp),
    context_wamid: message.contextWamid ?? '',
    forwarded: message.forwarded,
    frequently_forwarded: message.frequentlyForwarded,
    media_id: message.media?.id ?? '',
    media_mime: message.media?.mime ?? '',
    media_filename: message.media?.filename ?? '',
    media_status: message.media ? 'pending' : 'none',
    error_code: message.error?.code ?? 0,
    error_title: message.error?.title ?? '',
    ...messageExtrasFields(message), // issue #19: ad/product referral, group id
  });
}

/**
 * Stores one inbound message with everything it implies: contact, ticket, window and counters.
 * Must run inside the webhook's transaction so that a failure leaves nothing behind.
 */
export function ingestMessage(app: core.App, channel: core.Record, customer: CustomerIdentity, message: NormalizedInbound, now: number): IngestOutcome {
  if (findOne(app, 'messages', 'wamid = {:w}', { w: message.wamid })) return 'duplicate';
  const at = isoDate(message.timestamp);
  const contact = upsertContact(app, customer, at);

  if (message.system) {
    applySystemChange(app, contact, message.system, at);
    // A number change is not a customer request: it joins an existing ticket's history but never opens one.
    const latest = latestConversation(app, contact.id, channel.id);
    if (latest) app.save(messageRecord(app, latest.id, message));
    return 'system';
  }

  // A survey answer belongs to the ticket it rates, which stays resolved.
  const latest = latestConversation(app, contact.id, channel.id);
  if (latest && recordCsatAnswer(app, latest, message)) {
    app.save(messageRecord(app, latest.id, message));
    return 'stored';
  }
  const { conversation, action, firstEver } = conversationFor(app, contact, channel, latest, now);
  const lastInbound = epochMs(conversation, 'last_inbound_at');
  // Webhooks arrive out of order; the window runs from the newest customer message.
  if (lastInbound === null || message.timestamp > lastInbound) conversation.set('last_inbound_at', at);
  conversation.set('last_message_at', isoDate(Math.max(message.timestamp, epochMs(conversation, 'last_message_at') ?? 0)));
  if (message.reaction) {
    app.save(conversation);
    app.save(messageRecord(app, conversation.id, message));
    attachReaction(app, message, at);
    return 'reaction';
  }
  conversation.set('last_message_preview', message.text.slice(0, PREVIEW_LENGTH));
  conversation.set('unread_count', conversation.getInt('unread_count') + 1);
  app.save(conversation);
  app.save(messageRecord(app, conversation.id, message));
  const startsTicket = action !== 'append';
  // Issue #19 hook: on a Coexistence number the owner answering from the phone keeps bot, routing and auto-replies quiet.
  if (coexistenceKeepsQuiet(app, channel, conversation, message.timestamp)) {
    notifyOwnerOfInbound(app, conversation, message);
    return 'stored';
  }
  const bot = runFaqBot(app, conversation, channel, message, startsTicket, now);
  if (bot === 'answered' || bot === 'resolved') return 'stored';
  // Routing runs in this same transaction: a message is never stored without a routing decision.
  const routingReply = startsTicket || bot === 'handoff' ? routeConversation(app, conversation, message.text, firstEver, action === 'reopen' ? 'reopened' : 'inbound', now) : null;
  queueAutoReplies(app, conversation, firstEver, routingReply, now);
  notifyOwnerOfInbound(app, conversation, message);
  return 'stored';
}
