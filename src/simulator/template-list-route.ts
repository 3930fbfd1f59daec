import type { SimulatorTemplate } from '../lib/schemas/simulator';
import { describeUnknownObject, replyWithGraphError } from './graph-errors';
import { json, type Reply } from './http-io';
import type { SimulatorContext } from './simulator-context';

// GET /{version}/{waba-id}/message_templates: the account's templates in Meta's shape, a page at a time (the
// smaller of `limit` and the `template_page_size` knob), with Meta's `paging.cursors` and `next` while more remain.

const DEFAULT_FIELDS = ['name', 'language', 'status', 'category', 'components', 'id'];

/** Meta's components for a registry template: header, body, footer and quick-reply buttons. */
function componentsOf(template: SimulatorTemplate): unknown[] {
  const components: unknown[] = [];
  if (template.header) components.push({ type: 'HEADER', format: 'TEXT', text: template.header });
  if (template.body) components.push({ type: 'BODY', text: template.body });
  if (template.footer) components.push({ type: 'FOOTER', text: template.footer });
  if (template.quickReplies?.length) components.push({ type: 'BUTTONS', buttons: template.quickReplies.map((text) => ({ type: 'QUICK_REPLY', text })) });
  return components;
}

/** Meta's template object; its id is stable for the registry's order (Meta's ids are numeric strings). */
function templateObject(template: SimulatorTemplate, index: number): Record<string, unknown> {
  const status = template.status ?? 'APPROVED';
  return {
    id: String(880000000000000 + index),
    name: template.name,
    language: template.language,
    status,
    category: template.category.toUpperCase(),
    parameter_format: template.parameterFormat.toUpperCase(),
    components: componentsOf(template),
    quality_score: { score: status === 'APPROVED' ? 'GREEN' : 'UNKNOWN' },
    rejected_reason: template.rejectedReason ?? 'NONE',
  };
}

const cursorOf = (offset: number): string => Buffer.from(`offset:${offset}`).toString('base64url');
function offsetOf(cursor: string | null): number | null {
  if (cursor === null) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}

export function handleTemplateList(context: SimulatorContext, wabaId: string, path: string, query: URLSearchParams): Reply {
  if (!context.config.channels.some((channel) => channel.wabaId === wabaId)) return replyWithGraphError(context.ids, 100, describeUnknownObject(wabaId, 'GET'));
  const offset = offsetOf(query.get('after'));
  if (offset === null) return replyWithGraphError(context.ids, 100, 'Invalid parameter: after is not a valid cursor');
  const limit = Math.max(1, Math.min(Number(query.get('limit')) || 25, context.knobs.template_page_size));
  const fields = (query.get('fields') ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const wanted = new Set([...(fields.length ? fields : DEFAULT_FIELDS), 'id']);
  const all = context.config.templates;
  const data = all.slice(offset, offset + limit).map((template, i) => {
    const full = templateObject(template, offset + i);
    return Object.fromEntries(Object.entries(full).filter(([key]) => wanted.has(key)));
  });
  const end = offset + data.length;
  const paging: Record<string, unknown> = { cursors: { before: cursorOf(offset), after: cursorOf(end) } };
  if (end < all.length) {
    const next = new URLSearchParams(query);
    next.set('after', cursorOf(end));
    next.set('limit', String(limit));
    paging.next = `${context.baseUrl}${path}?${next.toString()}`;
  }
  return json(200, { data, paging });
}
