/// <reference path="../.pocketbase/types.d.ts" />
// Reactions as signals (issue #15): a customer's 👍 ❤️ 🙏 on the last agent message of a resolved conversation
// acknowledges the resolution (when and with which emoji; the dashboard counts them), and a 👎 😡 on an open one
// marks the customer as upset (the queue row and the conversation header show a warning; the priority was raised).
// Only the inbound path writes them: the collection API refuses them from agents.

const SIGNALS = ['acknowledged_at', 'acknowledged_with', 'upset_at'];
const locked = SIGNALS.map((f) => `@request.body.${f}:isset = false`).join(' && ');

migrate(
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    conversations.fields.add(new DateField({ name: 'acknowledged_at' }));
    conversations.fields.add(new TextField({ name: 'acknowledged_with', max: 32 }));
    conversations.fields.add(new DateField({ name: 'upset_at' }));
    // Appended to whatever the rule is now, so this migration composes with others that change it.
    conversations.updateRule = `(${conversations.updateRule}) && ${locked}`;
    app.save(conversations);
  },
  (app) => {
    const conversations = app.findCollectionByNameOrId('conversations');
    for (const field of SIGNALS) conversations.fields.removeByName(field);
    const rule = conversations.updateRule ?? '';
    if (rule.startsWith('(') && rule.endsWith(`) && ${locked}`)) conversations.updateRule = rule.slice(1, -`) && ${locked}`.length);
    app.save(conversations);
  },
);
