import { nextAttemptDelay } from '../delivery/graph-error-policy';

// What a push service's answer means for one device, and what follows for the notification as a whole.

/** What happened when the worker posted one push to one subscription's endpoint. */
export type PushAttempt =
  { kind: 'response'; status: number; retryAfter?: string | null } | { kind: 'network-error'; detail: string } | { kind: 'unusable-subscription' };

/**
 * `sent`: the push service accepted it. `gone`: the subscription expired or was revoked, forget it.
 * `retry`: try this device again later. `failed`: this device will never take this push (bad request, too big, key mismatch).
 */
export type DeviceOutcome = 'sent' | 'gone' | 'retry' | 'failed';

/** Classifies a push service answer (RFC 8030 §5 and §8 plus the statuses FCM, Mozilla and Apple document). */
export function deviceOutcomeOf(attempt: PushAttempt): DeviceOutcome {
  if (attempt.kind === 'network-error') return 'retry';
  if (attempt.kind === 'unusable-subscription') return 'failed';
  const { status } = attempt;
  if (status >= 200 && status < 300) return 'sent';
  if (status === 404 || status === 410) return 'gone';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'failed';
}

/** Longest wait a Retry-After header may impose; a push that late is rarely still useful. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/** Milliseconds a Retry-After header (delta-seconds or HTTP-date) asks for, bounded; 0 when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number): number {
  const value = (header ?? '').trim();
  if (!value) return 0;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : 0;
}

/** Delivery rounds before a notification is given up on (about half an hour with the capped backoff). */
export const MAX_PUSH_ATTEMPTS = 12;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 10 * 60_000;

export interface NotificationProgress {
  /** Rounds already counted on the row. */
  attempts: number;
  /** Whether this settlement follows a round of sends (it counts as an attempt) or only a claim. */
  attempted: boolean;
  /** The agent's subscriptions that still have no delivery row. */
  undelivered: number;
  /** Devices that accepted the push. */
  delivered: number;
  /** Set when a device asked to be retried this round: the wait it asked for (0 = our own backoff). */
  retryAfterMs: number | null;
}

export type NotificationSettlement = { status: 'sent' | 'failed'; attempts: number } | { status: 'pending'; attempts: number; nextAttemptAt: number };

/**
 * Decides a notification's next state: done when every current device has an answer (`sent` if at least one
 * took it), retried with jittered backoff while devices ask for it, given up after MAX_PUSH_ATTEMPTS rounds.
 * `random` in [0,1) spreads retries.
 */
export function settleNotification(progress: NotificationProgress, now: number, random: number): NotificationSettlement {
  const attempts = progress.attempts + (progress.attempted ? 1 : 0);
  const done = (): NotificationSettlement => ({ status: progress.delivered > 0 ? 'sent' : 'failed', attempts });
  if (progress.undelivered === 0) return done();
  // A device subscribed after the claim: nothing failed, so it goes out on the next claim without waiting.
  if (progress.retryAfterMs === null) return { status: 'pending', attempts, nextAttemptAt: now };
  if (attempts >= MAX_PUSH_ATTEMPTS) return done();
  const delay = nextAttemptDelay(attempts, random, { reason: 'push-retry', retry: 'backoff', minDelayMs: progress.retryAfterMs }, BASE_DELAY_MS, MAX_DELAY_MS);
  return { status: 'pending', attempts, nextAttemptAt: now + delay };
}
