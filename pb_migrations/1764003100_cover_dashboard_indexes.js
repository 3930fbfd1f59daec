/// <reference path="../.pocketbase/types.d.ts" />
// The dashboard's SQL overview groups by agent and counts SLA breaches, open load and agent replies: carrying
// assignee and sla_breached in the period indexes keeps those scans inside the index (no row lookups on 100k
// conversations), and a message index on what a reply is lets the replies count skip the message rows. The id
// closes the resolved index: the replies join needs it, and a text primary key is not the rowid an index carries.

migrate(
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.removeIndex('idx_conversations_created');
    conversations.removeIndex('idx_conversations_resolved_at');
    conversations.addIndex('idx_conversations_created', false, 'created, first_response_at, team, channel, assignee, sla_breached', '');
    conversations.addIndex('idx_conversations_resolved_at', false, 'resolved_at, created, resolved_by, reopen_count, handover_count, csat_rating, team, channel, assignee, id', '');
    // Rank indexes: ordered by the duration itself, so a percentile is a walk to its rank rather than a sort. The
    // expressions must read exactly as the overview's queries write them (src/pocketbase/metrics-sql.ts).
    const frt = 'CAST(ROUND((julianday(first_response_at) - julianday(created)) * 86400000) AS INTEGER)';
    const resolution = 'CAST(ROUND((julianday(resolved_at) - julianday(created)) * 86400000) AS INTEGER)';
    conversations.addIndex('idx_conversations_frt', false, `${frt}, created, first_response_at, team, channel, assignee`, '');
    conversations.addIndex('idx_conversations_agent_frt', false, `assignee, ${frt}, created, first_response_at, team, channel`, '');
    conversations.addIndex('idx_conversations_resolution', false, `${resolution}, resolved_at, created, team, channel`, '');
    conversations.addIndex('idx_conversations_agent_resolution', false, `assignee, ${resolution}, resolved_at, created, team, channel`, '');
    app.save(conversations);
    const messages = app.findCollectionByNameOrId('messages');
    messages.addIndex('idx_messages_replies', false, 'conversation, direction, sender, type', '');
    app.save(messages);
  },
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.removeIndex('idx_conversations_created');
    conversations.removeIndex('idx_conversations_resolved_at');
    for (const name of ['idx_conversations_frt', 'idx_conversations_agent_frt', 'idx_conversations_resolution', 'idx_conversations_agent_resolution']) conversations.removeIndex(name);
    conversations.addIndex('idx_conversations_created', false, 'created, first_response_at, team, channel', '');
    conversations.addIndex('idx_conversations_resolved_at', false, 'resolved_at, created, resolved_by, reopen_count, handover_count, csat_rating, team, channel', '');
    app.save(conversations);
    const messages = app.findCollectionByNameOrId('messages');
    messages.removeIndex('idx_messages_replies');
    app.save(messages);
  },
);
