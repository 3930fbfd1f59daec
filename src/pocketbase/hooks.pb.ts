// Registrations only. PocketBase recompiles each handler's source in a pooled VM, so a handler cannot see
// anything declared in this file: each one requires a bundle and delegates — edge.js on the hot paths (the PWA's
// files, webhook acknowledgements), app.js for the rest (see src/pocketbase/edge.ts).

// API keys: made and revoked by admins; every use of one audited, a read-only key's writes refused (all collections).
// First in the file: PocketBase runs handlers in registration order, and a refused key must not reach the guards.
routerAdd('POST', '/api/pocketdesk/integrations/api-keys', (e) => require(`${__hooks}/app.js`).createApiKey(e));
routerAdd('POST', '/api/pocketdesk/integrations/api-keys/{id}/revoke', (e) => require(`${__hooks}/app.js`).revokeApiKey(e));
onRecordCreateRequest((e) => require(`${__hooks}/app.js`).guardApiKeyFlag(e), 'agents');
onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).guardApiKeyFlag(e), 'agents');
onRecordsListRequest((e) => require(`${__hooks}/app.js`).auditKeyList(e));
onRecordViewRequest((e) => require(`${__hooks}/app.js`).auditKeyRecordRequest(e));
onRecordCreateRequest((e) => require(`${__hooks}/app.js`).auditKeyRecordRequest(e));
onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).auditKeyRecordRequest(e));
onRecordDeleteRequest((e) => require(`${__hooks}/app.js`).auditKeyRecordRequest(e));

// Tests only: a sweep committing between a records-API update's read and its save (src/pocketbase/interleave-seam.ts).
if ($os.getenv('POCKETDESK_TEST_INTERLEAVE') === '1') onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).runInterleavedSweep(e));
// No lost updates: a records-API update is applied to the row as it stands, under the writer lock (before the guards).
onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).applyRequestToFreshRow(e), 'conversations', 'agents', 'contacts', 'channels', 'messages');

routerAdd('GET', '/api/whatsapp/webhook', (e) => require(`${__hooks}/edge.js`).handleWebhookVerify(e));
routerAdd('POST', '/api/whatsapp/webhook', (e) => require(`${__hooks}/edge.js`).handleWebhookPost(e));
routerAdd('POST', '/api/pocketdesk/worker/apply-webhooks', (e) => require(`${__hooks}/app.js`).handleApplyWebhooks(e));
cronAdd('pocketdesk-webhook-applier', '* * * * *', () => require(`${__hooks}/app.js`).runWebhookApplier());
routerAdd('GET', '/api/pocketdesk/webhooks/backlog', (e) => require(`${__hooks}/app.js`).handleWebhookBacklog(e));
onBootstrap((e) => require(`${__hooks}/app.js`).checkConfigAtBootstrap(e));
onBootstrap((e) => require(`${__hooks}/app.js`).ensureInboxAfterBootstrap(e));

onRecordCreateRequest((e) => require(`${__hooks}/app.js`).guardOutboundReply(e), 'messages');

routerAdd('POST', '/api/pocketdesk/worker/claim-outbound', (e) => require(`${__hooks}/app.js`).claimOutbound(e));
routerAdd('POST', '/api/pocketdesk/worker/begin-send', (e) => require(`${__hooks}/app.js`).beginSend(e));
routerAdd('POST', '/api/pocketdesk/worker/outbound-result', (e) => require(`${__hooks}/app.js`).recordOutboundResult(e));
routerAdd('POST', '/api/pocketdesk/worker/claim-media', (e) => require(`${__hooks}/app.js`).claimMedia(e));

// The PWA's files (build/pwa beside pb_hooks, index fallback for its routes) with their security headers and gzip.
// A route of our own rather than a global middleware: a JS middleware holds a pooled VM until the response ends,
// so around every API call it doubled the VMs in use, and around each realtime stream it held one for as long as
// an agent's app stayed open (45 open apps took a JS route from 2,578 to 14 req/s).
routerAdd('GET', '/{path...}', $apis.static($os.dirFS(`${__hooks}/../build/pwa`), true), (e) => require(`${__hooks}/edge.js`).handleAppShell(e));
routerAdd('GET', '/api/pocketdesk/push/public-key', (e) => require(`${__hooks}/app.js`).pushPublicKey(e));
routerAdd('POST', '/api/pocketdesk/worker/claim-notifications', (e) => require(`${__hooks}/app.js`).claimNotifications(e));
routerAdd('POST', '/api/pocketdesk/worker/push-results', (e) => require(`${__hooks}/app.js`).recordPushResults(e));

