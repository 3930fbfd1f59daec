/// <reference path="../.pocketbase/types.d.ts" />
// Measured on 100k conversations over 30 days: the dashboard overview spent its time parsing dates (julianday per
// row, twice per duration), joining messages to count agent replies and sorting every row for GROUP BY assignee.
// Each conversation now carries its own figures, kept current when it or one of its messages is saved (by SQLite
// triggers since 1764004500_metric_columns_by_triggers.js): first_response_ms (-1: no first response counts),
// resolution_ms and agent_replies. Indexes led by the assignee let the per-agent figures walk one agent at a time,
// already in key order, and the rank indexes read plain integers. The UPDATE below computes the same values for the
// rows that exist already.

const FIELDS = ['first_response_ms', 'resolution_ms', 'agent_replies'];

const RANK_INDEXES = {
  idx_conversations_first_response: 'first_response_ms, created, team, channel',
  idx_conversations_agent_first_response: 'assignee, first_response_ms, created, team, channel',
  idx_conversations_resolution: 'resolution_ms, resolved_at, team, channel',
  idx_conversations_agent_resolution: 'assignee, resolution_ms, resolved_at, team, channel',
};

const PERIOD_INDEXES = {
  idx_conversations_created: 'created, first_response_ms, sla_breached, team, channel, assignee',
  idx_conversations_resolved_at: 'resolved_at, resolution_ms, resolved_by, reopen_count, handover_count, csat_rating, agent_replies, team, channel, assignee',
  idx_conversations_agent_created: 'assignee, created, first_response_ms, sla_breached, team, channel',
  idx_conversations_agent_resolved: 'assignee, resolved_at, resolution_ms, resolved_by, reopen_count, handover_count, csat_rating, agent_replies, team, channel',
};

// The expression indexes these replace (pb_migrations/1764003100_cover_dashboard_indexes.js).
const frtExpression = 'CAST(ROUND((julianday(first_response_at) - julianday(created)) * 86400000) AS INTEGER)';
const resolutionExpression = 'CAST(ROUND((julianday(resolved_at) - julianday(created)) * 86400000) AS INTEGER)';
const PREVIOUS_INDEXES = {
  idx_conversations_created: 'created, first_response_at, team, channel, assignee, sla_breached',
  idx_conversations_resolved_at: 'resolved_at, created, resolved_by, reopen_count, handover_count, csat_rating, team, channel, assignee, id',
  idx_conversations_frt: `${frtExpression}, created, first_response_at, team, channel, assignee`,
  idx_conversations_agent_frt: `assignee, ${frtExpression}, created, first_response_at, team, channel`,
  idx_conversations_resolution: `${resolutionExpression}, resolved_at, created, team, channel`,
  idx_conversations_agent_resolution: `assignee, ${resolutionExpression}, resolved_at, created, team, channel`,
};

const elapsed = (to, from) => `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`;
const BACKFILL = `UPDATE conversations SET
  agent_replies = (SELECT COUNT(*) FROM messages m WHERE m.conversation = conversations.id AND m.direction != 'in' AND m.sender = 'agent' AND m.type != 'reaction'),
  first_response_ms = CASE WHEN first_response_at = '' THEN -1 ELSE COALESCE((
    SELECT CASE WHEN conversations.first_response_at >= m.created THEN ${elapsed('conversations.first_response_at', 'm.created')} ELSE -1 END
    FROM messages m WHERE m.conversation = conversations.id AND m.direction = 'in' AND m.type != 'reaction' ORDER BY m.created LIMIT 1
  ), -1) END,
  resolution_ms = CASE WHEN resolved_at = '' THEN 0 ELSE MAX(0, ${elapsed('resolved_at', 'created')}) END`;

migrate(
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    for (const name of FIELDS) conversations.fields.add(new NumberField({ name, onlyInt: true, hidden: true }));
    for (const name of Object.keys(PREVIOUS_INDEXES)) conversations.removeIndex(name);
    for (const [name, columns] of Object.entries({ ...PERIOD_INDEXES, ...RANK_INDEXES })) conversations.addIndex(name, false, columns, '');
    app.save(conversations);
    app.db().newQuery(BACKFILL).execute();
    // The replies count no longer joins messages (pb_migrations/1764003100_cover_dashboard_indexes.js added this).
    const messages = app.findCollectionByNameOrId('messages');
    messages.removeIndex('idx_messages_replies');
    app.save(messages);
  },
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    for (const name of [...Object.keys(PERIOD_INDEXES), ...Object.keys(RANK_INDEXES)]) conversations.removeIndex(name);
    for (const name of FIELDS) conversations.fields.removeByName(name);
    for (const [name, columns] of Object.entries(PREVIOUS_INDEXES)) conversations.addIndex(name, false, columns, '');
    app.save(conversations);
    const messages = app.findCollectionByNameOrId('messages');
    messages.addIndex('idx_messages_replies', false, 'conversation, direction, sender, type', '');
    app.save(messages);
  },
);
