/// <reference path="../.pocketbase/types.d.ts" />
// People from the app (issue #16): an admin deactivates a colleague (who can then no longer sign in; their history
// stays) and never changes their own role; teams are removed only through POST /api/pocketdesk/teams/{id}/remove,
// which moves the team's conversations first (a plain delete left them team-less, seen by admins only).

const isAgent = '@request.auth.collectionName = "agents"';
const isAdmin = `${isAgent} && @request.auth.role = "admin"`;
const unset = (fields) => fields.map((f) => `@request.body.${f}:isset = false`).join(' && ');
const SELF_LOCKED = ['role', 'teams', 'skills', 'max_open', 'last_assigned_at', 'last_message_at'];

// As 1764005300 left them, for the down step.
const before = {
  agentsUpdate: `${isAdmin} || (id = @request.auth.id && ${unset(SELF_LOCKED)})`,
  agentsAuth: '',
  teamsDelete: isAdmin,
};
const now = {
  // Deactivation moves conversations and revokes sessions: only the route does it.
  agentsUpdate:
    `(${isAdmin} && ${unset(['deactivated_at'])} && (id != @request.auth.id || ${unset(['role'])}))` +
    ` || (id = @request.auth.id && ${unset([...SELF_LOCKED, 'deactivated_at'])})`,
  agentsAuth: 'deactivated_at = ""',
  teamsDelete: null,
};

function apply(app, rules, withField) {
  const agents = app.findCollectionByNameOrId('agents');
  if (withField && !agents.fields.getByName('deactivated_at')) agents.fields.add(new DateField({ name: 'deactivated_at' }));
  agents.updateRule = rules.agentsUpdate;
  agents.authRule = rules.agentsAuth;
  app.save(agents);
  const teams = app.findCollectionByNameOrId('teams');
  teams.deleteRule = rules.teamsDelete;
  app.save(teams);
}

migrate(
  (app) => apply(app, now, true),
  (app) => {
    apply(app, before, false);
    const agents = app.findCollectionByNameOrId('agents');
    agents.fields.removeByName('deactivated_at');
    app.save(agents);
  },
);
