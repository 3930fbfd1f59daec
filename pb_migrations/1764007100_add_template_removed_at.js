/// <reference path="../.pocketbase/types.d.ts" />
// Templates pulled from Meta (issue #19): a template Meta no longer lists keeps its row (sent messages point at it)
// and is marked with when the desk found it gone.

migrate(
  (app) => {
    const templates = app.findCollectionByNameOrId('templates');
    templates.fields.add(new DateField({ name: 'removed_at' }));
    app.save(templates);
  },
  (app) => {
    const templates = app.findCollectionByNameOrId('templates');
    templates.fields.removeByName('removed_at');
    app.save(templates);
  },
);
