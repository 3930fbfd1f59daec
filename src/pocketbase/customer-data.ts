import { respondError } from './api-errors';
import { writeAudit } from './audit';
import { base64Of } from './base64';
import { jsonField } from './records';
import { dropPendingDeliveriesOf } from './integration-events';
import { currentApp, staffRoute } from './route-kit';
import { eraseEntriesMentioning } from './webhook-inbox';

// Customer data requests (GDPR): an admin exports everything held about one customer, or erases it. Erasure keeps
// the conversations as anonymous shells so the metrics still count them.

const adminsOnly = { roles: ['admin'], refusal: { status: 403, reason: 'admin-only', message: 'Only admins handle customer data requests.' } } as const;

function contactOf(e: core.RequestEvent): core.Record | null {
  const contact = $app.findRecordsByFilter('contacts', 'id = {:id}', '', 1, 0, { id: e.request!.pathValue('id') } as dbx.Params)[0];
  if (!contact) respondError(e, 404, 'not-found', 'No such contact.');
  return contact ?? null;
}

const plain = (record: core.Record) => JSON.parse(JSON.stringify(record.publicExport()));

/** A message as exported: its fields plus, when it has a stored file, the file itself (base64) so the export is complete. */
function exportedMessage(files: filesystem.System, message: core.Record): Record<string, unknown> {
  const data = plain(message);
  const name = message.getString('media');
  if (!name) return data;
  const reader = files.getReader(`${message.baseFilesPath()}/${name}`);
  try {
    data.media_file = { name, mime: message.getString('media_mime'), base64: base64Of(toBytes(reader)) };
  } finally {
    reader.close();
  }
  return data;
}

/** GET /api/pocketdesk/contacts/{id}/export — the contact, conversations, messages (media files embedded) and notes, as one JSON file. */
export const exportCustomerData = staffRoute(adminsOnly, (e, { staff }) => {
  const admin = staff.record;
  const contact = contactOf(e);
  if (!contact) return;
  const conversations = $app
    .findRecordsByFilter('conversations', 'contact = {:id}', 'created', 0, 0, { id: contact.id } as dbx.Params)
    .flatMap((c) => (c ? [c] : []));
  const listOf = (collection: string, conversationId: string) =>
    $app.findRecordsByFilter(collection, 'conversation = {:c}', 'created', 0, 0, { c: conversationId } as dbx.Params).flatMap((r) => (r ? [r] : []));
  const files = $app.newFilesystem();
  let data: Record<string, unknown>;
  try {
    data = {
      exported_at: new Date().toISOString(),
      contact: plain(contact),
      conversations: conversations.map((conversation) => ({
        ...plain(conversation),
        messages: listOf('messages', conversation.id).map((message) => exportedMessage(files, message)),
        notes: listOf('notes', conversation.id).map(plain),
      })),
    };
  } finally {
    files.close();
  }
  writeAudit(currentApp(), {
    actorId: admin.id,
    actorKind: 'agent',
    action: 'export',
    collection: 'contacts',
    recordId: contact.id,
    summary: `${admin.getString('name')} exported the data of customer ${contact.getString('name') || contact.getString('profile_name') || contact.getString('wa_id')} (${conversations.length} conversations)`,
  });
  e.response.header().set('Content-Disposition', `attachment; filename="customer-${contact.id}.json"`);
  e.json(200, data);
});

/** POST /api/pocketdesk/contacts/{id}/erase — removes personal data and media; counts survive for the metrics. */
export const eraseCustomerData = staffRoute(adminsOnly, (e, { staff }) => {
  const admin = staff.record;
  const contact = contactOf(e);
  if (!contact) return;
  let erasedMessages = 0;
  const keys = [contact.getString('wa_id'), contact.getString('user_id')].filter((k) => k.length >= 6);
  // Deliveries still waiting in the inbox would bring the data back once applied. They live in another database
  // file, so they go first: if the erasure below failed, the admin retries it and nothing is half-kept.
  let erasedDeliveries = 0;
  for (const key of keys) erasedDeliveries += eraseEntriesMentioning(currentApp(), key);
  $app.runInTransaction((txApp) => {
    // Integration deliveries still waiting would send their data to receivers after the erasure.
    dropPendingDeliveriesOf(txApp, contact.id);
    const conversations = txApp.findRecordsByFilter('conversations', 'contact = {:id}', '', 0, 0, { id: contact.id } as dbx.Params);
    for (const conversation of conversations) {
      if (!conversation) continue;
      for (const message of txApp.findRecordsByFilter('messages', 'conversation = {:c}', '', 0, 0, { c: conversation.id } as dbx.Params)) {
        if (!message) continue;
        message.set('text', '');
        message.set('payload', {});
        message.set('reactions', {});
        message.set('media', null);
        message.set('media_filename', '');
        message.set('template_params', []);
        txApp.save(message);
        erasedMessages++;
      }
      for (const note of txApp.findRecordsByFilter('notes', 'conversation = {:c}', '', 0, 0, { c: conversation.id } as dbx.Params))
        if (note) txApp.delete(note);
      conversation.set('last_message_preview', '');
      conversation.set('bot_state', {});
      txApp.save(conversation);
    }
    // The raw webhooks kept for audit carry the customer's number and words too.
    for (const key of keys) {
      for (const event of txApp.findRecordsByFilter('webhook_events', 'raw ~ {:k}', '', 0, 0, { k: key } as dbx.Params)) {
        if (!event) continue;
        event.set('raw', '[erased on customer request]');
        txApp.save(event);
      }
    }
    const attributes = jsonField<Record<string, unknown>>(contact, 'attributes', {});
    for (const field of ['wa_id', 'user_id', 'parent_user_id', 'username', 'profile_name', 'language']) contact.set(field, '');
    contact.set('name', 'Erased customer');
    contact.set('labels', []);
    contact.set('attributes', { erased_at: new Date().toISOString(), had_attributes: Object.keys(attributes).length > 0 });
    txApp.save(contact);
    // The customer is not named: the entry outlives the erasure.
    writeAudit(txApp, {
      actorId: admin.id,
      actorKind: 'agent',
      action: 'erase',
      collection: 'contacts',
      recordId: contact.id,
      summary: `${admin.getString('name')} erased a customer's personal data (${erasedMessages} messages, ${erasedDeliveries} waiting deliveries)`,
    });
  });
  e.json(200, { ok: true, erasedMessages });
});
