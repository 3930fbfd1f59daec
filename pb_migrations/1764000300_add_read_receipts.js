/// <reference path="../.pocketbase/types.d.ts" />
// Read receipts: when an agent opens a conversation, the newest inbound message is marked read on WhatsApp
// (which marks the earlier ones too). The hooks record the request; the worker delivers it.

migrate(
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.fields.add(new TextField({ name: 'read_receipt_wamid', max: 300 }));
    conversations.fields.add(new TextField({ name: 'read_receipt_sent_wamid', max: 300 }));
    app.save(conversations);
    conversations.addIndex('idx_conversations_read_receipts', false, 'read_receipt_wamid', "read_receipt_wamid != ''");
    app.save(conversations);
  },
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.removeIndex('idx_conversations_read_receipts');
    conversations.fields.removeByName('read_receipt_wamid');
    conversations.fields.removeByName('read_receipt_sent_wamid');
    app.save(conversations);
  },
);
