/// <reference path="../.pocketbase/types.d.ts" />
// One meaning for "this number is switched off": `channels.disabled` (1764007000). The older `active` flag was never
// written by the app (numbers added there kept it false while working normally) and nothing but a label on the
// Operations screen and the desk's time-zone pick read it, so no channel was ever treated as off because of it.
// Dropping it keeps every channel as it behaved: `disabled` is left as it is, and `active = false` switches nothing off.

migrate(
  (app) => {
    const channels = app.findCollectionByNameOrId('channels');
    channels.fields.removeByName('active');
    app.save(channels);
  },
  (app) => {
    // Back down: `active` again, set wherever the number is not switched off (what the app meant by it).
    const channels = app.findCollectionByNameOrId('channels');
    channels.fields.add(new BoolField({ name: 'active' }));
    app.save(channels);
    app.db().newQuery('UPDATE channels SET active = (disabled IS NOT TRUE)').execute();
  },
);
