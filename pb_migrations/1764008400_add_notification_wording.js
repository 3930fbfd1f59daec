/// <reference path="../.pocketbase/types.d.ts" />
// What a notification says, by key and parameters ({key: 'handed-back', count: 2}; src/lib/domain/notifications/
// push-wording.ts), so the service worker says it in the agent's language. `title` and `body` keep the English.

migrate(
  (app) => {
    const notifications = app.findCollectionByNameOrId('notifications');
    notifications.fields.add(new JSONField({ name: 'wording', maxSize: 2000 }));
    app.save(notifications);
  },
  (app) => {
    const notifications = app.findCollectionByNameOrId('notifications');
    notifications.fields.removeByName('wording');
    app.save(notifications);
  },
);
