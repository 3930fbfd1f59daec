/// <reference path="../.pocketbase/types.d.ts" />
// Fields for auto-replies (sent keys), the FAQ bot (per-channel settings, a flag that keeps bot-held tickets out of
// agents' queues), and customer satisfaction.

migrate(
  (app) => {
    const channels = app.findCollectionByNameOrId('channels');
    channels.fields.add(new JSONField({ name: 'faq', maxSize: 500000 }));
    channels.fields.add(new JSONField({ name: 'service', maxSize: 100000 }));
    app.save(channels);

    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.fields.add(new JSONField({ name: 'auto_reply_keys', maxSize: 20000 }));
    conversations.fields.add(new DateField({ name: 'last_agent_reply_at' }));
    conversations.fields.add(new BoolField({ name: 'bot_active' }));
    conversations.fields.add(new NumberField({ name: 'csat_rating', min: 0, max: 5, onlyInt: true }));
    conversations.fields.add(new TextField({ name: 'csat_comment', max: 2000 }));
    conversations.fields.add(new DateField({ name: 'csat_requested_at' }));
    app.save(conversations);
  },
  (app) => {
    const channels = app.findCollectionByNameOrId('channels');
    for (const name of ['faq', 'service']) channels.fields.removeByName(name);
    app.save(channels);
    const conversations = app.findCollectionByNameOrId('conversations');
    for (const name of ['auto_reply_keys', 'last_agent_reply_at', 'bot_active', 'csat_rating', 'csat_comment', 'csat_requested_at']) conversations.fields.removeByName(name);
    app.save(conversations);
  },
);
