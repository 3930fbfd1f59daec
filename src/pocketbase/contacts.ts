import type { CustomerIdentity } from '../lib/domain/inbound/customer-identity';
import { newRecordWithId } from './inbound/context';
import type { Writer } from './effects';
import { CONTACT_FILTERS, readContact, writeContact } from './records/contact';
import { findOne } from './records';

/**
 * Finds the customer by Meta's business-scoped user id, else by phone, and merges what the webhook adds.
 * Username users (2026) have no phone, so a contact may carry only `user_id`. The row goes to `writer`.
 */
/** `at`: when the customer last wrote; null for what the business sent (an echo, imported history). */
export function upsertContact(app: core.App, customer: CustomerIdentity, at: number | null, writer: Writer): core.Record {
  const byUserId = customer.userId ? findOne(app, 'contacts', CONTACT_FILTERS.byUserId, { v: customer.userId }) : null;
  const byPhone = customer.waId ? findOne(app, 'contacts', CONTACT_FILTERS.byWaId, { v: customer.waId }) : null;
  const record = byUserId ?? byPhone;
  if (!record) {
    const created = newRecordWithId(app, 'contacts', {});
    writeContact(created, {
      userId: customer.userId ?? '',
      waId: customer.waId ?? '',
      parentUserId: customer.parentUserId ?? '',
      username: customer.username ?? '',
      name: customer.name ?? customer.username ?? customer.waId ?? '',
      profileName: customer.name ?? '',
      lastInboundAt: at,
    });
    writer.save(created);
    return created;
  }
  const contact = readContact(record);
  if (customer.userId && !contact.userId) writeContact(record, { userId: customer.userId });
  // The phone is mergeable, but never steals a number another contact already holds.
  if (customer.waId && contact.waId !== customer.waId && (!byPhone || byPhone.id === record.id)) writeContact(record, { waId: customer.waId });
  if (customer.name && contact.profileName !== customer.name) {
    if (!contact.name || contact.name === contact.profileName) writeContact(record, { name: customer.name });
    writeContact(record, { profileName: customer.name });
  }
  if (customer.username) writeContact(record, { username: customer.username });
  writeContact(record, { lastInboundAt: at });
  writer.save(record);
  return record;
}

/** Applies a `system` webhook (number or id change) to the existing contact instead of creating a new one. */
export function applySystemChange(
  app: core.App,
  record: core.Record,
  change: { kind: string; newWaId: string | null; newUserId: string | null },
  at: string,
  writer: Writer,
): void {
  if (change.kind === 'user_changed_number' && change.newWaId) {
    const clash = findOne(app, 'contacts', CONTACT_FILTERS.otherWithWaId, { v: change.newWaId, id: record.id });
    if (!clash) writeContact(record, { waId: change.newWaId });
  }
  if (change.kind === 'user_changed_user_id' && change.newUserId) {
    const clash = findOne(app, 'contacts', CONTACT_FILTERS.otherWithUserId, { v: change.newUserId, id: record.id });
    if (!clash) writeContact(record, { userId: change.newUserId });
  }
  const attributes = { ...readContact(record).attributes, last_system_event: { kind: change.kind, at } };
  writeContact(record, { attributes });
  writer.save(record);
}
