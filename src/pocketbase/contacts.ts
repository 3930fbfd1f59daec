import type { CustomerIdentity } from '../lib/domain/inbound/customer-identity';
import { findOne, newRecord } from './records';

/**
 * Finds the customer by Meta's business-scoped user id, else by phone, and merges what the webhook adds.
 * Username users (2026) have no phone, so a contact may carry only `user_id`.
 */
export function upsertContact(app: core.App, customer: CustomerIdentity, now: string): core.Record {
  const byUserId = customer.userId ? findOne(app, 'contacts', 'user_id = {:v}', { v: customer.userId }) : null;
  const byPhone = customer.waId ? findOne(app, 'contacts', 'wa_id = {:v}', { v: customer.waId }) : null;
  const contact = byUserId ?? byPhone;
  if (!contact) {
    const created = newRecord(app, 'contacts', {
      user_id: customer.userId ?? '',
      wa_id: customer.waId ?? '',
      parent_user_id: customer.parentUserId ?? '',
      username: customer.username ?? '',
      name: customer.name ?? customer.username ?? customer.waId ?? '',
      profile_name: customer.name ?? '',
      last_inbound_at: now,
    });
    app.save(created);
    return created;
  }
  if (customer.userId && !contact.getString('user_id')) contact.set('user_id', customer.userId);
  // The phone is mergeable, but never steals a number another contact already holds.
  if (customer.waId && contact.getString('wa_id') !== customer.waId && (!byPhone || byPhone.id === contact.id)) contact.set('wa_id', customer.waId);
  if (customer.name && contact.getString('profile_name') !== customer.name) {
    if (!contact.getString('name') || contact.getString('name') === contact.getString('profile_name')) contact.set('name', customer.name);
    contact.set('profile_name', customer.name);
  }
  if (customer.username) contact.set('username', customer.username);
  contact.set('last_inbound_at', now);
  app.save(contact);
  return contact;
}

/** Applies a `system` webhook (number or id change) to the existing contact instead of creating a new one. */
export function applySystemChange(app: core.App, contact: core.Record, change: { kind: string; newWaId: string | null; newUserId: string | null }, at: string): void {
  if (change.kind === 'user_changed_number' && change.newWaId) {
    const clash = findOne(app, 'contacts', 'wa_id = {:v} && id != {:id}', { v: change.newWaId, id: contact.id });
    if (!clash) contact.set('wa_id', change.newWaId);
  }
  if (change.kind === 'user_changed_user_id' && change.newUserId) {
    const clash = findOne(app, 'contacts', 'user_id = {:v} && id != {:id}', { v: change.newUserId, id: contact.id });
    if (!clash) contact.set('user_id', change.newUserId);
  }
  const attributes = JSON.parse(contact.getString('attributes') || '{}') ?? {};
  attributes.last_system_event = { kind: change.kind, at };
  contact.set('attributes', attributes);
  app.save(contact);
}
