import { findOne, isoDate, jsonField } from '../records';

// `user_preferences` (issue #19): the customer stopped or resumed marketing messages on WhatsApp. Sets
// `contacts.marketing_opt_out`; marketing templates are then refused for them (outbound-replies.ts). Out of order,
// the newest choice wins (its time is kept in `attributes.marketing_preference_at`).

export type PreferenceOutcome = 'opted-out' | 'opted-in' | 'stale' | 'unknown-contact';

export function applyUserPreference(app: core.App, waId: string | null, userId: string | null, optOut: boolean, timestamp: number): PreferenceOutcome {
  const contact =
    (userId ? findOne(app, 'contacts', 'user_id = {:v}', { v: userId }) : null) ?? (waId ? findOne(app, 'contacts', 'wa_id = {:v}', { v: waId }) : null);
  if (!contact) return 'unknown-contact';
  const attributes = jsonField<Record<string, unknown>>(contact, 'attributes', {}) ?? {};
  const last = typeof attributes.marketing_preference_at === 'string' ? Date.parse(attributes.marketing_preference_at) : NaN;
  if (Number.isFinite(last) && last > timestamp) return 'stale';
  attributes.marketing_preference_at = isoDate(timestamp);
  contact.set('attributes', attributes);
  contact.set('marketing_opt_out', optOut);
  app.save(contact);
  return optOut ? 'opted-out' : 'opted-in';
}
