// When a failed webhook delivery is tried again, and when an endpoint that keeps failing is paused.

/** First retry delay; each further failure doubles it up to MAX_RETRY_DELAY_MS. */
export const BASE_RETRY_DELAY_MS = 30_000;
export const MAX_RETRY_DELAY_MS = 60 * 60_000;
/** An endpoint failing for this long without one success is paused and admins are told. */
export const PAUSE_AFTER_FAILING_MS = 24 * 60 * 60_000;
/** A single delivery failing this long is given up (its conversation's later events then flow again). */
export const GIVE_UP_AFTER_MS = 3 * 24 * 60 * 60_000;

/** Milliseconds before attempt `attempts + 1`, with ±20 % jitter from `random` in [0, 1) so retries spread out. */
export function retryDelayMs(attempts: number, random: number, baseMs = BASE_RETRY_DELAY_MS): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 20);
  const delay = Math.min(baseMs * 2 ** exponent, Math.max(MAX_RETRY_DELAY_MS, baseMs));
  return Math.round(delay * (0.8 + 0.4 * random));
}

/**
 * What the worker saw: `delivered` (2xx), `gone` (410: the receiver asks us to stop), `refused` (the address is not
 * allowed: loopback or private), `retry` (anything else: other statuses, timeouts, connection errors).
 */
export type AttemptOutcome = 'delivered' | 'gone' | 'refused' | 'retry';

export interface DeliveryState {
  attempts: number;
  createdAt: number;
}

export interface EndpointState {
  failingSince: number | null;
}

export interface Settlement {
  delivery: { status: 'delivered' } | { status: 'pending'; nextAttemptAt: number } | { status: 'failed' };
  attempts: number;
  /** The endpoint's new failing-since (null once it answered). */
  failingSince: number | null;
  /** Set when the endpoint must be paused, with the reason shown to admins. */
  pause: 'gone' | 'address-refused' | 'failing-24h' | null;
}

/** Settles one attempt: the delivery's next state and what it means for its endpoint. */
export function settleAttempt(
  outcome: AttemptOutcome,
  delivery: DeliveryState,
  endpoint: EndpointState,
  now: number,
  random: number,
  baseMs = BASE_RETRY_DELAY_MS,
): Settlement {
  const attempts = delivery.attempts + 1;
  if (outcome === 'delivered') return { delivery: { status: 'delivered' }, attempts, failingSince: null, pause: null };
  const failingSince = endpoint.failingSince ?? now;
  // A paused endpoint keeps its deliveries pending: resuming it sends them, so nothing is lost while it was off.
  const retry = { status: 'pending' as const, nextAttemptAt: now + retryDelayMs(attempts, random, baseMs) };
  if (outcome === 'gone') return { delivery: retry, attempts, failingSince, pause: 'gone' };
  if (outcome === 'refused') return { delivery: retry, attempts, failingSince, pause: 'address-refused' };
  if (now - failingSince >= PAUSE_AFTER_FAILING_MS) return { delivery: retry, attempts, failingSince, pause: 'failing-24h' };
  if (now - delivery.createdAt >= GIVE_UP_AFTER_MS) return { delivery: { status: 'failed' }, attempts, failingSince, pause: null };
  return { delivery: retry, attempts, failingSince, pause: null };
}

/** The outcome an HTTP answer stands for. */
export function outcomeOfStatus(status: number): AttemptOutcome {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 410) return 'gone';
  return 'retry';
}
