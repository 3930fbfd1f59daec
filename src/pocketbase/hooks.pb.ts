// Registrations only. PocketBase recompiles each handler's source in a pooled VM, so a handler cannot see
// anything declared in this file: each one requires the bundle and delegates.

routerAdd('GET', '/api/whatsapp/webhook', (e) => require(`${__hooks}/app.js`).handleWebhookVerify(e));
routerAdd('POST', '/api/whatsapp/webhook', (e) => require(`${__hooks}/app.js`).handleWebhookPost(e));

onRecordCreateRequest((e) => require(`${__hooks}/app.js`).guardOutboundReply(e), 'messages');
