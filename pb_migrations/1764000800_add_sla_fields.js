/// <reference path="../.pocketbase/types.d.ts" />
// SLA: the next deadline and whether one was missed (the queue shows time left), and the escalations already done.

migrate(
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.fields.add(new DateField({ name: 'sla_due_at' }));
    conversations.fields.add(new BoolField({ name: 'sla_breached' }));
    conversations.fields.add(new JSONField({ name: 'sla_escalations', maxSize: 20000 }));
    app.save(conversations);
  },
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    for (const name of ['sla_due_at', 'sla_breached', 'sla_escalations']) conversations.fields.removeByName(name);
    app.save(conversations);
  },
);
