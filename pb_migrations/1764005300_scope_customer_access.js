/// <reference path="../.pocketbase/types.d.ts" />
// Customer privacy (issue #13): a customer's record is visible and editable only to staff who can see one of the
// customer's conversations; until now every agent could list every contact (phone, name, attributes) and edit any.
// The same review closed smaller holes of the same kind, each marked below. The README's "API rules" table is the
// readable form of these rules; tests/integration/access-rules.test.ts checks every cell of it.

const isAgent = '@request.auth.collectionName = "agents"';
const isAdmin = `${isAgent} && @request.auth.role = "admin"`;
const unset = (fields) => fields.map((f) => `@request.body.${f}:isset = false`).join(' && ');

/**
 * Who may see a conversation, `p` being the path to it. A team-less manager's empty team list compares equal to a
 * team-less conversation (PocketBase coalesces NULL to ""), so the manager branch needs a real team; `teamFix`
 * false rebuilds the rule as it was before this migration, for the down step.
 */
const canSeeConversation = (p, teamFix) =>
  `${isAgent} && (@request.auth.role = "admin"` +
  ` || ${p}assignee = @request.auth.id` +
  ` || (${p}assignee = "" && (${p}team = "" || @request.auth.teams.id ?= ${p}team))` +
  ` || (@request.auth.role = "manager" && ${teamFix ? `${p}team != "" && ` : ''}@request.auth.teams.id ?= ${p}team))`;
// Offers (1764002100) let the offered agent read the conversation and its thread, not write to it.
const canRead = (p, teamFix) => `(${canSeeConversation(p, teamFix)}) || (${isAgent} && ${p}offered_to = @request.auth.id)`;

/**
 * The same conditions over the customer's conversations: a back-relation, so every comparison is "any" (`?=`), and
 * all of them are evaluated on the same joined conversation row. A customer without conversations is a NULL row,
 * which PocketBase would compare equal to "": the `id ?!= ""` guard keeps such customers admin-only.
 */
const v = 'conversations_via_contact.';
const seesCustomer =
  `${isAgent} && (@request.auth.role = "admin" || (${v}id ?!= "" && (` +
  `${v}assignee ?= @request.auth.id || ${v}offered_to ?= @request.auth.id` +
  ` || (${v}assignee ?= "" && (${v}team ?= "" || @request.auth.teams.id ?= ${v}team))` +
  ` || (@request.auth.role = "manager" && ${v}team ?!= "" && @request.auth.teams.id ?= ${v}team))))`;

// What WhatsApp says about the customer: changing wa_id would send replies to another phone.
const identityFields = ['wa_id', 'user_id', 'parent_user_id', 'username', 'profile_name', 'last_inbound_at'];

/**
 * The customer's owner (their usual agent) moves only by an admin, or by a manager who manages a team of the
 * current owner (when there is one) and a team of the new owner (when there is one). "Manages a team" is "is a
 * manager and a member of it"; the `agents_via_teams` path checks membership on its own join, so the two owners
 * may be in different teams of the same manager.
 */
const ownerChange =
  '(@request.body.owner:isset = false || @request.auth.role = "admin" || (@request.auth.role = "manager"' +
  ' && (owner = "" || owner.teams.agents_via_teams.id ?= @request.auth.id)' +
  ' && (@request.body.owner = "" || @request.body.owner.teams.agents_via_teams.id ?= @request.auth.id)))';

const OFFER_FIELDS = ['offered_to', 'offer_expires_at', 'offer_declined'];

/** Every rule this migration sets, as it sets them (`fixed`) or as they were before (`!fixed`). */
function rules(fixed) {
  const conversationUpdate = (p) =>
    `(${canSeeConversation(p, fixed)} && ((@request.body.assignee:isset = false && @request.body.team:isset = false)` +
    ' || @request.auth.role = "admin" || @request.auth.role = "manager")) && ' +
    unset(fixed ? [...OFFER_FIELDS, 'contact', 'channel'] : OFFER_FIELDS);
  const supervises = `${isAgent} && (@request.auth.role = "admin" || (@request.auth.role = "manager"${fixed ? ' && team != ""' : ''} && @request.auth.teams.id ?= team))`;
  const agentSelfLocked = ['role', 'teams', 'skills', 'max_open', ...(fixed ? ['last_assigned_at', 'last_message_at'] : [])];
  return {
    contacts: fixed
      ? {
          listRule: seesCustomer,
          viewRule: seesCustomer,
          // Customers arrive from WhatsApp (the webhook runs as the system); an admin may still add one by hand.
          createRule: isAdmin,
          updateRule: `${seesCustomer} && ${unset(identityFields)} && ${ownerChange}`,
          deleteRule: isAdmin,
        }
      : {
          listRule: isAgent,
          viewRule: isAgent,
          createRule: isAgent,
          updateRule: `${isAgent} && (@request.body.owner:isset = false || @request.auth.role = "admin")`,
          deleteRule: isAdmin,
        },
    conversations: {
      listRule: canRead('', fixed),
      viewRule: canRead('', fixed),
      // A conversation never moves to another customer or number: that would open the other customer's record.
      updateRule: conversationUpdate(''),
    },
    messages: {
      listRule: canRead('conversation.', fixed),
      viewRule: canRead('conversation.', fixed),
      createRule:
        `${canSeeConversation('conversation.', fixed)} && @request.body.direction = "out" && @request.body.author = @request.auth.id` +
        ' && (conversation.assignee = @request.auth.id || @request.auth.role = "admin" || @request.auth.role = "manager")',
    },
    notes: {
      listRule: canRead('conversation.', fixed),
      viewRule: canRead('conversation.', fixed),
      createRule: `${canSeeConversation('conversation.', fixed)} && @request.body.author = @request.auth.id`,
    },
    routing_events: {
      listRule: canRead('conversation.', fixed),
      viewRule: canRead('conversation.', fixed),
    },
    qa_reviews: {
      listRule: `${supervises} || (${isAgent} && agent = @request.auth.id && status = "done")`,
      viewRule: `${supervises} || (${isAgent} && agent = @request.auth.id && status = "done")`,
      // Reviewers score and comment; moving a review to another agent would show it to them.
      updateRule: fixed ? `${supervises} && ${unset(['conversation', 'agent', 'team', 'period_start', 'period_end'])}` : supervises,
    },
    agents: {
      // Agents edit their own profile and shift state; routing's own bookkeeping (who was assigned last) is not theirs.
      updateRule: `${isAdmin} || (id = @request.auth.id && ${unset(agentSelfLocked)})`,
    },
  };
}

function apply(app, fixed) {
  for (const [name, collectionRules] of Object.entries(rules(fixed))) {
    const collection = app.findCollectionByNameOrId(name);
    Object.assign(collection, collectionRules);
    app.save(collection);
  }
}

migrate(
  (app) => apply(app, true),
  (app) => apply(app, false),
);
