/// <reference path="../.pocketbase/types.d.ts" />
// The metrics overview is computed by SQL over conversations: by creation time and by resolution time.

migrate(
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.addIndex('idx_conversations_created', false, 'created, team, channel', '');
    conversations.addIndex('idx_conversations_resolved_at', false, 'resolved_at, team, channel', '');
    app.save(conversations);
  },
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.removeIndex('idx_conversations_created');
    conversations.removeIndex('idx_conversations_resolved_at');
    app.save(conversations);
  },
);
