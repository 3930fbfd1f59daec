/// <reference path="../.pocketbase/types.d.ts" />
// Hybrid routing (issue #20): intent models learned from the desk's own history, the desk's two thresholds, the
// corrections agents teach it with, and the predictions the worker makes for customers' messages before they are
// applied. Admins read models, settings and corrections; every change goes through the hooks' routes
// (src/pocketbase/intent-models.ts) or the worker, never through the records API.

const isAdmin = '@request.auth.collectionName = "agents" && @request.auth.role = "admin"';
const created = { name: 'created', type: 'autodate', onCreate: true, onUpdate: false };
const updated = { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true };
const SETTINGS_ID = 'intentsettings1';

migrate(
  (app) => {
    const agents = app.findCollectionByNameOrId('agents');
    const teams = app.findCollectionByNameOrId('teams');
    const labels = app.findCollectionByNameOrId('labels');
    const conversations = app.findCollectionByNameOrId('conversations');

    // One row per training: queued by "Train now" or the nightly schedule, claimed and trained by the worker, then
    // trained (held-out accuracy below the admin's threshold), active (the one routing uses) or retired.
    const models = new Collection({
      id: 'pd_intent_model',
      type: 'base',
      name: 'intent_models',
      listRule: isAdmin,
      viewRule: isAdmin,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'version', type: 'number', onlyInt: true, min: 0 },
        { name: 'status', type: 'select', required: true, maxSelect: 1, values: ['queued', 'training', 'trained', 'active', 'retired', 'failed'] },
        { name: 'trigger', type: 'select', maxSelect: 1, values: ['manual', 'schedule'] },
        { name: 'requested_by', type: 'relation', collectionId: agents.id, maxSelect: 1 },
        { name: 'progress', type: 'number', onlyInt: true, min: 0, max: 100 },
        { name: 'stage', type: 'text', max: 40 },
        { name: 'trained_at', type: 'date' },
        // Held-out accuracy, per-intent precision/recall, top confusions, training size, corrections learned.
        { name: 'metrics', type: 'json', maxSize: 500_000 },
        // Intent key → what it routes to: { name, teamId, labels }.
        { name: 'targets', type: 'json', maxSize: 500_000 },
        // The model itself (format pocketdesk-intent-classifier): only the worker (a superuser) reads it.
        { name: 'model', type: 'json', maxSize: 30_000_000, hidden: true },
        { name: 'error', type: 'text', max: 2000 },
        { name: 'claimed_by', type: 'text', max: 100 },
        { name: 'claimed_until', type: 'date' },
        created,
        updated,
      ],
      indexes: ['CREATE INDEX idx_intent_models_status ON intent_models (status, created)'],
    });
    app.save(models);

    // The desk's one settings row: hybrid routing on or off, the held-out accuracy a model needs to be switched
    // on, and the confidence a prediction needs to route.
    const settings = new Collection({
      id: 'pd_intent_settng',
      type: 'base',
      name: 'intent_settings',
      listRule: isAdmin,
      viewRule: isAdmin,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'enabled', type: 'bool' },
        { name: 'min_accuracy', type: 'number', min: 0, max: 1 },
        { name: 'min_confidence', type: 'number', min: 0, max: 1 },
        updated,
      ],
    });
    app.save(settings);
    const row = new Record(settings);
    row.set('id', SETTINGS_ID);
    row.set('enabled', true);
    row.set('min_accuracy', 0.8);
    row.set('min_confidence', 0.6);
    app.save(row);

    // An agent moved a conversation to another team or changed its labels: the next training learns that target.
    const corrections = new Collection({
      id: 'pd_intent_corr1',
      type: 'base',
      name: 'intent_corrections',
      listRule: isAdmin,
      viewRule: isAdmin,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'conversation', type: 'relation', collectionId: conversations.id, maxSelect: 1, required: true, cascadeDelete: true },
        { name: 'kind', type: 'select', required: true, maxSelect: 1, values: ['transfer', 'labels'] },
        { name: 'team', type: 'relation', collectionId: teams.id, maxSelect: 1 },
        { name: 'labels', type: 'relation', collectionId: labels.id, maxSelect: 50 },
        { name: 'actor', type: 'relation', collectionId: agents.id, maxSelect: 1 },
        created,
      ],
      indexes: ['CREATE INDEX idx_intent_corrections_conversation ON intent_corrections (conversation, created)'],
    });
    app.save(corrections);

    // The worker's prediction for a customer's message, made before the message is applied; routing reads it by
    // wamid. Nobody but the hooks and the worker reads these.
    const predictions = new Collection({
      id: 'pd_msg_intents1',
      type: 'base',
      name: 'message_intents',
      listRule: null,
      viewRule: null,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'wamid', type: 'text', required: true, max: 300 },
        { name: 'model', type: 'relation', collectionId: models.id, maxSelect: 1, required: true, cascadeDelete: true },
        { name: 'intent', type: 'text', max: 500 },
        { name: 'confidence', type: 'number', min: 0, max: 1 },
        { name: 'alternatives', type: 'json', maxSize: 10_000 },
        created,
      ],
      indexes: [
        'CREATE UNIQUE INDEX idx_message_intents_wamid ON message_intents (wamid)',
        'CREATE INDEX idx_message_intents_created ON message_intents (created)',
      ],
    });
    app.save(predictions);

    // The routing log says which intent was predicted, how sure, the next three, and whether it decided.
    const routingEvents = app.findCollectionByNameOrId('routing_events');
    routingEvents.fields.add(new JSONField({ name: 'intent', maxSize: 10_000 }));
    app.save(routingEvents);
  },
  (app) => {
    const routingEvents = app.findCollectionByNameOrId('routing_events');
    routingEvents.fields.removeByName('intent');
    app.save(routingEvents);
    for (const name of ['message_intents', 'intent_corrections', 'intent_settings', 'intent_models']) app.delete(app.findCollectionByNameOrId(name));
  },
);
