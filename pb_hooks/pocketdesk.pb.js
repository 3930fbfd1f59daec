"use strict";
routerAdd("GET", "/api/whatsapp/webhook", (e) => require(`${__hooks}/app.js`).handleWebhookVerify(e));
routerAdd("POST", "/api/whatsapp/webhook", (e) => require(`${__hooks}/app.js`).handleWebhookPost(e));
onRecordCreateRequest((e) => require(`${__hooks}/app.js`).guardOutboundReply(e), "messages");
