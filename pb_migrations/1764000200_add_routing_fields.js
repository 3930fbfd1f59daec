/// <reference path="../.pocketbase/types.d.ts" />
// Fields routing needs: when each agent last replied (`most_waiting`, without scanning messages) and the
// conversation's detected language.

migrate(
  (app) => {
    const agents = app.findCollectionByNameOrId('agents');
    agents.fields.add(new DateField({ name: 'last_message_at' }));
    app.save(agents);
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.fields.add(new TextField({ name: 'language', max: 16 }));
    app.save(conversations);
  },
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.fields.removeByName('language');
    app.save(conversations);
    const agents = app.findCollectionByNameOrId('agents');
    agents.fields.removeByName('last_message_at');
    app.save(agents);
  },
);
