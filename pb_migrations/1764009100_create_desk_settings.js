/// <reference path="../.pocketbase/types.d.ts" />
// The desk's own settings (issue #16): one row holding the business name (the app's header and title, the
// `{{business_name}}` of automatic replies) and the desk's time zone (shift schedules without a zone of their own,
// and the zone a new number starts with). Everyone signed in reads it; admins change it (first-run setup, Admin
// settings → Your business); nobody creates or deletes the row through the API.
// Existing desks: the business name was stored as the first channel's name and the desk's time zone was the oldest
// active channel's (else the oldest channel's): the row starts with those, so nothing a customer or agent sees changes.

const isAgent = '@request.auth.collectionName = "agents"';
const isAdmin = `${isAgent} && @request.auth.role = "admin"`;
const SETTINGS_ID = 'desksettings001';

migrate(
  (app) => {
    const settings = new Collection({
      id: 'pd_desk_settings',
      type: 'base',
      name: 'desk_settings',
      listRule: isAgent,
      viewRule: isAgent,
      createRule: null,
      updateRule: isAdmin,
      deleteRule: null,
      fields: [
        { name: 'business_name', type: 'text', max: 100 },
        { name: 'timezone', type: 'text', max: 64 },
        { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
        { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
      ],
    });
    app.save(settings);

    const first = app.findRecordsByFilter('channels', '', 'created', 1, 0)[0];
    const zoned = app.findRecordsByFilter('channels', 'active = true', 'created', 1, 0)[0] ?? first;
    const row = new Record(settings);
    row.set('id', SETTINGS_ID);
    row.set('business_name', first ? first.getString('name') : '');
    row.set('timezone', (zoned && zoned.getString('timezone')) || 'UTC');
    app.save(row);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId('desk_settings'));
  },
);
