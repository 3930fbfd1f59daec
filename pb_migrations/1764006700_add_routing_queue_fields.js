/// <reference path="../.pocketbase/types.d.ts" />
// Routing settings that act after the first decision (issue #15):
// - conversations.queued_nobody_online: routing queued it because nobody was online, so the backlog sweep hands it
//   out by the "New customer — nobody online" branch's algorithm; cleared when someone is given it.
// - conversations.window_points: the window-closing priority points the stored priority includes now, so the
//   service sweep can add them as the 24 h window runs out and take them off when the customer writes again.

migrate(
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.fields.add(new BoolField({ name: 'queued_nobody_online' }));
    conversations.fields.add(new NumberField({ name: 'window_points', onlyInt: true, min: 0, max: 1000 }));
    // The sweep's two lookups each minute: windows closing soon, and tickets still carrying the points.
    conversations.addIndex('idx_conversations_window_open', false, 'last_inbound_at', "status != 'resolved'");
    conversations.addIndex('idx_conversations_window_points', false, 'window_points', 'window_points != 0');
    app.save(conversations);
  },
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.removeIndex('idx_conversations_window_open');
    conversations.removeIndex('idx_conversations_window_points');
    conversations.fields.removeByName('queued_nobody_online');
    conversations.fields.removeByName('window_points');
    app.save(conversations);
  },
);
