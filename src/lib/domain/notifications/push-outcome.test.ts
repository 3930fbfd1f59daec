import { describe, expect, it } from 'vitest';
import { deviceOutcomeOf, MAX_PUSH_ATTEMPTS, MAX_RETRY_AFTER_MS, retryAfterMs, settleNotification, type NotificationProgress } from './push-outcome';

const now = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('deviceOutcomeOf', () => {
  it.each([
    [201, 'sent'],
    [200, 'sent'],
    [202, 'sent'],
    [404, 'gone'],
    [410, 'gone'],
    [429, 'retry'],
    [408, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [400, 'failed'],
    [401, 'failed'],
    [403, 'failed'],
    [413, 'failed'],
  ] as const)('treats HTTP %i as %s', (status, outcome) => {
    expect(deviceOutcomeOf({ kind: 'response', status })).toBe(outcome);
  });

  it('retries after a network error', () => {
    expect(deviceOutcomeOf({ kind: 'network-error', detail: 'ECONNRESET' })).toBe('retry');
  });

  it('never retries a device whose keys cannot be used', () => {
    expect(deviceOutcomeOf({ kind: 'unusable-subscription' })).toBe('failed');
  });
});

describe('retryAfterMs', () => {
  it.each([
    ['120', 120_000],
    [' 5 ', 5_000],
    ['', 0],
    [null, 0],
    ['soon', 0],
    ['999999', MAX_RETRY_AFTER_MS],
  ])('reads %j as %i ms', (header, ms) => {
    expect(retryAfterMs(header, now)).toBe(ms);
  });

  it('reads an HTTP date relative to now and never goes negative', () => {
    expect(retryAfterMs(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(retryAfterMs(new Date(now - 30_000).toUTCString(), now)).toBe(0);
  });
});

describe('settleNotification', () => {
  const progress = (overrides: Partial<NotificationProgress>): NotificationProgress => ({
    attempts: 0,
    attempted: true,
    undelivered: 0,
    delivered: 1,
    retryAfterMs: null,
    ...overrides,
  });

  it('is sent once every device has it', () => {
    expect(settleNotification(progress({ delivered: 2 }), now, 0.5)).toEqual({ status: 'sent', attempts: 1 });
  });

  it('fails when every device answered and none took it', () => {
    expect(settleNotification(progress({ delivered: 0 }), now, 0.5)).toEqual({ status: 'failed', attempts: 1 });
  });

  it('fails without counting an attempt when the agent has no device at claim time', () => {
    expect(settleNotification(progress({ attempted: false, delivered: 0 }), now, 0.5)).toEqual({ status: 'failed', attempts: 0 });
  });

  it('retries the devices that asked for it later, with backoff', () => {
    const settled = settleNotification(progress({ undelivered: 1, retryAfterMs: 0 }), now, 0.5);
    expect(settled).toMatchObject({ status: 'pending', attempts: 1 });
    expect(settled.status === 'pending' && settled.nextAttemptAt).toBeGreaterThanOrEqual(now);
  });

  it('waits at least as long as Retry-After asks', () => {
    const settled = settleNotification(progress({ undelivered: 1, retryAfterMs: 90_000 }), now, 0);
    expect(settled.status === 'pending' && settled.nextAttemptAt).toBe(now + 90_000);
  });

  it('backs off further with every attempt (upper bound grows)', () => {
    const wait = (attempts: number) => {
      const settled = settleNotification(progress({ attempts, undelivered: 1, retryAfterMs: 0 }), now, 0.999);
      return settled.status === 'pending' ? settled.nextAttemptAt - now : -1;
    };
    expect(wait(0)).toBeLessThan(wait(3));
    expect(wait(3)).toBeLessThan(wait(6));
  });

  it('sends at once to a device that subscribed after the claim', () => {
    expect(settleNotification(progress({ undelivered: 1, retryAfterMs: null }), now, 0.5)).toEqual({ status: 'pending', attempts: 1, nextAttemptAt: now });
  });

  it('gives up after the last attempt, keeping what was delivered', () => {
    expect(settleNotification(progress({ attempts: MAX_PUSH_ATTEMPTS - 1, undelivered: 1, delivered: 0, retryAfterMs: 0 }), now, 0.5)).toEqual({
      status: 'failed',
      attempts: MAX_PUSH_ATTEMPTS,
    });
    expect(settleNotification(progress({ attempts: MAX_PUSH_ATTEMPTS - 1, undelivered: 1, delivered: 1, retryAfterMs: 0 }), now, 0.5)).toEqual({
      status: 'sent',
      attempts: MAX_PUSH_ATTEMPTS,
    });
  });
});
