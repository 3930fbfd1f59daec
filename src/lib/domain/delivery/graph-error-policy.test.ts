import { describe, expect, it } from 'vitest';
import { errorPolicy, nextAttemptDelay } from './graph-error-policy';

describe('errorPolicy', () => {
  it.each([
    [131047, 'window-closed'],
    [131026, 'undeliverable'],
    [132001, 'template-not-found'],
    [132000, 'template-param-mismatch'],
    [190, 'token-invalid'],
  ])('never retries permanent error %i (%s)', (code, reason) => {
    expect(errorPolicy(code)).toMatchObject({ retry: 'never', reason });
  });

  it.each([130429, 131056, 131000, 2, 131057])('retries transient error %i with backoff', (code) => {
    expect(errorPolicy(code).retry).toBe('backoff');
  });

  it('retries an unknown code rather than dropping the reply', () => {
    expect(errorPolicy(999999)).toMatchObject({ retry: 'backoff', reason: 'unknown-error' });
  });
});

describe('nextAttemptDelay', () => {
  it('grows exponentially and stays under the cap', () => {
    const ceilings = [1, 2, 3, 4, 5, 30].map((attempt) => nextAttemptDelay(attempt, 0.999999));
    expect(ceilings.slice(0, 5)).toEqual([999, 1999, 3999, 7999, 15999]);
    expect(ceilings[5]).toBeLessThanOrEqual(15 * 60_000);
  });

  it('respects the pause Meta prescribes for the pair rate limit', () => {
    expect(nextAttemptDelay(1, 0, errorPolicy(131056))).toBe(6_000);
  });
});
