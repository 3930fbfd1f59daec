/// <reference path="../.pocketbase/types.d.ts" />
// One row per (notification, device): a notification is pushed at most once to each subscription.

migrate(
  (app) => {
    const collection = new Collection({
      id: 'pd_push_deliver',
      type: 'base',
      name: 'push_deliveries',
      listRule: null,
      viewRule: null,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'notification', type: 'relation', collectionId: 'pd_notification', maxSelect: 1, required: true, cascadeDelete: true },
        { name: 'subscription', type: 'relation', collectionId: 'pd_push_subs_01', maxSelect: 1, required: true, cascadeDelete: true },
        { name: 'status', type: 'select', values: ['sent', 'gone', 'failed'], maxSelect: 1, required: true },
        { name: 'http_status', type: 'number', onlyInt: true },
        { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
      ],
      indexes: ['CREATE UNIQUE INDEX idx_push_deliveries_once ON push_deliveries (notification, subscription)'],
    });
    app.save(collection);

    // Lets the worker lease notifications the same way it leases outbound messages.
    const notifications = app.findCollectionByNameOrId('notifications');
    notifications.fields.add(new TextField({ name: 'claimed_by', max: 100 }));
    notifications.fields.add(new DateField({ name: 'claimed_until' }));
    notifications.fields.add(new TextField({ name: 'url', max: 500 }));
    app.save(notifications);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId('push_deliveries'));
    const notifications = app.findCollectionByNameOrId('notifications');
    for (const name of ['claimed_by', 'claimed_until', 'url']) notifications.fields.removeByName(name);
    app.save(notifications);
  },
);
