/// <reference path="../.pocketbase/types.d.ts" />
// Snooze (issue #17): a conversation leaves the queue's active lists until `snoozed_until` or until the customer
// writes (`snooze_reason`: `until-time` | `until-customer`; empty when awake). Only the snooze route writes these
// (it asks the desk authorization), so the collection API may not; the sweep that wakes due conversations each
// minute reads them through the partial index. A wake tells the owner with a `snooze` notification.

const LOCKED = ' && @request.body.snoozed_until:isset = false && @request.body.snooze_reason:isset = false';

migrate(
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.fields.add(new DateField({ name: 'snoozed_until' }));
    conversations.fields.add(new SelectField({ name: 'snooze_reason', values: ['until-time', 'until-customer'], maxSelect: 1 }));
    conversations.updateRule = `${conversations.updateRule}${LOCKED}`;
    conversations.indexes = [
      ...conversations.indexes,
      "CREATE INDEX idx_conversations_snoozed ON conversations (snoozed_until) WHERE snooze_reason = 'until-time'",
    ];
    app.save(conversations);

    const notifications = app.findCollectionByNameOrId('notifications');
    const kind = notifications.fields.getByName('kind');
    kind.values = [...kind.values, 'snooze'];
    app.save(notifications);
  },
  (app) => {
    const notifications = app.findCollectionByNameOrId('notifications');
    const kind = notifications.fields.getByName('kind');
    kind.values = kind.values.filter((v) => v !== 'snooze');
    app.save(notifications);

    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.updateRule = conversations.updateRule.replace(LOCKED, '');
    conversations.indexes = conversations.indexes.filter((sql) => !sql.includes('idx_conversations_snoozed'));
    conversations.fields.removeByName('snoozed_until');
    conversations.fields.removeByName('snooze_reason');
    app.save(conversations);
  },
);
