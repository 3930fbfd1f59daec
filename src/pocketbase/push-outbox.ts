import { respondError } from './api-errors';

// Placeholder routes until the push delivery lands; they refuse instead of pretending to work.

/** POST /api/pocketdesk/worker/claim-notifications */
export function claimNotifications(e: core.RequestEvent): void {
  respondError(e, 501, 'not-implemented', 'Push delivery is not implemented yet.');
}

/** POST /api/pocketdesk/worker/push-results */
export function recordPushResults(e: core.RequestEvent): void {
  respondError(e, 501, 'not-implemented', 'Push delivery is not implemented yet.');
}
