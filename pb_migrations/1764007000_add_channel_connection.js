/// <reference path="../.pocketbase/types.d.ts" />
// Connecting a number from the app (issue #16):
// - channels.verify_token: the token the admin pastes into Meta's app settings; Meta's handshake carrying it marks
//   this channel verified. Hidden: only the admins' connection route reads it.
// - channels.webhook_verified_at: the last successful verification handshake for the channel.
// - channels.disabled: an admin switched the number off; its inbound messages are not applied and nothing is sent
//   from it. A new field rather than `active`, which older channels may have left unset.
// - channels.connection_check: the outcome of the last "Check connection" against the Graph API (no secret in it).

migrate(
  (app) => {
    const channels = app.findCollectionByNameOrId('channels');
    channels.fields.add(new TextField({ name: 'verify_token', max: 200, hidden: true }));
    channels.fields.add(new DateField({ name: 'webhook_verified_at' }));
    channels.fields.add(new BoolField({ name: 'disabled' }));
    channels.fields.add(new JSONField({ name: 'connection_check', maxSize: 5_000 }));
    app.save(channels);
  },
  (app) => {
    const channels = app.findCollectionByNameOrId('channels');
    for (const field of ['verify_token', 'webhook_verified_at', 'disabled', 'connection_check']) channels.fields.removeByName(field);
    app.save(channels);
  },
);
