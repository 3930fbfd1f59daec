// Builds the `whatsapp_business_account` envelope around message, status and error updates.
// Key order follows Meta's payloads (value before field, messaging_product first) so captured bodies look real.

export interface Channel {
  phoneNumberId: string;
  displayPhoneNumber: string;
  wabaId: string;
}

export type ChangeKind = 'messages' | 'statuses' | 'errors';

/** One update (or several of the same kind) for one business line. */
export interface WebhookChange {
  channel: Channel;
  kind: ChangeKind;
  contacts: Record<string, unknown>[];
  items: Record<string, unknown>[];
}

function contactKey(contact: Record<string, unknown>): string {
  return String(contact['user_id'] ?? contact['wa_id'] ?? JSON.stringify(contact));
}

/** Folds changes of the same line and kind together: that is how Meta batches several statuses into one value. */
export function mergeChanges(changes: readonly WebhookChange[]): WebhookChange[] {
  const merged = new Map<string, WebhookChange>();
  for (const change of changes) {
    const key = `${change.channel.phoneNumberId}|${change.kind}`;
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { ...change, contacts: [...change.contacts], items: [...change.items] });
      continue;
    }
    const known = new Set(existing.contacts.map(contactKey));
    existing.contacts.push(...change.contacts.filter((contact) => !known.has(contactKey(contact))));
    existing.items.push(...change.items);
  }
  return [...merged.values()];
}

function buildValue(change: WebhookChange): Record<string, unknown> {
  return {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: change.channel.displayPhoneNumber, phone_number_id: change.channel.phoneNumberId },
    ...(change.contacts.length > 0 ? { contacts: change.contacts } : {}),
    [change.kind]: change.items,
  };
}

/** The POST body: one entry per WABA, one change per business line and kind. */
export function buildEnvelope(changes: readonly WebhookChange[]): Record<string, unknown> {
  const entries = new Map<string, Record<string, unknown>[]>();
  for (const change of mergeChanges(changes)) {
    const list = entries.get(change.channel.wabaId) ?? [];
    list.push({ value: buildValue(change), field: 'messages' });
    entries.set(change.channel.wabaId, list);
  }
  return {
    object: 'whatsapp_business_account',
    entry: [...entries].map(([id, entryChanges]) => ({ id, changes: entryChanges })),
  };
}
