/// <reference path="../.pocketbase/types.d.ts" />
// When the customer rated: a comment is taken only within a day of the rating.

migrate(
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.fields.add(new DateField({ name: 'csat_rated_at' }));
    app.save(conversations);
  },
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.fields.removeByName('csat_rated_at');
    app.save(conversations);
  },
);
