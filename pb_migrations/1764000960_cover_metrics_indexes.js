/// <reference path="../.pocketbase/types.d.ts" />
// Measured on 100k conversations: the overview's figures spent most of their time fetching whole conversation
// rows (previews, JSON fields) for a handful of columns. Indexes that carry those columns answer from the index
// alone (SQLite's covering index), e.g. the resolved-side totals went from 140 ms to 30 ms. They replace the
// narrower metrics indexes, whose leading columns they keep.

migrate(
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.removeIndex('idx_conversations_created');
    conversations.removeIndex('idx_conversations_resolved_at');
    conversations.addIndex('idx_conversations_created', false, 'created, first_response_at, team, channel', '');
    conversations.addIndex('idx_conversations_resolved_at', false, 'resolved_at, created, resolved_by, reopen_count, handover_count, csat_rating, team, channel', '');
    app.save(conversations);
  },
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.removeIndex('idx_conversations_created');
    conversations.removeIndex('idx_conversations_resolved_at');
    conversations.addIndex('idx_conversations_created', false, 'created, team, channel', '');
    conversations.addIndex('idx_conversations_resolved_at', false, 'resolved_at, team, channel', '');
    app.save(conversations);
  },
);
