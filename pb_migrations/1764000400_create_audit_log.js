/// <reference path="../.pocketbase/types.d.ts" />
// Append-only audit trail: who did what and when. Admins read it; nobody writes, edits or deletes it through the API.

migrate(
  (app) => {
    const collection = new Collection({
      id: 'pd_audit_log_01',
      type: 'base',
      name: 'audit_log',
      listRule: '@request.auth.collectionName = "agents" && @request.auth.role = "admin"',
      viewRule: '@request.auth.collectionName = "agents" && @request.auth.role = "admin"',
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'actor', type: 'relation', collectionId: 'pd_agents_00001', maxSelect: 1 },
        { name: 'actor_kind', type: 'select', values: ['agent', 'superuser', 'system'], maxSelect: 1, required: true },
        { name: 'action', type: 'text', max: 40, required: true },
        { name: 'collection_name', type: 'text', max: 60 },
        { name: 'record_id', type: 'text', max: 40 },
        { name: 'summary', type: 'text', max: 500 },
        { name: 'changes', type: 'json', maxSize: 200000 },
        { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
      ],
      indexes: ['CREATE INDEX idx_audit_log_created ON audit_log (created)', 'CREATE INDEX idx_audit_log_record ON audit_log (collection_name, record_id)'],
    });
    app.save(collection);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId('audit_log'));
  },
);
