import { describe, expect, it } from 'vitest';
import { instantOfInput, localInputValue, requestSnooze } from './snooze';

const answering = (answer: unknown) => ({ send: async () => answer });
const failing = (status: number, reason?: string) => ({
  send: async () => {
    throw Object.assign(new Error('refused'), { status, response: reason ? { reason } : {} });
  },
});

describe('requestSnooze', () => {
  it('returns the snooze the server put in force', async () => {
    expect(await requestSnooze(answering({ ok: true, reason: 'until-time', until: 42 }), 'c1', { preset: 'one-hour' })).toEqual({
      ok: true,
      reason: 'until-time',
      until: 42,
    });
  });

  it.each([
    [400, 'too-soon', 'too-soon'],
    [409, 'resolved', 'resolved'],
    [403, undefined, 'forbidden'],
    [0, undefined, 'no-connection'],
  ])('turns a %s answer into the reason %s', async (status, reason, expected) => {
    expect(await requestSnooze(failing(status, reason), 'c1', { untilCustomerWrites: true })).toEqual({ ok: false, reason: expected });
  });

  it('refuses an answer it cannot read rather than guessing', async () => {
    expect(await requestSnooze(answering({ ok: true }), 'c1', { wake: true })).toEqual({ ok: false, reason: 'server-error' });
  });
});

describe('datetime-local values', () => {
  it('round-trips an instant on the device clock, to the minute', () => {
    const instant = new Date(2026, 5, 17, 18, 30).getTime();
    expect(localInputValue(instant)).toBe('2026-06-17T18:30');
    expect(instantOfInput(localInputValue(instant))).toBe(instant);
  });

  it.each(['', '2026-06-17', 'tomorrow'])('reads %j as no time', (value) => {
    expect(instantOfInput(value)).toBeNull();
  });
});
