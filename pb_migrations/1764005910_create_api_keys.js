/// <reference path="../.pocketbase/types.d.ts" />
// API keys for integrators (issue #21, src/pocketbase/api-keys.ts). Each key acts through an account of its own in
// `agents`, flagged `api_key` (set only by the key route), so the collection rules and desk routes treat it as an
// agent of its role. `api_keys` holds what admins see: name, access, expiry, revocation, last use. The key itself
// (a static auth token) is shown once and stored nowhere.

const isAdmin = '@request.auth.collectionName = "agents" && @request.auth.role = "admin"';

migrate(
  (app) => {
    const agents = app.findCollectionByNameOrId('agents');
    agents.fields.add(new BoolField({ name: 'api_key' }));
    app.save(agents);

    const keys = new Collection({
      id: 'pd_api_keys_001',
      type: 'base',
      name: 'api_keys',
      listRule: isAdmin,
      viewRule: isAdmin,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'name', type: 'text', required: true, max: 100 },
        { name: 'access', type: 'select', required: true, maxSelect: 1, values: ['read-only', 'agent', 'admin'] },
        { name: 'agent', type: 'relation', collectionId: agents.id, maxSelect: 1, required: true, cascadeDelete: true },
        { name: 'created_by', type: 'relation', collectionId: agents.id, maxSelect: 1 },
        { name: 'expires_at', type: 'date', required: true },
        { name: 'revoked_at', type: 'date' },
        { name: 'last_used_at', type: 'date' },
        { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
      ],
      indexes: ['CREATE UNIQUE INDEX idx_api_keys_agent ON api_keys (agent)'],
    });
    app.save(keys);
  },
  (app) => {
    try {
      app.delete(app.findCollectionByNameOrId('api_keys'));
    } catch (_) {
      // not there
    }
    for (const agent of app.findRecordsByFilter('agents', 'api_key = true', '', 0, 0)) if (agent) app.delete(agent);
    const agents = app.findCollectionByNameOrId('agents');
    agents.fields.removeByName('api_key');
    app.save(agents);
  },
);
