/// <reference path="../.pocketbase/types.d.ts" />
// Webhooks are acknowledged once their raw bytes are stored; applying them may then happen later, in order.
// `pending` events wait for the applier; a failing one backs off (`apply_after`) and turns `failed` after
// a few attempts — kept, never dropped, for an operator to replay.

migrate(
  (app) => {
    const events = app.findCollectionByNameOrId('webhook_events');
    const status = events.fields.getByName('status');
    status.values = ['pending', 'processed', 'unknown_channel', 'unsupported', 'failed'];
    events.fields.add(new NumberField({ name: 'attempts', min: 0, onlyInt: true }));
    events.fields.add(new DateField({ name: 'apply_after' }));
    app.save(events);
  },
  (app) => {
    const events = app.findCollectionByNameOrId('webhook_events');
    events.fields.getByName('status').values = ['processed', 'unknown_channel', 'unsupported', 'failed'];
    events.fields.removeByName('attempts');
    events.fields.removeByName('apply_after');
    app.save(events);
  },
);
