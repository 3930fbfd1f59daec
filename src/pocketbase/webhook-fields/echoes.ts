import type { CustomerIdentity } from '../../lib/domain/inbound/customer-identity';
import type { NormalizedInbound } from '../../lib/domain/inbound/normalized-message';
import { upsertContact } from '../contacts';
import { immediateWriter } from '../effects';
import { epochMs, findOne, isoDate, newRecord } from '../records';
import { applyMessageChange, applyWaitingChanges, type ChangeOutcome } from './message-changes';

// `smb_message_echoes` (WhatsApp Coexistence, issue #19): what the owner sent from the WhatsApp Business app on the
// phone. Each echo becomes an outbound message in the customer's ticket, sent "from the WhatsApp Business app", and
// counts as an agent reply: first response, SLA (the agent-reply figures read `sender = agent`), "waiting on
// customer". An unowned ticket becomes the owner's (the channel's `coexistence_agent`). Echoes of what the desk itself
// sent (same wamid) change nothing.

export type EchoOutcome = 'echo-stored' | 'echo-duplicate' | ChangeOutcome;

const PREVIEW_LENGTH = 120;

function ticketFor(app: core.App, contact: core.Record, channel: core.Record): core.Record {
  const active = findOne(app, 'conversations', "contact = {:c} && channel = {:ch} && status != 'resolved'", { c: contact.id, ch: channel.id }, '-created');
  if (active) return active;
  // The owner wrote first from the phone: a ticket waiting on the customer.
  return newRecord(app, 'conversations', {
    contact: contact.id,
    channel: channel.id,
    status: 'pending',
    team: channel.getString('default_team'),
    priority: 0,
    unread_count: 0,
  });
}

export function applyEcho(app: core.App, channel: core.Record, customer: CustomerIdentity, message: NormalizedInbound): EchoOutcome {
  if (findOne(app, 'messages', 'wamid = {:w}', { w: message.wamid })) return 'echo-duplicate';
  const byUserId = customer.userId ? findOne(app, 'contacts', 'user_id = {:v}', { v: customer.userId }) : null;
  const known = byUserId ?? (customer.waId ? findOne(app, 'contacts', 'wa_id = {:v}', { v: customer.waId }) : null);
  // An echo is not the customer writing: a known contact's last inbound time stays as it was.
  const contact = known ?? upsertContact(app, customer, null, immediateWriter(app));
  if (message.change) {
    const latest = findOne(app, 'conversations', 'contact = {:c} && channel = {:ch}', { c: contact.id, ch: channel.id }, '-created');
    return applyMessageChange(app, message, latest?.id ?? null);
  }
  const conversation = ticketFor(app, contact, channel);
  const at = isoDate(message.timestamp);
  const owner = channel.getString('coexistence_agent');
  if (!conversation.getString('assignee') && owner) {
    conversation.set('assignee', owner);
    conversation.set('assigned_at', at);
    conversation.set('offered_to', '');
    conversation.set('offer_expires_at', '');
  }
  if (!conversation.getString('first_response_at')) conversation.set('first_response_at', at);
  // Echoes arrive out of order: the conversation keeps its newest times and preview.
  const newest = (field: string) => (epochMs(conversation, field) ?? 0) <= message.timestamp;
  if (newest('last_outbound_at')) conversation.set('last_outbound_at', at);
  if (newest('last_agent_reply_at')) conversation.set('last_agent_reply_at', at);
  if (newest('last_message_at')) {
    conversation.set('last_message_at', at);
    conversation.set('last_message_preview', message.text.slice(0, PREVIEW_LENGTH));
    conversation.set('unread_count', 0);
    // The owner answered: the ticket waits on the customer, unless the customer wrote again since.
    if (conversation.getString('status') === 'open' && (epochMs(conversation, 'last_inbound_at') ?? 0) <= message.timestamp)
      conversation.set('status', 'pending');
  }
  app.save(conversation);
  app.save(
    newRecord(app, 'messages', {
      conversation: conversation.id,
      direction: 'out',
      sender: 'agent',
      author: owner,
      origin: 'business_app',
      type: message.type,
      text: message.text,
      payload: message.payload,
      wamid: message.wamid,
      status: 'sent',
      timestamp: at,
      sent_at: at,
      context_wamid: message.contextWamid ?? '',
      media_id: message.media?.id ?? '',
      media_mime: message.media?.mime ?? '',
      media_filename: message.media?.filename ?? '',
      // The owner's phone already has the file; the desk shows the echo's caption or description.
      media_status: 'none',
    }),
  );
  applyWaitingChanges(app, message.wamid);
  return 'echo-stored';
}
