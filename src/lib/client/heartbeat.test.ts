import { describe, expect, it } from 'vitest';
import { HEARTBEAT_MS, startHeartbeat } from './heartbeat';

function harness(visible: boolean, online: boolean) {
  let sent = 0;
  let tick: (() => void) | null = null;
  let interval = 0;
  const stop = startHeartbeat({
    send: async () => void sent++,
    isVisible: () => visible,
    isOnline: () => online,
    every: (callback, ms) => {
      tick = callback;
      interval = ms;
      return () => (tick = null);
    },
  });
  return { sent: () => sent, tick: () => tick?.(), interval: () => interval, stop };
}

describe('startHeartbeat', () => {
  it('beats at once and then on every interval while visible and online', () => {
    const h = harness(true, true);
    expect(h.sent()).toBe(1);
    h.tick();
    h.tick();
    expect(h.sent()).toBe(3);
    expect(h.interval()).toBe(HEARTBEAT_MS);
  });

  it.each([
    [false, true],
    [true, false],
  ])('stays silent when visible=%s and online=%s', (visible, online) => {
    const h = harness(visible, online);
    h.tick();
    expect(h.sent()).toBe(0);
  });

  it('stops beating when stopped', () => {
    const h = harness(true, true);
    h.stop();
    h.tick();
    expect(h.sent()).toBe(1);
  });
});
