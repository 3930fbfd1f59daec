import { errorPolicy, nextAttemptDelay } from './graph-error-policy';

/** What happened when the worker called the Graph API for one message. */
export type SendAttempt =
  | { kind: 'accepted'; wamid: string }
  | { kind: 'graph-error'; code: number; title: string }
  | { kind: 'network-error'; detail: string }
  | { kind: 'not-sendable'; reason: string };

/** The record update that follows an attempt. */
export type SendOutcome =
  | { status: 'sent'; wamid: string }
  | { status: 'queued'; attempts: number; nextAttemptAt: number; reason: string }
  | { status: 'failed'; attempts: number; errorCode: number; errorTitle: string; reason: string };

/** Gives up on transient errors after this many attempts (about a day with the capped backoff). */
export const MAX_ATTEMPTS = 100;

/** Decides the next state of a message after a send attempt; `random` in [0,1) spreads retries. */
export function outcomeOfAttempt(attempt: SendAttempt, previousAttempts: number, now: number, random: number): SendOutcome {
  const attempts = previousAttempts + 1;
  if (attempt.kind === 'accepted') return { status: 'sent', wamid: attempt.wamid };
  if (attempt.kind === 'not-sendable') return { status: 'failed', attempts, errorCode: 0, errorTitle: attempt.reason, reason: attempt.reason };
  const policy = attempt.kind === 'graph-error' ? errorPolicy(attempt.code) : { reason: 'network-error', retry: 'backoff' as const, minDelayMs: 0 };
  const code = attempt.kind === 'graph-error' ? attempt.code : 0;
  const title = attempt.kind === 'graph-error' ? attempt.title : attempt.detail;
  if (policy.retry === 'never' || attempts >= MAX_ATTEMPTS) return { status: 'failed', attempts, errorCode: code, errorTitle: title, reason: policy.reason };
  return { status: 'queued', attempts, nextAttemptAt: now + nextAttemptDelay(attempts, random, policy), reason: policy.reason };
}
