import { describe, expect, it } from 'vitest';
import { clampMs, isClaimable, LEASE_MS, RECLAIM_GRACE_MS } from './outbox-lease';

const now = 10_000_000;
const row = (patch: Partial<Parameters<typeof isClaimable>[0]>) => ({ status: 'queued', wamid: '', nextAttemptAt: null, claimedUntil: null, ...patch });

describe('isClaimable', () => {
  it('claims a fresh queued message', () => {
    expect(isClaimable(row({}), now)).toBe(true);
  });

  it('waits for a retry time in the future', () => {
    expect(isClaimable(row({ nextAttemptAt: now + 1 }), now)).toBe(false);
    expect(isClaimable(row({ nextAttemptAt: now }), now)).toBe(true);
  });

  it('leaves a message claimed by a live worker alone, and takes it over when the lease ran out', () => {
    expect(isClaimable(row({ claimedUntil: now + LEASE_MS }), now)).toBe(false);
    expect(isClaimable(row({ claimedUntil: now - 1 }), now)).toBe(true);
  });

  it('resends an interrupted send only after the grace for a late status webhook', () => {
    const interrupted = row({ status: 'sending', claimedUntil: now - 1 });
    expect(isClaimable(interrupted, now)).toBe(false);
    expect(isClaimable(interrupted, now + RECLAIM_GRACE_MS)).toBe(true);
  });

  it.each(['sent', 'delivered', 'read', 'failed'])('never claims a %s message', (status) => {
    expect(isClaimable(row({ status, wamid: 'wamid.x' }), now)).toBe(false);
  });

  it('never resends a send that Meta already acknowledged', () => {
    expect(isClaimable(row({ status: 'sending', wamid: 'wamid.x', claimedUntil: 0 }), now)).toBe(false);
  });
});

describe('clampMs', () => {
  it.each([
    [undefined, 60_000],
    ['x', 60_000],
    [100, 60_000],
    [2_000, 2_000],
    [10_000_000, 60_000],
  ])('clamps %j', (value, expected) => {
    expect(clampMs(value, 60_000)).toBe(expected);
  });
});
