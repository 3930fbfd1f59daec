import { ownerAnswersFromPhone } from '../../lib/domain/inbound/coexistence';
import type { NormalizedInbound } from '../../lib/domain/inbound/normalized-message';
import { epochMs, findOne, isoDate } from '../records';

// Issue #19 hooks called from inbound/apply-inbound-message.ts: the columns a customer's message adds (ad/product, group) and the
// Coexistence rule that keeps the desk's automations quiet while the owner answers from the phone.

/** The `messages` columns for the ad or product a customer came from and the group they wrote in. */
export function messageExtrasFields(message: NormalizedInbound): Record<string, unknown> {
  return { referral: message.referral ?? null, group_id: message.groupId ?? '' };
}

/**
 * True when the owner answered this customer from the WhatsApp Business app lately (coexistence.ts): the ticket
 * then stays with the owner (an unowned one is handed to the channel's `coexistence_agent`), without bot, routing
 * or auto-replies.
 */
export function coexistenceKeepsQuiet(app: core.App, channel: core.Record, conversation: core.Record, messageAt: number): boolean {
  if (!channel.getBool('coexistence')) return false;
  const last = findOne(
    app,
    'messages',
    "conversation.contact = {:c} && conversation.channel = {:ch} && origin = 'business_app'",
    { c: conversation.getString('contact'), ch: channel.id },
    '-timestamp',
  );
  if (!ownerAnswersFromPhone({ coexistence: true, lastBusinessAppReplyAt: last ? epochMs(last, 'timestamp') : null }, messageAt)) return false;
  const owner = channel.getString('coexistence_agent');
  if (owner && !conversation.getString('assignee')) {
    conversation.set('assignee', owner);
    conversation.set('assigned_at', isoDate(Date.now()));
    app.save(conversation);
  }
  return true;
}
