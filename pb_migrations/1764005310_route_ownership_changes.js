/// <reference path="../.pocketbase/types.d.ts" />
// Ownership moves only through the desk routes (issue #13): a conversation's `assignee` and `team` can no longer be
// written through the collection API, by managers or admins. The routes decide who may move what to whom in one
// place (src/lib/domain/access/desk-authorization.ts) and check capacity under the writer lock; the collection rule
// let a manager move any conversation they could see to any team or agent, past both.

const isAgent = '@request.auth.collectionName = "agents"';
const unset = (fields) => fields.map((f) => `@request.body.${f}:isset = false`).join(' && ');

// The conversations view rule as 1764005300 left it (a manager's branch needs a real team).
const canSeeConversation =
  `${isAgent} && (@request.auth.role = "admin"` +
  ' || assignee = @request.auth.id' +
  ' || (assignee = "" && (team = "" || @request.auth.teams.id ?= team))' +
  ' || (@request.auth.role = "manager" && team != "" && @request.auth.teams.id ?= team))';

const LOCKED = ['offered_to', 'offer_expires_at', 'offer_declined', 'contact', 'channel'];

const ruleNow = `${canSeeConversation} && ${unset(['assignee', 'team', ...LOCKED])}`;
const ruleBefore =
  `(${canSeeConversation} && ((@request.body.assignee:isset = false && @request.body.team:isset = false)` +
  ` || @request.auth.role = "admin" || @request.auth.role = "manager")) && ${unset(LOCKED)}`;

migrate(
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.updateRule = ruleNow;
    app.save(conversations);
  },
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.updateRule = ruleBefore;
    app.save(conversations);
  },
);
