/// <reference path="../.pocketbase/types.d.ts" />
// The conversation's stored dashboard figures (first_response_ms, resolution_ms, agent_replies; fields and indexes
// in 1764000000_create_collections.js) are kept by SQLite triggers rather than JS record hooks:
// - a save of a conversation record loaded before one of its messages was written would put old figures back; a
//   trigger after every update of the row recomputes from the messages, so a stale copy can no longer stick;
// - each hooked save borrowed a JS VM from PocketBase's pool (several per webhook applied); a trigger runs inside
//   the statement.
// The values mirror src/lib/domain/metrics/conversation-summary.ts; tests/integration/metrics.test.ts compares
// the dashboard's SQL figures with the domain's full report through reopen, deletion, erasure and late replies.

const elapsed = (to, from) => `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`;

/** Each figure of the conversation row being updated, computed from the row and its messages. */
const VALUES = {
  agent_replies:
    "(SELECT COUNT(*) FROM messages m WHERE m.conversation = conversations.id AND m.direction != 'in' AND m.sender = 'agent' AND m.type != 'reaction')",
  first_response_ms: `(CASE WHEN first_response_at = '' THEN -1 ELSE COALESCE((
    SELECT CASE WHEN conversations.first_response_at >= m.created THEN ${elapsed('conversations.first_response_at', 'm.created')} ELSE -1 END
    FROM messages m WHERE m.conversation = conversations.id AND m.direction = 'in' AND m.type != 'reaction' ORDER BY m.created LIMIT 1
  ), -1) END)`,
  resolution_ms: `(CASE WHEN resolved_at = '' THEN 0 ELSE MAX(0, ${elapsed('resolved_at', 'created')}) END)`,
};

// The WHERE skips rows whose figures are already right (most saves: unread counts, previews, statuses), and with
// them the writes to the six indexes that carry these columns.
const refresh = (rows) =>
  `UPDATE conversations SET ${Object.entries(VALUES)
    .map(([column, value]) => `${column} = ${value}`)
    .join(', ')}
  WHERE ${rows} AND (${Object.entries(VALUES)
    .map(([column, value]) => `${column} IS NOT ${value}`)
    .join(' OR ')})`;

// PocketBase writes every column on each save, so `UPDATE OF` lists would always match: the WHEN clauses compare
// values instead. A conversation is recomputed when an input of its figures changed or when a save changed the
// figures themselves (a stale copy); a message when a field the figures read changed.
const changed = (columns) => columns.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ');
const CONVERSATION_COLUMNS = ['created', 'first_response_at', 'resolved_at', ...Object.keys(VALUES)];
const MESSAGE_COLUMNS = ['conversation', 'direction', 'sender', 'type', 'created'];

const TRIGGERS = {
  pocketdesk_metrics_conversation_insert: `AFTER INSERT ON conversations BEGIN ${refresh('id = NEW.id')}; END`,
  pocketdesk_metrics_conversation_update: `AFTER UPDATE ON conversations WHEN ${changed(CONVERSATION_COLUMNS)} BEGIN ${refresh('id = NEW.id')}; END`,
  pocketdesk_metrics_message_insert: `AFTER INSERT ON messages BEGIN ${refresh('id = NEW.conversation')}; END`,
  pocketdesk_metrics_message_update: `AFTER UPDATE ON messages WHEN ${changed(MESSAGE_COLUMNS)} BEGIN ${refresh('id IN (NEW.conversation, OLD.conversation)')}; END`,
  pocketdesk_metrics_message_delete: `AFTER DELETE ON messages BEGIN ${refresh('id = OLD.conversation')}; END`,
};

migrate(
  (app) => {
    for (const [name, body] of Object.entries(TRIGGERS)) app.db().newQuery(`CREATE TRIGGER ${name} ${body}`).execute();
  },
  (app) => {
    for (const name of Object.keys(TRIGGERS)) app.db().newQuery(`DROP TRIGGER IF EXISTS ${name}`).execute();
  },
);
