/// <reference path="../.pocketbase/types.d.ts" />
// Push for waiting work (issue #15): when customers wait unassigned and nobody of their team is online, the team's
// subscribed agents get one `waiting` notification ("3 customers waiting"), at most one per team per N minutes
// (teams.settings.waitingPush). `team` says whose queue it counts (empty: conversations without a team) and is how
// the sweep finds the team's last push; `count` is the number waiting when it was written, for the push's words.

migrate(
  (app) => {
    const notifications = app.findCollectionByNameOrId('notifications');
    const kind = notifications.fields.getByName('kind');
    kind.values = [...kind.values, 'waiting'];
    notifications.fields.add(new RelationField({ name: 'team', collectionId: app.findCollectionByNameOrId('teams').id, maxSelect: 1, cascadeDelete: true }));
    notifications.fields.add(new NumberField({ name: 'count', min: 0, onlyInt: true }));
    notifications.indexes = [...notifications.indexes, 'CREATE INDEX idx_notifications_team_push ON notifications (kind, team, created)'];
    app.save(notifications);
  },
  (app) => {
    const notifications = app.findCollectionByNameOrId('notifications');
    notifications.indexes = notifications.indexes.filter((index) => !index.includes('idx_notifications_team_push'));
    notifications.fields.removeByName('team');
    notifications.fields.removeByName('count');
    const kind = notifications.fields.getByName('kind');
    kind.values = kind.values.filter((value) => value !== 'waiting');
    app.save(notifications);
  },
);
