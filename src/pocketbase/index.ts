// First: configures zod before any schema parses while the bundle loads.
import './zod-config';
// The bundle loaded by pb_hooks/pocketdesk.pb.js: every handler the entry file registers.
export { applyInboxEntry, handleApplyWebhooks, handleWebhookBacklog, runWebhookApplier } from './webhook-apply';
export { checkConfigAtBootstrap } from './config';
export { ensureInboxAfterBootstrap } from './webhook-inbox';
export { guardOutboundReply } from './outbound-replies';
export { beginSend, claimMedia, claimOutbound, recordOutboundResult } from './outbox';
export { pushPublicKey } from './security-headers';
export { claimNotifications, recordPushResults } from './push-outbox';
export { handleAssign, handleRoutingPreview } from './assignment-routes';
export { afterAgentUpdate, afterConversationUpdate, beforeConversationUpdate } from './conversation-lifecycle';
export { guardChannelSettings } from './channel-settings';
export { acceptWrittenToken, hideChannelToken, keepKeyFileOutOfBackups, sealChannelToken, sealStoredTokensAfterBootstrap } from './channel-tokens';
export { claimReadReceipts, handleMarkRead, recordReadReceipt } from './read-receipts';
export { auditCreate, auditDelete, auditUpdate } from './audit';
export { eraseCustomerData, exportCustomerData } from './customer-data';
export { resolveSilentBotConversations } from './faq-bot';
export { handleMetrics } from './metrics';
export { handleBenchSeed } from './bench-seed';
export { handleMetricsOverview } from './metrics-overview';
export { handleSearch } from './search';
export { handleSlaSweep, runSlaSweep } from './sla';
export { handleWaitingPushSweep, runWaitingPushSweep } from './waiting-push';
export { guardQaReview, handleQaSample, runQaSampling } from './qa-reviews';
export { handleHeartbeat } from './agent-heartbeat';
export { handlePresenceSweep, runPresenceSweep } from './agent-presence';
export { guardShiftToggle, handleSaveShiftSchedule } from './shift-schedules';
export { handleOfferAnswer, handleOfferSweep, runOfferSweep } from './offers';
export { guardPasswordSignIn } from './sign-in-protection';
export { applyTrustedProxyAfterBootstrap } from './trusted-proxy';
export { forgetEndpoints, recordIntegrationEvents } from './integration-events';
export { guardEndpoint, hideEndpointSecret, replayDelivery, rotateEndpointSecret } from './integration-endpoints';
export { claimWebhooks, recordWebhookResults } from './webhook-outbox';
export { handleWaitingSweep, runWaitingSweep } from './chat-waiting';
export { auditKeyList, auditKeyRecordRequest, createApiKey, guardApiKeyFlag, revokeApiKey } from './api-keys';
export { handleDeactivateAgent, handleInviteAgent, handleReactivateAgent } from './people-routes';
export { handleRemoveTeam } from './team-removal';
export { guardLabel } from './label-guard';
export { guardDeskSettings } from './desk-settings-guard';
export { guardChannelService, guardTeamSettings, handleSaveTeamQa } from './service-settings';
export { guardContactEdit } from './contact-guard';
export { handleChannelHealth, handleReplayWebhook } from './operations';
export { handleSnooze, handleSnoozeSweep, runSnoozeSweep } from './snooze';
export { guardChannelConnection, handleChannelConnection, handleCheckConnection } from './channel-connection';
export { handlePullTemplates } from './template-pull';
export { handleChannelDiagnosis } from './channel-health';
export {
  handleClaimIntentTraining,
  handleIntentHistory,
  handleIntentTrainingReport,
  handleSaveIntentSettings,
  handleTrainNow,
  runScheduledIntentTraining,
} from './intent-models';
export { handleInboxTexts, handleMessageIntents } from './intent-inbox';
export { recordEditCorrection } from './intent-corrections';
export { runInterleavedSweep } from './interleave-seam';
export { applyRequestToFreshRow } from './fresh-request-updates';
