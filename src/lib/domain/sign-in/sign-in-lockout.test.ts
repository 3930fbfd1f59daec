import { describe, expect, it } from 'vitest';
import { checkSignIn, DEFAULT_LOCKOUT_POLICY, recordFailure, type SignInHistory } from './sign-in-lockout';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 25, 9, 0);

/** Fails at each of the given minutes after T0, starting from `history`. */
function failAt(minutes: number[], history: SignInHistory | null = null): SignInHistory | null {
  return minutes.reduce<SignInHistory | null>((h, m) => recordFailure(h, T0 + m * MIN), history);
}

describe('checkSignIn', () => {
  it('lets an identity with no history try', () => {
    expect(checkSignIn(null, T0)).toEqual({ ok: true });
  });

  it('lets four failures in a window pass', () => {
    expect(checkSignIn(failAt([0, 1, 2, 3]), T0 + 4 * MIN)).toEqual({ ok: true });
  });

  it('locks the identity for 15 minutes on the fifth failure within 15 minutes', () => {
    const history = failAt([0, 1, 2, 3, 4]);
    expect(checkSignIn(history, T0 + 4 * MIN)).toEqual({ ok: false, reason: 'sign-in-locked', retryAfterMs: 15 * MIN });
    expect(checkSignIn(history, T0 + 18 * MIN)).toMatchObject({ ok: false, retryAfterMs: MIN });
    expect(checkSignIn(history, T0 + 19 * MIN)).toEqual({ ok: true });
  });

  it('does not lock slow failures spread over more than the window', () => {
    const history = failAt([0, 5, 10, 15, 20, 25, 30, 35]);
    expect(checkSignIn(history, T0 + 35 * MIN)).toEqual({ ok: true });
  });
});

describe('recordFailure', () => {
  it('doubles each further lock', () => {
    const first = failAt([0, 0, 0, 0, 0])!;
    expect(first.lockedUntil - T0).toBe(15 * MIN);
    const second = failAt([15, 15, 15, 15, 15], first)!;
    expect(second.lockedUntil - (T0 + 15 * MIN)).toBe(30 * MIN);
    const third = failAt([45, 45, 45, 45, 45], second)!;
    expect(third.lockedUntil - (T0 + 45 * MIN)).toBe(60 * MIN);
  });

  it('never locks for longer than a day', () => {
    let history: SignInHistory | null = null;
    let at = 0;
    const lengths: number[] = [];
    for (let lock = 0; lock < 12; lock++) {
      history = failAt([at, at, at, at, at], history)!;
      lengths.push((history.lockedUntil - (T0 + at * MIN)) / MIN);
      at = (history.lockedUntil - T0) / MIN;
    }
    expect(lengths).toEqual([15, 30, 60, 120, 240, 480, 960, 1440, 1440, 1440, 1440, 1440]);
  });

  it('forgets the lock level after a quiet day', () => {
    const locked = failAt([0, 0, 0, 0, 0])!;
    const dayAfter = 15 + 24 * 60;
    const relocked = failAt([dayAfter, dayAfter, dayAfter, dayAfter, dayAfter], locked)!;
    expect(relocked.lockedUntil - (T0 + dayAfter * MIN)).toBe(15 * MIN);
  });

  it.each([
    [[0, 1, 2, 3, 4], true],
    [[0, 1, 2, 3, 15], false],
    [[0, 14, 15, 16, 17, 18], false],
    [[0, 14, 15, 16, 17, 18, 19], true],
  ])('failures at minutes %j lock: %s', (minutes, locks) => {
    const last = minutes[minutes.length - 1];
    expect(checkSignIn(failAt(minutes), T0 + last * MIN).ok).toBe(!locks);
  });

  it('never locks before the limit and always locks at it, over many generated sequences', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 500; run++) {
      let history: SignInHistory | null = null;
      let at = T0;
      const inWindow: number[] = [];
      for (let i = 0; i < 20; i++) {
        at += Math.floor(next() * 10 * MIN);
        if (!checkSignIn(history, at).ok) continue;
        if (history && history.failures === 0) inWindow.length = 0;
        history = recordFailure(history, at);
        if (inWindow.length === 0 || at - inWindow[0] >= DEFAULT_LOCKOUT_POLICY.windowMs) inWindow.splice(0, inWindow.length, at);
        else inWindow.push(at);
        expect(history.lockedUntil > at).toBe(inWindow.length >= DEFAULT_LOCKOUT_POLICY.maxFailures);
        if (history.lockedUntil > at) inWindow.length = 0;
      }
    }
  });
});