routerAdd('POST', '/api/pocketdesk/conversations/{id}/assign', (e) => require(`${__hooks}/app.js`).handleAssign(e));
routerAdd('GET', '/api/pocketdesk/conversations/{id}/routing-preview', (e) => require(`${__hooks}/app.js`).handleRoutingPreview(e));
onRecordAfterUpdateSuccess((e) => require(`${__hooks}/app.js`).afterAgentUpdate(e), 'agents');
onRecordUpdate((e) => require(`${__hooks}/app.js`).beforeConversationUpdate(e), 'conversations');
onRecordAfterUpdateSuccess((e) => require(`${__hooks}/app.js`).afterConversationUpdate(e), 'conversations');
onRecordCreateRequest((e) => require(`${__hooks}/app.js`).guardChannelSettings(e), 'channels');
onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).guardChannelSettings(e), 'channels');
// Channel access tokens: sealed before they are stored, left out of every answer, checked against the key at start.
onRecordCreateRequest((e) => require(`${__hooks}/app.js`).acceptWrittenToken(e), 'channels');
onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).acceptWrittenToken(e), 'channels');
// Numbers connected from the app: the form's schema, a verify token of their own (src/pocketbase/channel-connection.ts).
onRecordCreateRequest((e) => require(`${__hooks}/app.js`).guardChannelConnection(e), 'channels');
onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).guardChannelConnection(e), 'channels');
onRecordCreate((e) => require(`${__hooks}/app.js`).sealChannelToken(e), 'channels');
onRecordUpdate((e) => require(`${__hooks}/app.js`).sealChannelToken(e), 'channels');
onRecordEnrich((e) => require(`${__hooks}/app.js`).hideChannelToken(e), 'channels');
onBootstrap((e) => require(`${__hooks}/app.js`).sealStoredTokensAfterBootstrap(e));
onBackupCreate((e) => require(`${__hooks}/app.js`).keepKeyFileOutOfBackups(e));
onBackupRestore((e) => require(`${__hooks}/app.js`).keepKeyFileOutOfBackups(e));
routerAdd('POST', '/api/pocketdesk/heartbeat', (e) => require(`${__hooks}/app.js`).handleHeartbeat(e));
routerAdd('POST', '/api/pocketdesk/conversations/{id}/read', (e) => require(`${__hooks}/app.js`).handleMarkRead(e));
routerAdd('POST', '/api/pocketdesk/worker/claim-read-receipts', (e) => require(`${__hooks}/app.js`).claimReadReceipts(e));
routerAdd('POST', '/api/pocketdesk/worker/read-receipt-sent', (e) => require(`${__hooks}/app.js`).recordReadReceipt(e));

// Labels: the app's own schema, on every create and update (src/lib/schemas/label.ts).
onRecordCreateRequest((e) => require(`${__hooks}/app.js`).guardLabel(e), 'labels');
onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).guardLabel(e), 'labels');

// The desk's own settings (business name, time zone): the form's schema (src/lib/schemas/desk-settings.ts).
onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).guardDeskSettings(e), 'desk_settings');

// Service settings: SLA policies on channels, weekly QA on teams, checked with the sweeps' own schemas.
onRecordCreateRequest((e) => require(`${__hooks}/app.js`).guardChannelService(e), 'channels');
onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).guardChannelService(e), 'channels');
onRecordCreateRequest((e) => require(`${__hooks}/app.js`).guardTeamSettings(e), 'teams');
onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).guardTeamSettings(e), 'teams');

// Customers edited in a conversation's details: the form's own schema (src/lib/schemas/contact-edit.ts).
onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).guardContactEdit(e), 'contacts');

// Audit handlers are registered after the guards so that they only see requests the guards let through.
onRecordCreateRequest((e) => require(`${__hooks}/app.js`).auditCreate(e), 'agents', 'channels', 'teams', 'templates', 'canned_replies', 'labels', 'messages');
onRecordUpdateRequest(
  (e) => require(`${__hooks}/app.js`).auditUpdate(e),
  'agents',
  'channels',
  'teams',
  'templates',
  'canned_replies',
  'labels',
  'conversations',
  'contacts',
  'desk_settings',
);
onRecordDeleteRequest(
  (e) => require(`${__hooks}/app.js`).auditDelete(e),
  'agents',
  'channels',
  'teams',
  'templates',
  'canned_replies',
  'labels',
  'conversations',
  'contacts',
  'messages',
  'notes',
);

routerAdd('GET', '/api/pocketdesk/contacts/{id}/export', (e) => require(`${__hooks}/app.js`).exportCustomerData(e));
routerAdd('POST', '/api/pocketdesk/contacts/{id}/erase', (e) => require(`${__hooks}/app.js`).eraseCustomerData(e));

