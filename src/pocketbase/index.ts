// First: configures zod before any schema parses while the bundle loads.
import './zod-config';
// The bundle loaded by pb_hooks/pocketdesk.pb.js: every handler the entry file registers.
export { applyInboxEntry, handleApplyWebhooks, handleWebhookBacklog, runWebhookApplier } from './webhook-apply';
export { ensureInboxAfterBootstrap } from './webhook-inbox';
export { guardOutboundReply } from './outbound-replies';
export { beginSend, claimMedia, claimOutbound, recordOutboundResult } from './outbox';
export { pushPublicKey } from './security-headers';
export { claimNotifications, recordPushResults } from './push-outbox';
export { afterAgentUpdate, afterConversationUpdate, beforeConversationUpdate, handleAssign, handleRoutingPreview } from './assignment-routes';
export { guardChannelSettings } from './channel-settings';
export { acceptWrittenToken, hideChannelToken, keepKeyFileOutOfBackups, sealChannelToken, sealStoredTokensAfterBootstrap } from './channel-tokens';
export { claimReadReceipts, handleMarkRead, recordReadReceipt } from './read-receipts';
export { auditCreate, auditDelete, auditUpdate } from './audit';
export { eraseCustomerData, exportCustomerData } from './customer-data';
export { resolveSilentBotConversations } from './faq-bot';
export { handleMetrics } from './metrics';
export { handleBenchSeed } from './bench-seed';
export { handleMetricsOverview } from './metrics-overview';
export { handleSlaSweep, runSlaSweep } from './sla';
export { guardQaReview, handleQaSample, runQaSampling } from './qa-reviews';
export { handlePresenceSweep, runPresenceSweep } from './agent-presence';
export { handleOfferAnswer, handleOfferSweep, runOfferSweep } from './offers';
export { guardPasswordSignIn } from './sign-in-protection';
export { applyTrustedProxyAfterBootstrap } from './trusted-proxy';
export { handleDeactivateAgent, handleInviteAgent, handleReactivateAgent } from './people-routes';
export { handleRemoveTeam } from './team-removal';
export { guardLabel } from './label-guard';
export { guardChannelService, guardTeamSettings, handleSaveTeamQa } from './service-settings';
