// The audit screen's filters as a PocketBase filter expression with bound parameters (never spliced text).

/** The actions the server writes: record changes, customer-data requests and assignment triggers. */
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'export', 'erase', 'claim', 'assign', 'unassign', 'handover', 'escalate', 'backlog-sweep'] as const;
export const AUDIT_PAGE_SIZE = 25;

/** `actor`: '' anyone, 'system', 'superuser' or an agent id. Days are date inputs' `YYYY-MM-DD`, both included. */
export interface AuditFilters {
  actor: string;
  action: string;
  from: string;
  to: string;
  conversation: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { actor: '', action: '', from: '', to: '', conversation: '' };

export type AuditQuery = { ok: true; expression: string; params: Record<string, unknown> } | { ok: false; reason: 'invalid-conversation' | 'invalid-date' };

const RECORD_ID = /^[a-z0-9]{15}$/;

function localDay(text: string, addDays: number): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(day.getTime()) ? null : day;
}

/** The filter for `filters`; an empty expression lists everything. */
export function auditQuery(filters: AuditFilters): AuditQuery {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (filters.actor === 'system' || filters.actor === 'superuser') {
    parts.push('actor_kind = {:kind}');
    params.kind = filters.actor;
  } else if (filters.actor) {
    parts.push('actor = {:actor}');
    params.actor = filters.actor;
  }
  if (filters.action) {
    parts.push('action = {:action}');
    params.action = filters.action;
  }
  for (const [key, text, operator, addDays] of [
    ['from', filters.from, '>=', 0],
    ['to', filters.to, '<', 1],
  ] as const) {
    if (!text) continue;
    const day = localDay(text, addDays);
    if (!day) return { ok: false, reason: 'invalid-date' };
    parts.push(`created ${operator} {:${key}}`);
    params[key] = day;
  }
  const conversation = filters.conversation.trim();
  if (conversation) {
    if (!RECORD_ID.test(conversation)) return { ok: false, reason: 'invalid-conversation' };
    parts.push('collection_name = "conversations" && record_id = {:conversation}');
    params.conversation = conversation;
  }
  return { ok: true, expression: parts.join(' && '), params };
}
