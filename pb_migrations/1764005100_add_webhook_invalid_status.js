/// <reference path="../.pocketbase/types.d.ts" />
// A signed delivery is applied part by part: parts that cannot be applied (a value past its column, a message
// without a sender, broken JSON) are recorded on the event instead of failing it whole. `invalid` marks such an
// event; `invalid_parts` counts its parts (the first ones are listed in `summary.invalid` with their reasons).
// Setting it back to `pending` replays it: what was applied stays applied once (wamids are unique).

migrate(
  (app) => {
    const events = app.findCollectionByNameOrId('webhook_events');
    events.fields.getByName('status').values = ['pending', 'processed', 'unknown_channel', 'unsupported', 'invalid', 'failed'];
    events.fields.add(new NumberField({ name: 'invalid_parts', min: 0, onlyInt: true }));
    app.save(events);
  },
  (app) => {
    const events = app.findCollectionByNameOrId('webhook_events');
    // Invalid events go back to the queue: the older version applies what it can and fails the rest.
    app.db().newQuery("UPDATE webhook_events SET status = 'pending' WHERE status = 'invalid'").execute();
    events.fields.getByName('status').values = ['pending', 'processed', 'unknown_channel', 'unsupported', 'failed'];
    events.fields.removeByName('invalid_parts');
    app.save(events);
  },
);
