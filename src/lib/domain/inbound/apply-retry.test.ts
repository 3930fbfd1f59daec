import { describe, expect, it } from 'vitest';
import { afterFailedApply, MAX_APPLY_ATTEMPTS } from './apply-retry';

describe('afterFailedApply', () => {
  const now = 1_800_000_000_000;

  it('waits longer after each failure and never earlier than now', () => {
    const waits: number[] = [];
    for (let attempts = 0; attempts < MAX_APPLY_ATTEMPTS - 1; attempts++) {
      const next = afterFailedApply(attempts, now);
      if (next.status !== 'pending') throw new Error(`attempt ${attempts} gave up`);
      expect(next.attempts).toBe(attempts + 1);
      waits.push(next.applyAfter - now);
    }
    expect(waits[0]).toBeGreaterThan(0);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1]);
  });

  it('gives up after the last attempt and keeps the count', () => {
    expect(afterFailedApply(MAX_APPLY_ATTEMPTS - 1, now)).toEqual({ status: 'failed', attempts: MAX_APPLY_ATTEMPTS });
    expect(afterFailedApply(MAX_APPLY_ATTEMPTS + 3, now).status).toBe('failed');
  });
});
