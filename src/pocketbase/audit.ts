import { newRecord } from './records';

// The audit trail: every change made through the API to configuration, people and tickets, plus the system's own
// decisions (assignments). Secrets never enter it.

const SECRET_FIELDS = new Set(['password', 'passwordConfirm', 'tokenKey', 'access_token', 'verify_token', 'p256dh', 'auth']);
const NOISY_FIELDS = new Set(['updated', 'created', 'last_seen', 'unread_count', 'claimed_until', 'claimed_by']);

export interface AuditEntry {
  actorId: string | null;
  actorKind: 'agent' | 'superuser' | 'system';
  action: string;
  collection: string;
  recordId: string;
  summary: string;
  changes?: Record<string, { from: unknown; to: unknown }>;
}

export function writeAudit(app: core.App, entry: AuditEntry): void {
  app.save(
    newRecord(app, 'audit_log', {
      actor: entry.actorId ?? '',
      actor_kind: entry.actorKind,
      action: entry.action,
      collection_name: entry.collection,
      record_id: entry.recordId,
      summary: entry.summary.slice(0, 500),
      changes: entry.changes ?? {},
    }),
  );
}

function fieldChanges(record: core.Record, original: core.Record | null): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of record.collection().fields) {
    const name = field.getName();
    if (NOISY_FIELDS.has(name) || field.getHidden()) continue;
    const to = record.get(name);
    const from = original ? original.get(name) : null;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[name] = SECRET_FIELDS.has(name) ? { from: '•••', to: '•••' } : { from, to };
  }
  return changes;
}

function actorOf(e: core.RecordRequestEvent): Pick<AuditEntry, 'actorId' | 'actorKind'> {
  if (e.hasSuperuserAuth()) return { actorId: null, actorKind: 'superuser' };
  return e.auth ? { actorId: e.auth.id, actorKind: 'agent' } : { actorId: null, actorKind: 'system' };
}

/** Wraps a create/update/delete request: lets it through, then records who changed what. */
export function auditRecordRequest(e: core.RecordRequestEvent, action: 'create' | 'update' | 'delete'): void {
  const record = e.record!;
  const original = action === 'update' ? record.original() : null;
  const changes = action === 'delete' ? {} : fieldChanges(record, original);
  e.next();
  const collection = record.collection().name;
  if (action === 'update' && Object.keys(changes).length === 0) return;
  // Messages are audited only for template sends: replies themselves are the conversation, not the audit.
  if (collection === 'messages' && record.getString('type') !== 'template') return;
  const label =
    record.getString('name') ||
    record.getString('business_name') ||
    record.getString('title') ||
    record.getString('shortcut') ||
    customerNameOf(e.app, record) ||
    record.id;
  const actor = actorOf(e);
  const who = actor.actorKind === 'agent' ? e.auth!.getString('name') : actor.actorKind;
  writeAudit(e.app, { ...actor, action, collection, recordId: record.id, summary: `${who}: ${action} ${collection} ${label}`, changes });
}

/** Whose conversation a record belongs to, so an entry reads "conversation with Paula", not a record id. */
function customerNameOf(app: core.App, record: core.Record): string {
  const collection = record.collection().name;
  const conversationId = collection === 'conversations' ? record.id : record.getString('conversation');
  if (!conversationId) return '';
  const conversation = app.findRecordsByFilter('conversations', 'id = {:id}', '', 1, 0, { id: conversationId } as dbx.Params)[0];
  const contact = conversation && app.findRecordsByFilter('contacts', 'id = {:id}', '', 1, 0, { id: conversation.getString('contact') } as dbx.Params)[0];
  const name = contact ? contact.getString('name') || contact.getString('profile_name') : '';
  return name ? `with ${name}` : '';
}

export const auditCreate = (e: core.RecordRequestEvent) => auditRecordRequest(e, 'create');
export const auditUpdate = (e: core.RecordRequestEvent) => auditRecordRequest(e, 'update');
export const auditDelete = (e: core.RecordRequestEvent) => auditRecordRequest(e, 'delete');
