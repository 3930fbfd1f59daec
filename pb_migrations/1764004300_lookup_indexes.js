/// <reference path="../.pocketbase/types.d.ts" />
// The unique indexes on wamid, wa_id and user_id are partial (`WHERE … != ''`), and SQLite cannot use a partial
// index for `column = ?` with a bound value: it cannot prove the value is not ''. Every lookup the webhook path makes
// by those columns was a full scan — measured on 100k conversations, ~50–100 ms per message lookup and ~30 ms per
// contact, and 200–280 ms to find a customer's latest ticket (no index led by contact and channel). Plain indexes
// beside the unique ones serve the lookups; the open-load index serves routing's capacity count.

const INDEXES = {
  messages: { idx_messages_wamid_lookup: 'wamid' },
  contacts: { idx_contacts_wa_id_lookup: 'wa_id', idx_contacts_user_id_lookup: 'user_id' },
  conversations: {
    idx_conversations_latest: 'contact, channel, created',
    idx_conversations_open_load: 'status, assignee, offered_to, offer_expires_at',
    idx_conversations_bot_active: 'bot_active, status',
  },
};

migrate(
  (app) => {
    for (const [collectionName, indexes] of Object.entries(INDEXES)) {
      const collection = app.findCollectionByNameOrId(collectionName);
      for (const [name, columns] of Object.entries(indexes)) collection.addIndex(name, false, columns, '');
      app.save(collection);
    }
  },
  (app) => {
    for (const [collectionName, indexes] of Object.entries(INDEXES)) {
      const collection = app.findCollectionByNameOrId(collectionName);
      for (const name of Object.keys(indexes)) collection.removeIndex(name);
      app.save(collection);
    }
  },
);
