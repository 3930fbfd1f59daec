/// <reference path="../.pocketbase/types.d.ts" />
// Offers (issue #7): a team may have routing *offer* a conversation to one agent at a time, who accepts it or lets
// it roll on to the next eligible agent. The offer lives on the conversation itself, so accepting, declining and
// expiring are single-row changes under the writer lock: there is nothing to keep in step.
// Also the agent's own choice to be told about new customer messages in conversations they own.

migrate(
  (app) => {
    const offerFields = ['offered_to', 'offer_expires_at', 'offer_declined'];
    const isAgent = '@request.auth.collectionName = "agents"';

    const teams = app.findCollectionByNameOrId('teams');
    // Empty means `assign`: teams created before offers keep plain assignment.
    teams.fields.add(new SelectField({ name: 'assignment_mode', values: ['assign', 'offer'], maxSelect: 1 }));
    // 0 means the default (60 s); a shorter window than 10 s would expire before a phone has shown the push.
    teams.fields.add(new NumberField({ name: 'offer_timeout_seconds', min: 10, max: 3600, onlyInt: true }));
    app.save(teams);

    const agents = app.findCollectionByNameOrId('agents');
    agents.fields.add(new BoolField({ name: 'notify_new_messages' }));
    app.save(agents);

    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.fields.add(new RelationField({ name: 'offered_to', collectionId: agents.id, maxSelect: 1 }));
    conversations.fields.add(new DateField({ name: 'offer_expires_at' }));
    // Who declined or let the offer lapse since it was last owned: routing skips them for the next offer.
    conversations.fields.add(new RelationField({ name: 'offer_declined', collectionId: agents.id, maxSelect: 200 }));
    conversations.addIndex('idx_conversations_offer', false, 'offered_to, offer_expires_at', '');
    // The offered agent may not be in the conversation's team (the customer's usual agent): let them see it.
    conversations.listRule = `(${conversations.listRule}) || (${isAgent} && offered_to = @request.auth.id)`;
    conversations.viewRule = `(${conversations.viewRule}) || (${isAgent} && offered_to = @request.auth.id)`;
    // Offers only move through the offer route and routing, never by editing the record.
    conversations.updateRule = `(${conversations.updateRule}) && ${offerFields.map((f) => `@request.body.${f}:isset = false`).join(' && ')}`;
    app.save(conversations);

    for (const name of ['messages', 'notes', 'routing_events']) {
      const collection = app.findCollectionByNameOrId(name);
      collection.listRule = `(${collection.listRule}) || (${isAgent} && conversation.offered_to = @request.auth.id)`;
      collection.viewRule = `(${collection.viewRule}) || (${isAgent} && conversation.offered_to = @request.auth.id)`;
      app.save(collection);
    }
  },
  (app) => {
    const unwrap = (rule) => rule.slice(1, rule.lastIndexOf(') '));
    for (const name of ['messages', 'notes', 'routing_events']) {
      const collection = app.findCollectionByNameOrId(name);
      collection.listRule = unwrap(collection.listRule);
      collection.viewRule = unwrap(collection.viewRule);
      app.save(collection);
    }
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.listRule = unwrap(conversations.listRule);
    conversations.viewRule = unwrap(conversations.viewRule);
    conversations.updateRule = unwrap(conversations.updateRule);
    conversations.removeIndex('idx_conversations_offer');
    for (const name of ['offered_to', 'offer_expires_at', 'offer_declined']) conversations.fields.removeByName(name);
    app.save(conversations);

    const agents = app.findCollectionByNameOrId('agents');
    agents.fields.removeByName('notify_new_messages');
    app.save(agents);

    const teams = app.findCollectionByNameOrId('teams');
    teams.fields.removeByName('assignment_mode');
    teams.fields.removeByName('offer_timeout_seconds');
    app.save(teams);
  },
);
