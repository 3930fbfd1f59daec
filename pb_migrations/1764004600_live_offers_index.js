/// <reference path="../.pocketbase/types.d.ts" />
// The offer sweep runs every minute and looked for lapsed offers with a filter PocketBase turns into
// `offered_to IS NOT ''`, which no index serves: on 100k conversations that was a ~40 ms scan a minute inside the
// sweep's transaction. A partial index over the few conversations with an offer out, read by a query that
// repeats its WHERE term literally (src/pocketbase/offers.ts), makes it a short range read.

migrate(
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.addIndex('idx_conversations_live_offers', false, 'offer_expires_at', "offered_to != ''");
    app.save(conversations);
  },
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.removeIndex('idx_conversations_live_offers');
    app.save(conversations);
  },
);
