import type { CustomerIdentity } from '../../lib/domain/inbound/customer-identity';
import type { NormalizedInbound } from '../../lib/domain/inbound/normalized-message';
import { applyInboundMessage } from '../inbound/apply-inbound-message';
import { upsertContact } from '../contacts';
import { immediateWriter } from '../effects';
import { findOne, isoDate, jsonField } from '../records';
import { applyMessageChange, applyWaitingChanges } from './message-changes';

// A customer's message (issue #19 hook): an edit or delete updates the message it names instead of becoming a new
// one; any other message is ingested as before, then the edits/deletes that arrived before it are applied.

export function applyCustomerMessage(
  app: core.App,
  channel: core.Record,
  customer: CustomerIdentity,
  message: NormalizedInbound,
  now: number,
): { outcome: string; effects: Record<string, number> } {
  if (message.change) {
    const contact =
      (customer.userId ? findOne(app, 'contacts', 'user_id = {:v}', { v: customer.userId }) : null) ??
      (customer.waId ? findOne(app, 'contacts', 'wa_id = {:v}', { v: customer.waId }) : null);
    const latest = contact ? findOne(app, 'conversations', 'contact = {:c} && channel = {:ch}', { c: contact.id, ch: channel.id }, '-created') : null;
    return { outcome: applyMessageChange(app, message, latest?.id ?? null), effects: {} };
  }
  if (message.referral) rememberReferral(app, customer, message);
  const result = applyInboundMessage(app, channel, customer, message, now);
  if (result.outcome !== 'duplicate') applyWaitingChanges(app, message.wamid);
  return result;
}

/**
 * The ad or product a customer came from, on the contact's attributes before routing runs: routing rules match them
 * like any attribute (`ad_id`, `ad_source`, `ad_headline`, `product_id`), e.g. `ad_id equals 1202 → Sales`.
 */
function rememberReferral(app: core.App, customer: CustomerIdentity, message: NormalizedInbound): void {
  const referral = message.referral!;
  const contact = upsertContact(app, customer, message.timestamp, immediateWriter(app));
  const attributes = jsonField<Record<string, unknown>>(contact, 'attributes', {}) ?? {};
  if (referral.sourceId || referral.sourceType) {
    attributes.ad_id = referral.sourceId;
    attributes.ad_source = referral.sourceType;
    attributes.ad_headline = referral.headline;
  }
  if (referral.product) attributes.product_id = referral.product.productRetailerId;
  contact.set('attributes', attributes);
  app.save(contact);
}
