// Per-account sign-in protection: password sign-ins of an account that failed too often are refused with 429
// (`sign-in-locked`) for a while, without checking the password. Only this route is guarded: a locked account's
// existing tokens and their `auth-refresh` keep working, so whoever is already signed in on a device carries on.
import { checkSignIn, DEFAULT_LOCKOUT_POLICY, recordFailure, type SignInHistory } from '../lib/domain/sign-in/sign-in-lockout';
import { epochMs, findOne, isoDate, newRecord } from './records';

const COLLECTION = 'sign_in_attempts';

function historyOf(row: core.Record): SignInHistory {
  return {
    failures: row.getInt('failures'),
    windowStartedAt: epochMs(row, 'window_started_at') ?? 0,
    lastFailureAt: epochMs(row, 'last_failure_at') ?? 0,
    lockedUntil: epochMs(row, 'locked_until') ?? 0,
    locks: row.getInt('locks'),
  };
}

const dateOrEmpty = (ms: number) => (ms ? isoDate(ms) : '');

function saveFailure(app: core.App, identity: string, now: number): void {
  const row = findOne(app, COLLECTION, 'identity = {:identity}', { identity }) ?? newRecord(app, COLLECTION, { identity });
  const next = recordFailure(row.isNew() ? null : historyOf(row), now);
  row.set('failures', next.failures);
  row.set('window_started_at', dateOrEmpty(next.windowStartedAt));
  row.set('last_failure_at', dateOrEmpty(next.lastFailureAt));
  row.set('locked_until', dateOrEmpty(next.lockedUntil));
  row.set('locks', next.locks);
  app.save(row);
  // Typed identities (often mistyped e-mails) are kept no longer than the policy needs them.
  const cutoff = isoDate(now - DEFAULT_LOCKOUT_POLICY.forgetAfterMs);
  app
    .db()
    .newQuery(`DELETE FROM ${COLLECTION} WHERE last_failure_at < {:cutoff} AND (locked_until = '' OR locked_until < {:cutoff})`)
    .bind({ cutoff })
    .execute();
}

/** onRecordAuthWithPasswordRequest for `agents`. */
export function guardPasswordSignIn(e: core.RecordAuthWithPasswordRequestEvent): void {
  // Keyed by what was typed, not by the record found: an unknown e-mail is counted and locked exactly like a real
  // one, so the answers never tell which accounts exist.
  const identity = `${e.collection?.name ?? ''}:${e.identity.trim().toLowerCase()}`;
  const row = findOne(e.app, COLLECTION, 'identity = {:identity}', { identity });
  const check = checkSignIn(row ? historyOf(row) : null, Date.now());
  if (!check.ok) {
    const seconds = Math.ceil(check.retryAfterMs / 1000);
    // In the VM this event does not surface the embedded request's `response` (`e.response` is undefined there).
    (e as unknown as { requestEvent: core.RequestEvent }).requestEvent.response.header().set('Retry-After', String(seconds));
    e.json(429, {
      status: 429,
      message: `Too many failed sign-ins for this account. Try again in ${Math.ceil(seconds / 60)} minute(s); devices already signed in keep working.`,
      reason: check.reason,
      retryAfter: seconds,
      data: {},
    });
    return;
  }
  try {
    e.next();
  } catch (error) {
    // The only refusal after this point is a wrong identity or password (MFA, which would also land here, is off).
    e.app.runInTransaction((txApp) => saveFailure(txApp, identity, Date.now()));
    throw error;
  }
  if (row) e.app.delete(row);
}
