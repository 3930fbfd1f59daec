/// <reference path="../.pocketbase/types.d.ts" />
// Integrations (issue #21): outbound webhook endpoints and chat targets (Slack or any incoming-webhook chat), the
// events they are sent, and one delivery row per endpoint and event. Events and deliveries are written by the hooks
// in the same transaction as the change they describe (src/pocketbase/integration-events.ts) and delivered by the
// worker (src/worker/webhook-delivery.ts). Admins manage endpoints and read deliveries; nobody else sees either.

const isAdmin = '@request.auth.collectionName = "agents" && @request.auth.role = "admin"';
const created = { name: 'created', type: 'autodate', onCreate: true, onUpdate: false };
const updated = { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true };

migrate(
  (app) => {
    const channels = app.findCollectionByNameOrId('channels');
    const teams = app.findCollectionByNameOrId('teams');
    const endpoints = new Collection({
      id: 'pd_wh_endpoints',
      type: 'base',
      name: 'webhook_endpoints',
      listRule: isAdmin,
      viewRule: isAdmin,
      createRule: isAdmin,
      updateRule: isAdmin,
      deleteRule: isAdmin,
      fields: [
        { name: 'name', type: 'text', required: true, max: 100 },
        // `webhook`: signed JSON events; `chat`: a short `{ text }` line for Slack-style incoming webhooks.
        { name: 'kind', type: 'select', required: true, maxSelect: 1, values: ['webhook', 'chat'] },
        { name: 'url', type: 'text', required: true, max: 2000 },
        { name: 'events', type: 'json', maxSize: 10_000 },
        { name: 'active', type: 'bool' },
        { name: 'paused_reason', type: 'text', max: 60 },
        { name: 'failing_since', type: 'date' },
        // Sealed like channel tokens (sealed:v1:…); hidden from every answer, opened only by the worker.
        { name: 'secret', type: 'text', hidden: true, max: 500 },
        // Chat targets: only conversations of this channel / team (empty = all).
        { name: 'channel', type: 'relation', collectionId: channels.id, maxSelect: 1 },
        { name: 'team', type: 'relation', collectionId: teams.id, maxSelect: 1 },
        { name: 'wait_minutes', type: 'number', onlyInt: true, min: 0, max: 1440 },
        created,
        updated,
      ],
    });
    app.save(endpoints);

    const events = new Collection({
      id: 'pd_integr_event',
      type: 'base',
      name: 'integration_events',
      listRule: null,
      viewRule: null,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'type', type: 'text', required: true, max: 60 },
        // Order of events across the desk; deliveries of one conversation go out in this order.
        { name: 'seq', type: 'number', onlyInt: true, min: 0 },
        { name: 'order_key', type: 'text', max: 40 },
        { name: 'contact', type: 'text', max: 40 },
        { name: 'conversation', type: 'text', max: 40 },
        { name: 'occurred_at', type: 'text', max: 40 },
        { name: 'data', type: 'json', maxSize: 200_000 },
        created,
      ],
      indexes: [
        'CREATE UNIQUE INDEX idx_integration_events_seq ON integration_events (seq)',
        'CREATE INDEX idx_integration_events_contact ON integration_events (contact)',
      ],
    });
    app.save(events);

    const deliveries = new Collection({
      id: 'pd_wh_delivery1',
      type: 'base',
      name: 'webhook_deliveries',
      listRule: isAdmin,
      viewRule: isAdmin,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'endpoint', type: 'relation', collectionId: endpoints.id, maxSelect: 1, required: true, cascadeDelete: true },
        { name: 'event', type: 'relation', collectionId: events.id, maxSelect: 1, required: true, cascadeDelete: true },
        { name: 'type', type: 'text', max: 60 },
        { name: 'seq', type: 'number', onlyInt: true, min: 0 },
        { name: 'order_key', type: 'text', max: 40 },
        { name: 'status', type: 'select', required: true, maxSelect: 1, values: ['pending', 'delivered', 'failed', 'dropped'] },
        { name: 'attempts', type: 'number', onlyInt: true, min: 0 },
        { name: 'next_attempt_at', type: 'date' },
        { name: 'claimed_by', type: 'text', max: 100 },
        { name: 'claimed_until', type: 'date' },
        { name: 'last_attempt_at', type: 'date' },
        { name: 'delivered_at', type: 'date' },
        { name: 'response_code', type: 'number', onlyInt: true },
        { name: 'response_ms', type: 'number', onlyInt: true },
        { name: 'last_error', type: 'text', max: 300 },
        created,
        updated,
      ],
      indexes: [
        'CREATE INDEX idx_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at)',
        'CREATE INDEX idx_webhook_deliveries_order ON webhook_deliveries (endpoint, order_key, status, seq)',
        'CREATE INDEX idx_webhook_deliveries_log ON webhook_deliveries (endpoint, created)',
        'CREATE INDEX idx_webhook_deliveries_event ON webhook_deliveries (event)',
      ],
    });
    app.save(deliveries);

    // Admins are told (push and in-app) when an endpoint is paused.
    const notifications = app.findCollectionByNameOrId('notifications');
    const kind = notifications.fields.getByName('kind');
    kind.values = [...kind.values, 'integration'];
    app.save(notifications);
  },
  (app) => {
    const notifications = app.findCollectionByNameOrId('notifications');
    const kind = notifications.fields.getByName('kind');
    kind.values = kind.values.filter((v) => v !== 'integration');
    app.save(notifications);
    for (const name of ['webhook_deliveries', 'integration_events', 'webhook_endpoints']) {
      try {
        app.delete(app.findCollectionByNameOrId(name));
      } catch (_) {
        // not there
      }
    }
  },
);
