/// <reference path="../.pocketbase/types.d.ts" />
// Presence that survives a pocket (issue #15): an agent's weekly shift schedule sets them online and off (the app's
// heartbeat stops while the phone is locked, so silence says nothing about an agent on shift).
// - agents.shift_schedule: business-hours shape {timezone, weekly} (src/lib/domain/presence/shift-presence.ts);
//   agents.status_override_until: the toggle wins over the schedule until then. Only the server sets it (the
//   status change of a request with a schedule), so no request may send it.
// - conversations.covering_for: the owner whose shift had ended when routing gave this conversation to a cover.
// - teams.hand_back_to_owner: covered conversations go back to the owner when their next shift starts.

// Both are written only by the server: the schedule through POST /api/pocketdesk/agents/{id}/shift-schedule (the
// agent, an admin or a manager of their team; validated and audited there), the override by the status guard.
const LOCK = '@request.body.status_override_until:isset = false && @request.body.shift_schedule:isset = false';

migrate(
  (app) => {
    const agents = app.findCollectionByNameOrId('agents');
    agents.fields.add(new JSONField({ name: 'shift_schedule', maxSize: 20_000 }));
    agents.fields.add(new DateField({ name: 'status_override_until' }));
    agents.updateRule = `(${agents.updateRule}) && ${LOCK}`;
    app.save(agents);

    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.fields.add(new RelationField({ name: 'covering_for', collectionId: agents.id, maxSelect: 1 }));
    app.save(conversations);

    const teams = app.findCollectionByNameOrId('teams');
    teams.fields.add(new BoolField({ name: 'hand_back_to_owner' }));
    app.save(teams);
  },
  (app) => {
    const agents = app.findCollectionByNameOrId('agents');
    agents.fields.removeByName('shift_schedule');
    agents.fields.removeByName('status_override_until');
    const suffix = ` && ${LOCK}`;
    if (agents.updateRule.endsWith(suffix)) agents.updateRule = agents.updateRule.slice(1, -suffix.length - 1);
    app.save(agents);
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.fields.removeByName('covering_for');
    app.save(conversations);
    const teams = app.findCollectionByNameOrId('teams');
    teams.fields.removeByName('hand_back_to_owner');
    app.save(teams);
  },
);
