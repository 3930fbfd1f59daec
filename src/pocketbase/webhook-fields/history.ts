import type { CustomerIdentity } from '../../lib/domain/inbound/customer-identity';
import type { NormalizedInbound } from '../../lib/domain/inbound/normalized-message';
import { upsertContact } from '../contacts';
import { immediateWriter } from '../effects';
import { readHistorySync, recordHistoryChunk, recordHistoryError } from '../../lib/domain/channels/channel-health';
import type { GraphError } from '../../lib/schemas/webhook';
import { epochMs, findOne, isoDate, jsonField, newRecord } from '../records';
import { healthErrorOf } from './health';

// `history` (Coexistence onboarding, issue #19): up to six months of the Business app's past chats, in chunks.
// Each message is stored with its original time and direction, in the customer's latest ticket on the number or in
// a resolved "history" ticket: no auto-reply, no routing, no push, no unread count, and the 24-hour window stays as
// it was (`last_inbound_at` is never touched). Progress (phases, chunks, start and end) and Meta's refusals show on
// the channel's health screen (`health.history`, src/lib/domain/channels/channel-health.ts).

export type HistoryOutcome = 'history-stored' | 'history-duplicate' | 'history-progress' | 'history-error';

export function applyHistoryMessage(
  app: core.App,
  channel: core.Record,
  customer: CustomerIdentity,
  fromBusiness: boolean,
  message: NormalizedInbound,
): HistoryOutcome {
  if (findOne(app, 'messages', 'wamid = {:w}', { w: message.wamid })) return 'history-duplicate';
  const contact = findOne(app, 'contacts', 'wa_id = {:v}', { v: customer.waId ?? '' }) ?? upsertContact(app, customer, null, immediateWriter(app));
  const at = isoDate(message.timestamp);
  const conversation =
    findOne(app, 'conversations', 'contact = {:c} && channel = {:ch}', { c: contact.id, ch: channel.id }, '-created') ??
    newRecord(app, 'conversations', {
      contact: contact.id,
      channel: channel.id,
      status: 'resolved',
      resolved_by: 'system',
      resolved_at: at,
      team: channel.getString('default_team'),
      priority: 0,
      unread_count: 0,
    });
  if ((epochMs(conversation, 'last_message_at') ?? 0) <= message.timestamp) {
    conversation.set('last_message_at', at);
    conversation.set('last_message_preview', message.text.slice(0, 120));
  }
  app.save(conversation);
  app.save(
    newRecord(app, 'messages', {
      conversation: conversation.id,
      direction: fromBusiness ? 'out' : 'in',
      sender: fromBusiness ? 'agent' : 'customer',
      author: fromBusiness ? channel.getString('coexistence_agent') : '',
      origin: 'history',
      type: message.type,
      text: message.text,
      payload: message.payload,
      wamid: message.wamid,
      status: fromBusiness ? 'sent' : 'received',
      timestamp: at,
      context_wamid: message.contextWamid ?? '',
      media_status: 'none',
    }),
  );
  return 'history-stored';
}

export function recordHistoryProgress(app: core.App, channel: core.Record, phase: number, chunk: number, progress: number, now: number): HistoryOutcome {
  const health = jsonField<Record<string, unknown>>(channel, 'health', {}) ?? {};
  health.history = recordHistoryChunk(readHistorySync(health.history), { phase, chunk, progress }, isoDate(now));
  channel.set('health', health);
  app.save(channel);
  return 'history-progress';
}

/** Meta sent an error instead of the history (the business declined to share it: 2593109). */
export function recordHistoryFailure(app: core.App, channel: core.Record, error: GraphError, now: number): HistoryOutcome {
  const health = jsonField<Record<string, unknown>>(channel, 'health', {}) ?? {};
  health.history = recordHistoryError(readHistorySync(health.history), healthErrorOf(error, isoDate(now)));
  channel.set('health', health);
  app.save(channel);
  return 'history-error';
}
