/// <reference path="../.pocketbase/types.d.ts" />
// "Why is this mine?" says what made a conversation urgent: the routing log keeps the priority the routing decision
// gave it and each signal's points (urgent or unhappy words, VIP, escalated or handed over before, low ratings,
// reopens, slow past conversations, the intent's expected complexity, the reply window closing). Written by the
// server only, like the rest of the log.

migrate(
  (app) => {
    const routingEvents = app.findCollectionByNameOrId('routing_events');
    routingEvents.fields.add(new JSONField({ name: 'priority', maxSize: 10_000 }));
    app.save(routingEvents);
  },
  (app) => {
    const routingEvents = app.findCollectionByNameOrId('routing_events');
    routingEvents.fields.removeByName('priority');
    app.save(routingEvents);
  },
);
