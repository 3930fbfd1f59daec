import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, outcomeOfAttempt } from './send-outcome';

const now = 1_000_000;

describe('outcomeOfAttempt', () => {
  it('records the wamid of an accepted message', () => {
    expect(outcomeOfAttempt({ kind: 'accepted', wamid: 'wamid.1' }, 0, now, 0.5)).toEqual({ status: 'sent', wamid: 'wamid.1' });
  });

  it('fails a closed window at once with its reason', () => {
    expect(outcomeOfAttempt({ kind: 'graph-error', code: 131047, title: 'Re-engagement message' }, 0, now, 0.5)).toEqual({
      status: 'failed',
      attempts: 1,
      errorCode: 131047,
      errorTitle: 'Re-engagement message',
      reason: 'window-closed',
    });
  });

  it.each([
    [{ kind: 'graph-error' as const, code: 130429, title: 'Rate limit hit' }, 'throughput-limit'],
    [{ kind: 'network-error' as const, detail: 'ECONNREFUSED' }, 'network-error'],
    [{ kind: 'graph-error' as const, code: 131000, title: 'Something went wrong' }, 'meta-unavailable'],
  ])('requeues a transient failure later: %j', (attempt, reason) => {
    const outcome = outcomeOfAttempt(attempt, 2, now, 0.5);
    expect(outcome).toMatchObject({ status: 'queued', attempts: 3, reason });
    expect(outcome.status === 'queued' && outcome.nextAttemptAt).toBeGreaterThan(now);
  });

  it('gives up on transient failures after the last attempt', () => {
    expect(outcomeOfAttempt({ kind: 'network-error', detail: 'down' }, MAX_ATTEMPTS - 1, now, 0.5).status).toBe('failed');
  });
});
