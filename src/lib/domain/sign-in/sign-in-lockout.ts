// Per-account protection against password guessing. The per-IP rate limit cannot tell one attacker from an office
// behind one NAT; this counts failures per account instead, so guessing one account locks only that account, and
// only its password sign-in: tokens already issued (and their refresh) keep working.

/** How many failures lock an account, over which window, and for how long. */
export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
  /** The first lock; each further lock doubles it, up to `maxLockMs`. */
  lockMs: number;
  maxLockMs: number;
  /** After this long without a failure (and outside a lock) the account's history is forgotten. */
  forgetAfterMs: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxLockMs: 24 * 60 * 60_000,
  forgetAfterMs: 24 * 60 * 60_000,
};

/** What is remembered about one sign-in identity (epoch ms; 0 = never). */
export interface SignInHistory {
  /** Failures in the current window. */
  failures: number;
  windowStartedAt: number;
  lastFailureAt: number;
  /** 0 when not locked. */
  lockedUntil: number;
  /** Locks so far: the next one lasts lockMs · 2^locks. */
  locks: number;
}

export type SignInCheck = { ok: true } | { ok: false; reason: 'sign-in-locked'; retryAfterMs: number };

const FRESH: SignInHistory = { failures: 0, windowStartedAt: 0, lastFailureAt: 0, lockedUntil: 0, locks: 0 };

function isForgotten(history: SignInHistory, now: number, policy: LockoutPolicy): boolean {
  return now >= Math.max(history.lastFailureAt, history.lockedUntil) + policy.forgetAfterMs;
}

/** Whether a password sign-in for this identity may be tried at `now`. */
export function checkSignIn(history: SignInHistory | null, now: number): SignInCheck {
  if (!history || history.lockedUntil <= now) return { ok: true };
  return { ok: false, reason: 'sign-in-locked', retryAfterMs: history.lockedUntil - now };
}

/** The history after a failed password at `now`: the failure that reaches the limit starts a lock. */
export function recordFailure(history: SignInHistory | null, now: number, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY): SignInHistory {
  const past = !history || isForgotten(history, now, policy) ? FRESH : history;
  const windowOpen = past.failures > 0 && now - past.windowStartedAt < policy.windowMs;
  const failures = windowOpen ? past.failures + 1 : 1;
  const windowStartedAt = windowOpen ? past.windowStartedAt : now;
  if (failures < policy.maxFailures)
    return { ...past, failures, windowStartedAt, lastFailureAt: now, lockedUntil: past.lockedUntil > now ? past.lockedUntil : 0 };
  const lockMs = Math.min(policy.lockMs * 2 ** past.locks, policy.maxLockMs);
  return { failures: 0, windowStartedAt: 0, lastFailureAt: now, lockedUntil: now + lockMs, locks: past.locks + 1 };
}
