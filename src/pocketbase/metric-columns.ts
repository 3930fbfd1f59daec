// Each conversation carries the figures the dashboard aggregates, so the overview reads integers from an index
// instead of parsing dates and joining messages on every request (pb_migrations/1764004100_add_conversation_metric_columns.js
// adds them and fills them in for existing rows with this same UPDATE). They mirror the domain's definitions in
// src/lib/domain/metrics/conversation-summary.ts, and tests/integration/metrics.test.ts compares the two:
// - first_response_ms: first_response_at − the customer's first message (reactions aside), or -1 when there is no
//   first response or it came before the question (the desk wrote first);
// - resolution_ms: resolved_at − created, never below 0 (0 while unresolved: only resolved rows are read);
// - agent_replies: the conversation's messages sent by an agent (the timeline's "out-agent" events).

const elapsed = (to: string, from: string) => `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`;

const VALUES = {
  agent_replies: "(SELECT COUNT(*) FROM messages m WHERE m.conversation = conversations.id AND m.direction != 'in' AND m.sender = 'agent' AND m.type != 'reaction')",
  first_response_ms: `(CASE WHEN first_response_at = '' THEN -1 ELSE COALESCE((
    SELECT CASE WHEN conversations.first_response_at >= m.created THEN ${elapsed('conversations.first_response_at', 'm.created')} ELSE -1 END
    FROM messages m WHERE m.conversation = conversations.id AND m.direction = 'in' AND m.type != 'reaction' ORDER BY m.created LIMIT 1
  ), -1) END)`,
  resolution_ms: `(CASE WHEN resolved_at = '' THEN 0 ELSE MAX(0, ${elapsed('resolved_at', 'created')}) END)`,
};

// Most saves change nothing here (a customer's second message, a status receipt): the WHERE skips the write, and
// with it the six metric indexes that carry these columns.
const REFRESH_SQL = `UPDATE conversations SET ${Object.entries(VALUES).map(([column, value]) => `${column} = ${value}`).join(', ')}
WHERE id = {:id} AND (${Object.entries(VALUES).map(([column, value]) => `${column} != ${value}`).join(' OR ')})`;

/** Recomputes one conversation's metric columns from its row and its messages. */
export function refreshMetricColumns(app: core.App, conversationId: string): void {
  if (conversationId) app.db().newQuery(REFRESH_SQL).bind({ id: conversationId } as dbx.Params).execute();
}

/**
 * Saves the record, then refreshes the columns through the same app: inside the caller's transaction when there is
 * one (webhook apply, replies, sweeps, erasure). Not a transaction of its own: wrapping the save in one defers the
 * record's after-save hooks to its commit, and resolving then stopped handing out the backlog and asking for a
 * rating (tests/integration/routing.test.ts, service-automation.test.ts).
 */
function saveAndRefresh(e: core.RecordEvent, conversationId: () => string): void {
  e.next();
  refreshMetricColumns(e.app, conversationId());
}

const changed = (record: core.Record, fields: readonly string[]) => {
  const original = record.original();
  return fields.some((field) => record.getString(field) !== original.getString(field));
};

// Only what the figures read: the many saves that touch neither (unread counts, previews, statuses) skip the UPDATE.
const CONVERSATION_FIELDS = ['created', 'first_response_at', 'resolved_at'];
const MESSAGE_FIELDS = ['conversation', 'direction', 'sender', 'type', 'created'];

/** onRecordCreate/onRecordUpdate on conversations. */
export function keepConversationMetrics(e: core.RecordEvent): void {
  const record = e.record!;
  if (!record.isNew() && !changed(record, CONVERSATION_FIELDS)) {
    e.next();
    return;
  }
  // A new ticket has no response yet: saved as such, the refresh after it usually has nothing to write.
  if (record.isNew() && !record.getString('first_response_at')) record.set('first_response_ms', -1);
  saveAndRefresh(e, () => record.id);
}

/** onRecordCreate/onRecordUpdate/onRecordDelete on messages: the conversation's first message and replies may change. */
export function keepMessageMetrics(e: core.RecordEvent): void {
  const record = e.record!;
  // A message moved to another conversation (never done today) would leave the old one stale: refresh both.
  const before = record.isNew() ? '' : record.original().getString('conversation');
  if (!record.isNew() && e.type !== 'delete' && !changed(record, MESSAGE_FIELDS)) {
    e.next();
    return;
  }
  saveAndRefresh(e, () => {
    if (before && before !== record.getString('conversation')) refreshMetricColumns(e.app, before);
    return record.getString('conversation');
  });
}
