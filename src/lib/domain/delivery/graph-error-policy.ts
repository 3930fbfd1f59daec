/** How the outbound pipeline treats a Graph API error code; stable kebab-case reasons for the UI. */
export interface ErrorPolicy {
  reason: string;
  retry: 'backoff' | 'never';
  /** Minimum wait before the next attempt, when Meta prescribes one. */
  minDelayMs: number;
}

const permanent = (reason: string): ErrorPolicy => ({ reason, retry: 'never', minDelayMs: 0 });
const transient = (reason: string, minDelayMs = 0): ErrorPolicy => ({ reason, retry: 'backoff', minDelayMs });

const byCode: Record<number, ErrorPolicy> = {
  0: permanent('token-invalid'),
  190: permanent('token-invalid'),
  10: permanent('permission-denied'),
  100: permanent('invalid-parameter'),
  131008: permanent('invalid-parameter'),
  131009: permanent('invalid-parameter'),
  131021: permanent('recipient-is-sender'),
  131026: permanent('undeliverable'),
  131047: permanent('window-closed'),
  131049: permanent('ecosystem-limit'),
  131050: permanent('marketing-opt-out'),
  130472: permanent('user-in-experiment'),
  131052: permanent('media-download-error'),
  131053: permanent('media-upload-error'),
  131062: permanent('bsuid-not-supported'),
  131042: permanent('payment-issue'),
  131045: permanent('number-not-registered'),
  133010: permanent('number-not-registered'),
  368: permanent('policy-block'),
  131031: permanent('account-locked'),
  132000: permanent('template-param-mismatch'),
  132001: permanent('template-not-found'),
  132005: permanent('template-text-too-long'),
  132007: permanent('template-policy'),
  132012: permanent('template-param-format'),
  132015: permanent('template-paused'),
  132016: permanent('template-disabled'),
  4: transient('rate-limited'),
  80007: transient('rate-limited'),
  130429: transient('throughput-limit'),
  131048: transient('spam-rate-limit', 60_000),
  131056: transient('pair-rate-limit', 6_000),
  131057: transient('account-maintenance', 60_000),
  1: transient('meta-unavailable'),
  2: transient('meta-unavailable'),
  131000: transient('meta-unavailable'),
  131016: transient('meta-unavailable'),
  133004: transient('meta-unavailable'),
};

/** Classifies a Graph error code; unknown codes are retried (a lost reply is worse than a late one). */
export function errorPolicy(code: number): ErrorPolicy {
  return byCode[code] ?? transient('unknown-error');
}

/** Exponential backoff with full jitter, capped; `random` in [0,1) is injected to keep this pure. */
export function nextAttemptDelay(attempt: number, random: number, policy: ErrorPolicy = transient('retry'), baseMs = 1_000, capMs = 15 * 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(policy.minDelayMs, Math.floor(ceiling * random));
}
