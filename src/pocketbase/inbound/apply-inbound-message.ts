import type { CustomerIdentity } from '../../lib/domain/inbound/customer-identity';
import type { NormalizedInbound } from '../../lib/domain/inbound/normalized-message';
import { conversationForInbound } from '../../lib/domain/tickets/conversation-for-inbound';
import { queueAutomaticVoice } from '../auto-replies';
import { applySystemChange, upsertContact } from '../contacts';
import { recordCsatAnswer } from '../csat';
import type { Effect } from '../effects';
import { runFaqBot } from '../faq-bot';
import { notifyOwnerOfInbound } from '../message-notifications';
import { conversationFields, LATEST_CONVERSATION, readConversation, writeConversation } from '../records/conversation';
import { inboundMessageFields, MESSAGE_BY_WAMID, messageSignalsOf } from '../records/message';
import { findOne, isoDate, newRecord } from '../records';
import { routeConversation } from '../routing';
import { wakeOnCustomerMessage } from '../snooze';
import { coexistenceKeepsQuiet, messageExtrasFields } from '../webhook-fields/extras';
import { InboundContext, newRecordWithId } from './context';
import { applyReaction } from './reaction';

// What happens when a customer's message arrives — the steps, top to bottom. Runs inside the webhook event's
// transaction (one savepoint per message, see webhook-apply.ts). Decisions do not write: they put rows into the
// context's effect list, and the list is written at the end (rows saved several times are written once).

export type IngestOutcome = 'stored' | 'duplicate' | 'reaction' | 'system';

export interface InboundResult {
  outcome: IngestOutcome;
  /** What the message caused, "collection.op" → rows (contacts.create, messages.create, notifications.create…). */
  effects: Record<string, number>;
}

const PREVIEW_LENGTH = 120;

export function applyInboundMessage(app: core.App, channel: core.Record, customer: CustomerIdentity, message: NormalizedInbound, now: number): InboundResult {
  // 1. A message we already have (Meta redelivers) changes nothing.
  if (findOne(app, 'messages', MESSAGE_BY_WAMID, { w: message.wamid })) return { outcome: 'duplicate', effects: {} };
  // 2. One context for the event: the channel and its parsed settings, loaded once.
  const ctx = new InboundContext(app, channel, now);
  const done = (outcome: IngestOutcome): InboundResult => {
    ctx.flush();
    return { outcome, effects: ctx.writer.counts() };
  };
  // 3. The customer: found by user id or phone and updated, or created.
  const contact = upsertContact(app, customer, message.timestamp, ctx.writer);
  ctx.contact = contact;
  const latest = findOne(app, 'conversations', LATEST_CONVERSATION.filter, { contact: contact.id, channel: channel.id }, LATEST_CONVERSATION.sort);

  // 4. A number or id change updates the contact; it joins an existing ticket's history but never opens one.
  if (message.system) {
    applySystemChange(app, contact, message.system, isoDate(message.timestamp), ctx.writer);
    if (latest) ctx.writer.save(newRecord(app, 'messages', inboundMessageFields(latest.id, message)));
    return done('system');
  }

  // 5. A survey answer belongs to the ticket it rates, which stays resolved.
  if (latest && recordCsatAnswer(ctx, latest, message)) {
    ctx.writer.save(newRecord(app, 'messages', inboundMessageFields(latest.id, message)));
    return done('stored');
  }

  // 5b. A reaction is a signal, never a new turn: it is shown on the message it reacts to, may acknowledge a
  //     resolution or warn of an upset customer (reaction.ts), and never reopens or starts a ticket.
  if (message.reaction) {
    applyReaction(ctx, latest, { ...message, reaction: message.reaction });
    return done('reaction');
  }

  // 6. The ticket: a new one, the latest reopened, or the open one joined.
  const before = latest ? readConversation(latest) : null;
  const action = conversationForInbound(before ? { id: before.id, status: before.status, resolvedAt: before.resolvedAt } : null, now).kind;
  const conversation =
    action === 'open-new' ? newRecordWithId(app, 'conversations', conversationFields(contact.id, channel.id, ctx.channel.defaultTeamId)) : latest!;
  if (action === 'reopen') writeConversation(conversation, { resolvedAt: null, resolvedBy: null, reopenCount: before!.reopenCount + 1 });
  writeConversation(conversation, { status: 'open' });
  const firstEver = latest === null;
  const startsTicket = action !== 'append';

  // 7. The window runs from the newest customer message (webhooks arrive out of order).
  const ticket = readConversation(conversation);
  if (ticket.lastInboundAt === null || message.timestamp > ticket.lastInboundAt) writeConversation(conversation, { lastInboundAt: message.timestamp });
  writeConversation(conversation, { lastMessageAt: Math.max(message.timestamp, ticket.lastMessageAt ?? 0) });
  // Issue #19: the ad or product the customer came from and the group they wrote in.
  const stored = newRecord(app, 'messages', { ...inboundMessageFields(conversation.id, message), ...messageExtrasFields(message) });

  // 9. The message itself, and the ticket's preview and unread count.
  writeConversation(conversation, { lastMessagePreview: message.text.slice(0, PREVIEW_LENGTH), unreadCount: ticket.unreadCount + 1 });
  // 9a. Issue #20: the ticket shows how the customer's latest message reads (read once, in inboundMessageFields).
  const signals = messageSignalsOf(stored);
  writeConversation(conversation, { sentiment: signals.sentiment, urgent: signals.urgent, signalCues: signals.cues });
  // 9b. A snoozed ticket wakes at once; its owner's push stands for the "new message" one in step 13.
  wakeOnCustomerMessage(ctx, conversation);
  ctx.writer.save(conversation);
  ctx.writer.save(stored);
  // An existing ticket is written before routing: capacity counts (SQL) must see it as it now is.
  if (action !== 'open-new') ctx.flush();

  // 10. On a Coexistence number, while the owner answers this customer from the WhatsApp Business app, the desk's
  //     automations stay quiet: the owner hears of the message, nothing else happens.
  if (coexistenceKeepsQuiet(app, channel, conversation, message.timestamp)) {
    notifyOwnerOfInbound(ctx, conversation, message);
    return done('stored');
  }
  // 10b. The FAQ bot answers first when the channel has one; while it answers, the ticket stays out of the queue.
  const bot = runFaqBot(ctx, conversation, message, startsTicket);
  if (bot === 'answered' || bot === 'resolved') return done('stored');

  // 11. Routing: a new or reopened ticket (or one the bot hands on) gets an owner, an offer or a queue place.
  const branchReply =
    startsTicket || bot === 'handoff'
      ? routeConversation(ctx, conversation, message.text, firstEver, action === 'reopen' ? 'reopened' : 'inbound', message.wamid)
      : null;
  // 12. The automatic voice: at most one message (greeting, out-of-hours, introduction or the branch's reply, merged).
  //     A bot that handed over with its own words has already spoken for the desk.
  const faq = ctx.channel.settings.faq;
  queueAutomaticVoice(ctx, conversation, {
    firstEverMessage: firstEver,
    branchReply,
    faqBotSpoke: bot === 'handoff' && faq !== null && faq.enabled && faq.handoffText !== '',
  });
  // 13. The owner's "new message" push, when they asked for it.
  notifyOwnerOfInbound(ctx, conversation, message);
  // 14. Everything decided is written, in order, in the event's transaction.
  return done('stored');
}

export type { Effect };
