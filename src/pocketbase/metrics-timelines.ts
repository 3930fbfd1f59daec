import type { ConversationTimeline, TimelineEvent } from '../lib/domain/metrics/conversation-timeline';
import { isoDate } from './records';

// Reads the compact timelines the metrics need with three SQL queries (conversations, messages, assignments),
// instead of loading records: the dashboard must stay fast on a large history.

export interface TimelineScope {
  from: number;
  to: number;
  channelId?: string;
  /** Only these teams (a manager's); undefined means every team. */
  teamIds?: string[];
  /** Only tickets not resolved now (the SLA sweep's scope). */
  openOnly?: boolean;
}

const ms = (value: unknown): number | null => {
  const text = String(value ?? '');
  if (!text) return null;
  const parsed = Date.parse(text.replace(' ', 'T'));
  return Number.isNaN(parsed) ? null : parsed;
};

/** WHERE clause shared by the three queries: conversations alive at some point in [from, to). */
function scopeSql(scope: TimelineScope, params: Record<string, unknown>): string {
  params.from = isoDate(scope.from);
  params.to = isoDate(scope.to);
  const parts = ['c.created < {:to}', "(c.resolved_at = '' OR c.resolved_at IS NULL OR c.resolved_at >= {:from})"];
  if (scope.openOnly) parts.push("c.status IN ('open', 'pending')");
  if (scope.channelId) {
    params.channel = scope.channelId;
    parts.push('c.channel = {:channel}');
  }
  if (scope.teamIds) {
    const names = scope.teamIds.map((id, i) => {
      params[`team${i}`] = id;
      return `{:team${i}}`;
    });
    parts.push(names.length ? `c.team IN (${names.join(', ')})` : '0');
  }
  return parts.join(' AND ');
}

function rowsOf(app: core.App, sql: string, params: Record<string, unknown>, shape: Record<string, unknown>): Array<Record<string, unknown>> {
  const rows = arrayOf(new DynamicModel(shape));
  app
    .db()
    .newQuery(sql)
    .bind(params as dbx.Params)
    .all(rows);
  return rows as unknown as Array<Record<string, unknown>>;
}

export function loadTimelines(app: core.App, scope: TimelineScope): ConversationTimeline[] {
  const params: Record<string, unknown> = {};
  const where = scopeSql(scope, params);
  const conversations = rowsOf(
    app,
    `SELECT c.id, c.channel, c.team, c.assignee, c.created, c.first_response_at, c.resolved_at, c.resolved_by, c.reopen_count, c.handover_count, c.csat_rating, c.acknowledged_at FROM conversations c WHERE ${where}`,
    params,
    {
      id: '',
      channel: '',
      team: '',
      assignee: '',
      created: '',
      first_response_at: '',
      resolved_at: '',
      resolved_by: '',
      reopen_count: 0,
      handover_count: 0,
      csat_rating: 0,
      acknowledged_at: '',
    },
  );
  const events = new Map<string, TimelineEvent[]>();
  const push = (id: string, event: TimelineEvent) => {
    const list = events.get(id);
    if (list) list.push(event);
    else events.set(id, [event]);
  };
  const messages = rowsOf(
    app,
    `SELECT m.conversation, m.direction, m.sender, m.author, m.created FROM messages m JOIN conversations c ON c.id = m.conversation WHERE ${where} AND m.type != 'reaction' ORDER BY m.created`,
    params,
    { conversation: '', direction: '', sender: '', author: '', created: '' },
  );
  for (const m of messages) {
    const kind = m.direction === 'in' ? 'in' : m.sender === 'agent' ? 'out-agent' : 'out-bot';
    push(String(m.conversation), { at: ms(m.created) ?? 0, kind, agentId: String(m.author) || null });
  }
  // An offer is not an assignment: the agent owns the conversation from the accept (its own row) on.
  const assignments = rowsOf(
    app,
    `SELECT r.conversation, r.agent, r.created FROM routing_events r JOIN conversations c ON c.id = r.conversation WHERE ${where} AND r.agent != '' AND r.outcome != 'offered' ORDER BY r.created`,
    params,
    { conversation: '', agent: '', created: '' },
  );
  for (const a of assignments) push(String(a.conversation), { at: ms(a.created) ?? 0, kind: 'assigned', agentId: String(a.agent) });
  return conversations.map((c) => {
    const list = (events.get(String(c.id)) ?? []).sort((a, b) => a.at - b.at);
    const resolvedAt = ms(c.resolved_at);
    if (resolvedAt !== null) list.push({ at: resolvedAt, kind: 'resolved' });
    const rating = Number(c.csat_rating);
    return {
      id: String(c.id),
      channelId: String(c.channel),
      teamId: String(c.team) || null,
      assigneeId: String(c.assignee) || null,
      createdAt: ms(c.created) ?? 0,
      firstInboundAt: list.find((event) => event.kind === 'in')?.at ?? null,
      firstResponseAt: ms(c.first_response_at),
      resolvedAt,
      resolvedBy: (String(c.resolved_by) || null) as ConversationTimeline['resolvedBy'],
      reopenCount: Number(c.reopen_count) || 0,
      handoverCount: Number(c.handover_count) || 0,
      events: list,
      csat: rating >= 1 && rating <= 5 ? rating : null,
      acknowledged: String(c.acknowledged_at ?? '') !== '',
    };
  });
}
