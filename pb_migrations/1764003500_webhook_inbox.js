/// <reference path="../.pocketbase/types.d.ts" />
// Acknowledged deliveries now wait in an inbox table of the auxiliary database (created at start by the hooks,
// src/pocketbase/webhook-inbox.ts); `webhook_events` records each one's outcome once applied. `received_at` keeps
// when Meta delivered it (the row itself is created when it is applied); `pending` now means "queued for replay".

migrate(
  (app) => {
    const events = app.findCollectionByNameOrId('webhook_events');
    events.fields.add(new DateField({ name: 'received_at' }));
    app.save(events);
  },
  (app) => {
    const events = app.findCollectionByNameOrId('webhook_events');
    events.fields.removeByName('received_at');
    app.save(events);
  },
);