cronAdd('pocketdesk-bot-timeouts', '* * * * *', () => require(`${__hooks}/app.js`).resolveSilentBotConversations());
routerAdd('GET', '/api/pocketdesk/metrics', (e) => require(`${__hooks}/app.js`).handleMetrics(e));
routerAdd('POST', '/api/pocketdesk/bench/seed', (e) => require(`${__hooks}/app.js`).handleBenchSeed(e));
routerAdd('GET', '/api/pocketdesk/search', (e) => require(`${__hooks}/app.js`).handleSearch(e));
routerAdd('GET', '/api/pocketdesk/metrics/overview', (e) => require(`${__hooks}/app.js`).handleMetricsOverview(e));
routerAdd('POST', '/api/pocketdesk/worker/sla-sweep', (e) => require(`${__hooks}/app.js`).handleSlaSweep(e));
cronAdd('pocketdesk-sla', '* * * * *', () => require(`${__hooks}/app.js`).runSlaSweep());
routerAdd('POST', '/api/pocketdesk/worker/waiting-push-sweep', (e) => require(`${__hooks}/app.js`).handleWaitingPushSweep(e));
cronAdd('pocketdesk-waiting-push', '* * * * *', () => require(`${__hooks}/app.js`).runWaitingPushSweep());
routerAdd('POST', '/api/pocketdesk/worker/qa-sample', (e) => require(`${__hooks}/app.js`).handleQaSample(e));
cronAdd('pocketdesk-qa-sample', '15 3 * * *', () => require(`${__hooks}/app.js`).runQaSampling());
onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).guardQaReview(e), 'qa_reviews');
routerAdd('POST', '/api/pocketdesk/worker/presence-sweep', (e) => require(`${__hooks}/app.js`).handlePresenceSweep(e));
cronAdd('pocketdesk-presence', '* * * * *', () => require(`${__hooks}/app.js`).runPresenceSweep());
// Shift schedules: saved through their route (agent, manager of their team, admin); a status toggle overrides one.
routerAdd('POST', '/api/pocketdesk/agents/{id}/shift-schedule', (e) => require(`${__hooks}/app.js`).handleSaveShiftSchedule(e));
onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).guardShiftToggle(e), 'agents');
routerAdd('POST', '/api/pocketdesk/conversations/{id}/offer', (e) => require(`${__hooks}/app.js`).handleOfferAnswer(e));
routerAdd('POST', '/api/pocketdesk/worker/offer-sweep', (e) => require(`${__hooks}/app.js`).handleOfferSweep(e));
cronAdd('pocketdesk-offers', '* * * * *', () => require(`${__hooks}/app.js`).runOfferSweep());
// Sign-in protection: failed passwords counted per account (the per-IP limit is sized for an office behind one NAT).
// Superusers are left out: the worker re-signs-in as one with its password, and a lock on it would stop delivery.
onRecordAuthWithPasswordRequest((e) => require(`${__hooks}/app.js`).guardPasswordSignIn(e), 'agents');
onBootstrap((e) => require(`${__hooks}/app.js`).applyTrustedProxyAfterBootstrap(e));
// Integrations (issue #21): events written with the save that causes them; endpoints checked; the worker delivers.
onRecordCreate((e) => require(`${__hooks}/app.js`).recordIntegrationEvents(e), 'conversations', 'messages', 'contacts');
onRecordUpdate((e) => require(`${__hooks}/app.js`).recordIntegrationEvents(e), 'conversations', 'messages', 'contacts');
// The hooks keep the endpoints that want events in a shared cache (integration-events.ts); a committed change drops it.
onRecordAfterCreateSuccess((e) => require(`${__hooks}/app.js`).forgetEndpoints(e), 'webhook_endpoints');
onRecordAfterUpdateSuccess((e) => require(`${__hooks}/app.js`).forgetEndpoints(e), 'webhook_endpoints');
onRecordAfterDeleteSuccess((e) => require(`${__hooks}/app.js`).forgetEndpoints(e), 'webhook_endpoints');
onRecordCreateRequest((e) => require(`${__hooks}/app.js`).guardEndpoint(e), 'webhook_endpoints');
onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).guardEndpoint(e), 'webhook_endpoints');
onRecordEnrich((e) => require(`${__hooks}/app.js`).hideEndpointSecret(e), 'webhook_endpoints');
onRecordCreateRequest((e) => require(`${__hooks}/app.js`).auditCreate(e), 'webhook_endpoints');
onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).auditUpdate(e), 'webhook_endpoints');
onRecordDeleteRequest((e) => require(`${__hooks}/app.js`).auditDelete(e), 'webhook_endpoints');
routerAdd('POST', '/api/pocketdesk/integrations/endpoints/{id}/secret', (e) => require(`${__hooks}/app.js`).rotateEndpointSecret(e));
routerAdd('POST', '/api/pocketdesk/integrations/deliveries/{id}/replay', (e) => require(`${__hooks}/app.js`).replayDelivery(e));
routerAdd('POST', '/api/pocketdesk/worker/claim-webhooks', (e) => require(`${__hooks}/app.js`).claimWebhooks(e));
routerAdd('POST', '/api/pocketdesk/worker/webhook-results', (e) => require(`${__hooks}/app.js`).recordWebhookResults(e));
routerAdd('POST', '/api/pocketdesk/worker/integration-sweep', (e) => require(`${__hooks}/app.js`).handleWaitingSweep(e));
cronAdd('pocketdesk-integration-waiting', '* * * * *', () => require(`${__hooks}/app.js`).runWaitingSweep());
// People from the app (admins): invitations, deactivation, team removal (src/pocketbase/people-routes.ts).
routerAdd('POST', '/api/pocketdesk/agents', (e) => require(`${__hooks}/app.js`).handleInviteAgent(e));
routerAdd('POST', '/api/pocketdesk/agents/{id}/deactivate', (e) => require(`${__hooks}/app.js`).handleDeactivateAgent(e));
routerAdd('POST', '/api/pocketdesk/agents/{id}/reactivate', (e) => require(`${__hooks}/app.js`).handleReactivateAgent(e));
routerAdd('POST', '/api/pocketdesk/teams/{id}/remove', (e) => require(`${__hooks}/app.js`).handleRemoveTeam(e));
routerAdd('POST', '/api/pocketdesk/teams/{id}/qa', (e) => require(`${__hooks}/app.js`).handleSaveTeamQa(e));
routerAdd('POST', '/api/pocketdesk/webhooks/{id}/replay', (e) => require(`${__hooks}/app.js`).handleReplayWebhook(e));
routerAdd('GET', '/api/pocketdesk/channels/health', (e) => require(`${__hooks}/app.js`).handleChannelHealth(e));
// Snooze (issue #17): snoozed or woken through the desk's authorization; due snoozes woken each minute, phones on or off.
routerAdd('POST', '/api/pocketdesk/conversations/{id}/snooze', (e) => require(`${__hooks}/app.js`).handleSnooze(e));
routerAdd('POST', '/api/pocketdesk/worker/snooze-sweep', (e) => require(`${__hooks}/app.js`).handleSnoozeSweep(e));
cronAdd('pocketdesk-snooze', '* * * * *', () => require(`${__hooks}/app.js`).runSnoozeSweep());
// First-run setup and channels (admins): what to paste into Meta, and "Check connection" against the Graph API.
routerAdd('GET', '/api/pocketdesk/channels/{id}/connection', (e) => require(`${__hooks}/app.js`).handleChannelConnection(e));
routerAdd('POST', '/api/pocketdesk/channels/{id}/check-connection', (e) => require(`${__hooks}/app.js`).handleCheckConnection(e));
routerAdd('POST', '/api/pocketdesk/channels/{id}/pull-templates', (e) => require(`${__hooks}/app.js`).handlePullTemplates(e));
// A number's history import and health line (admins): src/pocketbase/channel-health.ts.
routerAdd('GET', '/api/pocketdesk/channels/{id}/health', (e) => require(`${__hooks}/app.js`).handleChannelDiagnosis(e));
// Hybrid routing (issue #20): the worker predicts waiting messages' intents and trains models; admins train and switch on.
routerAdd('POST', '/api/pocketdesk/intents/train', (e) => require(`${__hooks}/app.js`).handleTrainNow(e));
routerAdd('POST', '/api/pocketdesk/intents/settings', (e) => require(`${__hooks}/app.js`).handleSaveIntentSettings(e));
routerAdd('POST', '/api/pocketdesk/worker/claim-intent-training', (e) => require(`${__hooks}/app.js`).handleClaimIntentTraining(e));
routerAdd('POST', '/api/pocketdesk/worker/intent-training', (e) => require(`${__hooks}/app.js`).handleIntentTrainingReport(e));
routerAdd('POST', '/api/pocketdesk/worker/intent-history', (e) => require(`${__hooks}/app.js`).handleIntentHistory(e));
routerAdd('POST', '/api/pocketdesk/worker/inbox-texts', (e) => require(`${__hooks}/app.js`).handleInboxTexts(e));
routerAdd('POST', '/api/pocketdesk/worker/message-intents', (e) => require(`${__hooks}/app.js`).handleMessageIntents(e));
cronAdd('pocketdesk-intent-training', '30 2 * * *', () => require(`${__hooks}/app.js`).runScheduledIntentTraining());
onRecordUpdateRequest((e) => require(`${__hooks}/app.js`).recordEditCorrection(e), 'conversations');
