/// <reference path="../.pocketbase/types.d.ts" />
// Canned replies suggested per intent (issue #20). A conversation carries the intent hybrid routing predicted for
// it with enough confidence (`intent`: the model's stable key, team and labels; `intent_name`: what people read);
// a reply sent from a canned reply names it (`messages.canned_reply`), and the server counts it per intent in
// `canned_reply_uses`, one row per (canned reply, intent), raised by one SQL upsert so concurrent sends never lose a
// count. Agents read the counts (the composer orders its list by them, offline too); only the server writes them.

const CONVERSATION_FIELDS = ['intent', 'intent_name'];
const lockOf = (fields) => fields.map((f) => `@request.body.${f}:isset = false`).join(' && ');
const unlock = (rule, locked) => {
  const text = rule ?? '';
  return text.startsWith('(') && text.endsWith(`) && ${locked}`) ? text.slice(1, -`) && ${locked}`.length) : text;
};

migrate(
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.fields.add(new TextField({ name: 'intent', max: 300 }));
    conversations.fields.add(new TextField({ name: 'intent_name', max: 300 }));
    conversations.updateRule = `(${conversations.updateRule}) && ${lockOf(CONVERSATION_FIELDS)}`;
    app.save(conversations);

    const canned = app.findCollectionByNameOrId('canned_replies');
    const messages = app.findCollectionByNameOrId('messages');
    messages.fields.add(new TextField({ name: 'canned_reply', max: 15 }));
    app.save(messages);

    const uses = new Collection({
      type: 'base',
      name: 'canned_reply_uses',
      listRule: '@request.auth.collectionName = "agents"',
      viewRule: '@request.auth.collectionName = "agents"',
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { type: 'relation', name: 'canned_reply', required: true, collectionId: canned.id, cascadeDelete: true, maxSelect: 1 },
        { type: 'text', name: 'intent', required: true, max: 300 },
        { type: 'number', name: 'uses', min: 0, onlyInt: true },
        { type: 'autodate', name: 'updated', onCreate: true, onUpdate: true },
      ],
      indexes: ['CREATE UNIQUE INDEX idx_canned_reply_uses_reply_intent ON canned_reply_uses (canned_reply, intent)'],
    });
    app.save(uses);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId('canned_reply_uses'));
    const messages = app.findCollectionByNameOrId('messages');
    messages.fields.removeByName('canned_reply');
    app.save(messages);
    const conversations = app.findCollectionByNameOrId('conversations');
    for (const field of CONVERSATION_FIELDS) conversations.fields.removeByName(field);
    conversations.updateRule = unlock(conversations.updateRule, lockOf(CONVERSATION_FIELDS));
    app.save(conversations);
  },
);
