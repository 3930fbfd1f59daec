/// <reference path="../.pocketbase/types.d.ts" />
// Sentiment and urgency (issue #20): each customer message stores how it reads (negative, neutral, positive; a
// score from -1 to 1; urgent or not; the cues a person is shown), and the conversation carries its latest
// customer message's reading for the queue row and header chips. Only the inbound path writes them: the collection
// API refuses them from agents. The partial index serves the dashboard's share of negative conversations.

const MESSAGE_FIELDS = ['sentiment', 'sentiment_score', 'urgent', 'signal_cues'];
const CONVERSATION_FIELDS = ['sentiment', 'urgent', 'signal_cues'];
const lockOf = (fields) => fields.map((f) => `@request.body.${f}:isset = false`).join(' && ');
const INDEX = "CREATE INDEX idx_messages_inbound_sentiment ON messages (created, sentiment) WHERE direction = 'in'";

const addSignals = (collection, withScore) => {
  collection.fields.add(new SelectField({ name: 'sentiment', values: ['negative', 'neutral', 'positive'], maxSelect: 1 }));
  if (withScore) collection.fields.add(new NumberField({ name: 'sentiment_score', min: -1, max: 1 }));
  collection.fields.add(new BoolField({ name: 'urgent' }));
  collection.fields.add(new JSONField({ name: 'signal_cues', maxSize: 2000 }));
};

const unlock = (rule, locked) => {
  const text = rule ?? '';
  return text.startsWith('(') && text.endsWith(`) && ${locked}`) ? text.slice(1, -`) && ${locked}`.length) : text;
};

migrate(
  (app) => {
    const messages = app.findCollectionByNameOrId('messages');
    addSignals(messages, true);
    // Appended to whatever the rules are now, so this migration composes with others that change them.
    messages.createRule = `(${messages.createRule}) && ${lockOf(MESSAGE_FIELDS)}`;
    messages.indexes = [...messages.indexes, INDEX];
    app.save(messages);
    const conversations = app.findCollectionByNameOrId('conversations');
    addSignals(conversations, false);
    conversations.updateRule = `(${conversations.updateRule}) && ${lockOf(CONVERSATION_FIELDS)}`;
    app.save(conversations);
  },
  (app) => {
    const messages = app.findCollectionByNameOrId('messages');
    for (const field of MESSAGE_FIELDS) messages.fields.removeByName(field);
    messages.createRule = unlock(messages.createRule, lockOf(MESSAGE_FIELDS));
    messages.indexes = messages.indexes.filter((index) => index !== INDEX);
    app.save(messages);
    const conversations = app.findCollectionByNameOrId('conversations');
    for (const field of CONVERSATION_FIELDS) conversations.fields.removeByName(field);
    conversations.updateRule = unlock(conversations.updateRule, lockOf(CONVERSATION_FIELDS));
    app.save(conversations);
  },
);
