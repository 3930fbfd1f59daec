import type { CustomerIdentity } from '../../lib/domain/inbound/customer-identity';
import type { NormalizedInbound } from '../../lib/domain/inbound/normalized-message';
import type { CallSummary } from '../../lib/schemas/webhook-field-plan';
import { findOne, isoDate, newRecord } from '../records';
import { applyInboundMessage } from '../inbound/apply-inbound-message';

// `calls` (the Calling API, issue #19): each call is one `call` message in the customer's ticket (its wamid is the
// call id), updated as it connects and ends, with the outcome and duration in `payload.call`. A customer's call with
// no open ticket opens one exactly as a message does (routing, auto-replies, push: ingest-message.ts).

export type CallOutcome = 'call-stored' | 'call-updated' | 'call-duplicate' | 'call-no-ticket';

/** The line shown when the PWA cannot render the call itself (and in previews). */
export function callText(call: CallSummary): string {
  if (call.outcome === 'missed') return 'Missed call';
  if (call.outcome === 'ringing') return 'Call started';
  if (call.outcome === 'failed') return 'Call failed';
  const minutes = Math.floor(call.durationSeconds / 60);
  const seconds = String(call.durationSeconds % 60).padStart(2, '0');
  return `Call ended · ${minutes}:${seconds}`;
}

function asMessage(call: CallSummary): NormalizedInbound {
  return {
    wamid: call.id,
    type: 'call',
    text: callText(call),
    timestamp: call.timestamp,
    payload: { call },
    media: null,
    contextWamid: null,
    forwarded: false,
    frequentlyForwarded: false,
    reaction: null,
    system: null,
    error: null,
  };
}

export function applyCall(app: core.App, channel: core.Record, customer: CustomerIdentity, call: CallSummary, now: number): CallOutcome {
  const existing = findOne(app, 'messages', 'wamid = {:w}', { w: call.id });
  if (existing) {
    const stored = (JSON.parse(existing.getString('payload') || '{}') ?? {}).call as CallSummary | undefined;
    // `terminate` is final: a late or repeated `connect` changes nothing.
    if (stored?.event === 'terminate' || (stored?.event === call.event && stored?.outcome === call.outcome)) return 'call-duplicate';
    existing.set('payload', { call });
    existing.set('text', callText(call));
    app.save(existing);
    return 'call-updated';
  }
  const contact =
    (customer.userId ? findOne(app, 'contacts', 'user_id = {:v}', { v: customer.userId }) : null) ??
    (customer.waId ? findOne(app, 'contacts', 'wa_id = {:v}', { v: customer.waId }) : null);
  const active = contact
    ? findOne(app, 'conversations', "contact = {:c} && channel = {:ch} && status != 'resolved'", { c: contact.id, ch: channel.id }, '-created')
    : null;
  if (!active) {
    if (call.direction === 'out') return 'call-no-ticket';
    applyInboundMessage(app, channel, customer, asMessage(call), now);
    return 'call-stored';
  }
  app.save(
    newRecord(app, 'messages', {
      conversation: active.id,
      direction: call.direction,
      sender: call.direction === 'in' ? 'customer' : 'system',
      type: 'call',
      text: callText(call),
      payload: { call },
      wamid: call.id,
      status: call.direction === 'in' ? 'received' : 'sent',
      timestamp: isoDate(call.timestamp),
      media_status: 'none',
    }),
  );
  active.set('last_message_at', isoDate(Math.max(call.timestamp, Date.parse(active.getString('last_message_at').replace(' ', 'T')) || 0)));
  active.set('last_message_preview', callText(call));
  app.save(active);
  return 'call-stored';
}
