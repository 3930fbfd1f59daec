/// <reference path="../.pocketbase/types.d.ts" />
// WhatsApp Coexistence and the rest of the webhook surface (issue #19):
// - channels.coexistence: the number is also used from the WhatsApp Business app on the owner's phone, whose replies
//   are channels.coexistence_agent's;
//   channels.health: the latest errors Meta reported for the number (value-level errors[], failed sends).
// - templates follow Meta: its template id, raw status, the reason for a rejection/pause, and the quality score.
// - messages: where a message came from (`origin`: the Business app's echo or a history import), edits and deletes
//   (`edited_at`, `deleted_at`; the text before the edit stays in payload.previous), the ad or product a customer
//   came from (`referral`) and the group a message was sent in (`group_id`).

migrate(
  (app) => {
    const channels = app.findCollectionByNameOrId('channels');
    channels.fields.add(new BoolField({ name: 'coexistence' }));
    channels.fields.add(new JSONField({ name: 'health', maxSize: 20_000 }));
    // Who answers from the phone: the Business app's replies are theirs, and so are the tickets they answer.
    channels.fields.add(new RelationField({ name: 'coexistence_agent', collectionId: app.findCollectionByNameOrId('agents').id, maxSelect: 1 }));
    app.save(channels);

    const templates = app.findCollectionByNameOrId('templates');
    templates.fields.add(new TextField({ name: 'meta_id', max: 64 }));
    templates.fields.add(new TextField({ name: 'meta_status', max: 40 }));
    templates.fields.add(new TextField({ name: 'status_reason', max: 2000 }));
    templates.fields.add(new TextField({ name: 'quality', max: 20 }));
    app.save(templates);

    const messages = app.findCollectionByNameOrId('messages');
    messages.fields.add(new SelectField({ name: 'origin', values: ['business_app', 'history'], maxSelect: 1 }));
    messages.fields.add(new DateField({ name: 'edited_at' }));
    messages.fields.add(new DateField({ name: 'deleted_at' }));
    messages.fields.add(new JSONField({ name: 'referral', maxSize: 20_000 }));
    messages.fields.add(new TextField({ name: 'group_id', max: 200 }));
    app.save(messages);
  },
  (app) => {
    const drop = (name, fields) => {
      const collection = app.findCollectionByNameOrId(name);
      for (const field of fields) collection.fields.removeByName(field);
      app.save(collection);
    };
    drop('channels', ['coexistence', 'health', 'coexistence_agent']);
    drop('templates', ['meta_id', 'meta_status', 'status_reason', 'quality']);
    drop('messages', ['origin', 'edited_at', 'deleted_at', 'referral', 'group_id']);
  },
);
