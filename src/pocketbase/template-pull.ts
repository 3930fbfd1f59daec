import { reasonOfGraphError, type ConnectionReason } from '../lib/domain/channels/graph-connection';
import { planTemplatePull, type StoredTemplate } from '../lib/domain/templates/template-pull';
import { TEMPLATE_PULL_FIELDS, templatePageOf, type PulledTemplate } from '../lib/schemas/graph-templates';
import { openToken } from './channel-connection';
import { readConfig } from './config';
import { isoDate, jsonField } from './records';
import { currentApp, recordOfPath, staffRoute } from './route-kit';

// "Get templates from Meta" (issue #19, admins): the channel's WhatsApp Business Account's templates, page by page
// from GET /{waba-id}/message_templates, upserted into `templates` for that channel in one transaction.

const PAGE_LIMIT = 100;
// A runaway cursor must not hold the request forever: 50 pages of 100 is far beyond Meta's per-account cap.
const MAX_PAGES = 50;
const TIMEOUT_S = 15;
const PULLED_FIELDS = ['meta_id', 'category', 'parameter_format', 'components', 'status', 'meta_status', 'status_reason', 'quality'] as const;

export type TemplatePullResult =
  | { ok: true; reason: 'pulled'; total: number; created: number; updated: number; unchanged: number; removed: number; skipped: number }
  | { ok: false; reason: Exclude<ConnectionReason, 'connected'>; code: number | null; subcode: number | null; metaMessage: string };

type Fetched = { ok: true; templates: PulledTemplate[]; skipped: number } | Extract<TemplatePullResult, { ok: false }>;

function failure(
  reason: Exclude<ConnectionReason, 'connected'>,
  code: number | null = null,
  subcode: number | null = null,
  metaMessage = '',
): Extract<TemplatePullResult, { ok: false }> {
  return { ok: false, reason, code, subcode, metaMessage };
}

function fetchTemplates(wabaId: string, token: string): Fetched {
  const config = readConfig();
  const base = `${config.graphUrl}/${config.graphVersion}/${encodeURIComponent(wabaId)}/message_templates?fields=${TEMPLATE_PULL_FIELDS}&limit=${PAGE_LIMIT}`;
  const templates: PulledTemplate[] = [];
  let skipped = 0;
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    // The next page is asked of the configured Graph host with Meta's cursor, never of whatever host `paging.next`
    // names: the token goes only where the admin configured it to.
    const url = after === null ? base : `${base}&after=${encodeURIComponent(after)}`;
    let status = 0;
    let body: unknown = null;
    try {
      const answer = $http.send({ url, method: 'GET', headers: { Authorization: `Bearer ${token}` }, timeout: TIMEOUT_S });
      status = answer.statusCode;
      body = JSON.parse(toString(answer.body));
    } catch {
      if (status === 0) return failure('unreachable');
    }
    const read = status >= 200 && status < 300 ? templatePageOf(body) : null;
    if (!read) {
      const error = (typeof body === 'object' && body !== null ? (body as { error?: Record<string, unknown> }).error : undefined) ?? {};
      const code = typeof error.code === 'number' ? error.code : null;
      const subcode = typeof error.error_subcode === 'number' ? error.error_subcode : null;
      return failure(reasonOfGraphError(code, subcode, status), code, subcode, typeof error.message === 'string' ? error.message.slice(0, 500) : '');
    }
    templates.push(...read.templates);
    skipped += read.skipped;
    if (read.after === null) return { ok: true, templates, skipped };
    after = read.after;
  }
  return { ok: true, templates, skipped };
}

function storedOf(row: core.Record): StoredTemplate {
  const fields: Record<string, unknown> = { name: row.getString('name'), language: row.getString('language') };
  for (const field of PULLED_FIELDS) fields[field] = field === 'components' ? jsonField<unknown>(row, field, []) : row.getString(field);
  return { id: row.id, name: row.getString('name'), language: row.getString('language'), fields, removed: row.getString('removed_at') !== '' };
}

/** Pulls the channel's account's templates and applies them; Meta's refusal comes back as a reason, nothing written. */
export function pullTemplates(app: core.App, channel: core.Record): TemplatePullResult {
  const token = openToken(channel);
  if (token === null) return failure('no-token');
  const fetched = fetchTemplates(channel.getString('waba_id'), token);
  if (!fetched.ok) return fetched;
  let counts = { created: 0, updated: 0, removed: 0, unchanged: 0 };
  app.runInTransaction((tx) => {
    const rows = tx.findRecordsByFilter('templates', 'channel = {:c}', '', 0, 0, { c: channel.id } as dbx.Params).filter((r): r is core.Record => r !== null);
    const plan = planTemplatePull(rows.map(storedOf), fetched.templates);
    const collection = tx.findCollectionByNameOrId('templates');
    for (const fields of plan.create) {
      const row = new Record(collection);
      for (const [field, value] of Object.entries(fields)) row.set(field, value);
      row.set('channel', channel.id);
      tx.save(row);
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const { id, fields } of plan.update) {
      const row = byId.get(id)!;
      for (const [field, value] of Object.entries(fields)) row.set(field, value);
      row.set('removed_at', '');
      tx.save(row);
    }
    const now = isoDate(Date.now());
    for (const id of plan.remove) {
      const row = byId.get(id)!;
      // Gone from Meta: it cannot be sent any more, but the messages that used it still name it.
      row.set('removed_at', now);
      row.set('status', 'disabled');
      row.set('meta_status', 'DELETED');
      tx.save(row);
    }
    counts = { created: plan.create.length, updated: plan.update.length, removed: plan.remove.length, unchanged: plan.unchanged };
  });
  return { ok: true, reason: 'pulled', total: fetched.templates.length, skipped: fetched.skipped, ...counts };
}

/** POST /api/pocketdesk/channels/{id}/pull-templates — "Get templates from Meta" on the templates screen. */
export const handlePullTemplates = staffRoute({ roles: ['admin'] }, (e) => {
  const channel = recordOfPath(e, 'channels', 'number');
  if (!channel) return;
  e.json(200, pullTemplates(currentApp(), channel));
});
