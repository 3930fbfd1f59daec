import { describe, expect, it } from 'vitest';
import { GIVE_UP_AFTER_MS, MAX_RETRY_DELAY_MS, outcomeOfStatus, PAUSE_AFTER_FAILING_MS, retryDelayMs, settleAttempt } from './delivery-schedule';

const HOUR = 3_600_000;

describe('retry schedule', () => {
  it('doubles from 30 s up to an hour', () => {
    expect([1, 2, 3, 4, 8, 9, 30].map((n) => retryDelayMs(n, 0.5))).toEqual([
      30_000,
      60_000,
      120_000,
      240_000,
      3_840_000 > MAX_RETRY_DELAY_MS ? MAX_RETRY_DELAY_MS : 3_840_000,
      MAX_RETRY_DELAY_MS,
      MAX_RETRY_DELAY_MS,
    ]);
  });

  it('keeps every delay within ±20 % of the schedule', () => {
    for (let n = 1; n < 40; n++) {
      const middle = retryDelayMs(n, 0.5);
      expect(retryDelayMs(n, 0)).toBeGreaterThanOrEqual(Math.floor(middle * 0.8));
      expect(retryDelayMs(n, 0.999999)).toBeLessThanOrEqual(Math.ceil(middle * 1.2));
    }
  });

  it('keeps retrying a failing endpoint for at least 24 hours before pausing it', () => {
    let now = 0;
    let attempts = 0;
    let failingSince: number | null = null;
    for (;;) {
      const settled = settleAttempt('retry', { attempts, createdAt: 0 }, { failingSince }, now, 0);
      attempts = settled.attempts;
      failingSince = settled.failingSince;
      if (settled.pause) break;
      expect(settled.delivery.status).toBe('pending');
      now = (settled.delivery as { nextAttemptAt: number }).nextAttemptAt;
    }
    expect(now).toBeGreaterThanOrEqual(PAUSE_AFTER_FAILING_MS);
    expect(now).toBeLessThan(PAUSE_AFTER_FAILING_MS + 2 * HOUR);
  });
});

describe('settling an attempt', () => {
  it('clears the failure streak on a 2xx', () => {
    expect(settleAttempt('delivered', { attempts: 3, createdAt: 0 }, { failingSince: 5 }, 10, 0)).toEqual({
      delivery: { status: 'delivered' },
      attempts: 4,
      failingSince: null,
      pause: null,
    });
  });

  it('pauses on 410 and on a refused address, keeping the delivery for when the endpoint resumes', () => {
    expect(settleAttempt('gone', { attempts: 0, createdAt: 0 }, { failingSince: null }, 10, 0)).toMatchObject({
      pause: 'gone',
      delivery: { status: 'pending' },
    });
    expect(settleAttempt('refused', { attempts: 0, createdAt: 0 }, { failingSince: null }, 10, 0)).toMatchObject({ pause: 'address-refused' });
  });

  it('gives up one delivery after three days of failures while its endpoint answers other events', () => {
    expect(settleAttempt('retry', { attempts: 50, createdAt: 0 }, { failingSince: GIVE_UP_AFTER_MS - 1 }, GIVE_UP_AFTER_MS, 0).delivery).toEqual({
      status: 'failed',
    });
  });

  it.each([
    [200, 'delivered'],
    [204, 'delivered'],
    [410, 'gone'],
    [404, 'retry'],
    [500, 'retry'],
    [301, 'retry'],
  ])('reads HTTP %i as %s', (status, outcome) => {
    expect(outcomeOfStatus(status)).toBe(outcome);
  });
});
