import { findOne, newRecord } from '../records';

// `smb_app_state_sync` (Coexistence, issue #19): the Business app's address book. `add` creates the contact (or names
// an unnamed one), `edit` renames it, `remove` clears the name the app gave it. The desk never deletes a customer
// because the phone forgot them: their tickets stay.

export type AppContactOutcome = 'contact-added' | 'contact-renamed' | 'contact-removed' | 'unchanged';

export function applyAppContact(app: core.App, action: 'add' | 'edit' | 'remove', waId: string, name: string): AppContactOutcome {
  const contact = findOne(app, 'contacts', 'wa_id = {:v}', { v: waId });
  if (action === 'remove') {
    if (!contact || contact.getString('name') === contact.getString('profile_name')) return 'unchanged';
    contact.set('name', contact.getString('profile_name') || waId);
    app.save(contact);
    return 'contact-removed';
  }
  if (!contact) {
    app.save(newRecord(app, 'contacts', { wa_id: waId, name: name || waId }));
    return 'contact-added';
  }
  if (!name || contact.getString('name') === name) return 'unchanged';
  contact.set('name', name);
  app.save(contact);
  return 'contact-renamed';
}
