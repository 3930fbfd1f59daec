// What happens to a stored webhook whose application failed (a bug, a constraint, a schema change between
// versions). It was acknowledged already, so it is never dropped: it waits and is retried a few times, then
// it stays `failed` for an operator to look at and replay.

export const MAX_APPLY_ATTEMPTS = 5;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 30 * 60_000;

export type ApplyRetry = { status: 'pending'; attempts: number; applyAfter: number } | { status: 'failed'; attempts: number };

/** The event's next state after its `attempts`-th attempt (counted before this one) failed at `now`. */
export function afterFailedApply(attempts: number, now: number): ApplyRetry {
  const made = attempts + 1;
  if (made >= MAX_APPLY_ATTEMPTS) return { status: 'failed', attempts: made };
  return { status: 'pending', attempts: made, applyAfter: now + Math.min(FIRST_RETRY_MS * 2 ** (made - 1), LONGEST_WAIT_MS) };
}
