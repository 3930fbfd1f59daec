import { beforeEach, describe, expect, it, vi } from 'vitest';

// Turning notifications on when the push service never answers (no network to it, a captive portal): the screen
// must leave "Working…" after the time limit, say so, and let the agent retry — which then works.

vi.mock('../client/pb', () => ({ pb: {} }));

interface Fakes {
  subscribe: ReturnType<typeof vi.fn>;
  saved: unknown[];
}

async function freshSettings(): Promise<{ pushSettings: typeof import('./push.svelte').pushSettings; limit: number; fakes: Fakes }> {
  vi.resetModules();
  const fakes: Fakes = { subscribe: vi.fn(), saved: [] };
  vi.doMock('../client/push', () => ({
    currentDevice: () => ({}),
    pushSupport: () => 'supported',
    fetchPublicKey: async () => 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U',
    vapidKeyBytes: () => new Uint8Array(65),
    saveSubscription: async (_pb: unknown, row: unknown) => void fakes.saved.push(row),
    deleteSubscription: async () => {},
  }));
  const registration = { pushManager: { subscribe: fakes.subscribe, getSubscription: async () => null } };
  vi.stubGlobal('Notification', { permission: 'default', requestPermission: async () => 'granted' });
  vi.stubGlobal('navigator', { userAgent: 'test', serviceWorker: { ready: Promise.resolve(registration), getRegistration: async () => registration } });
  const { pushSettings, PUSH_TIME_LIMIT_MS } = await import('./push.svelte');
  return { pushSettings, limit: PUSH_TIME_LIMIT_MS, fakes };
}

const subscription = {
  endpoint: 'https://push.example.test/send/1',
  toJSON: () => ({
    endpoint: 'https://push.example.test/send/1',
    keys: { p256dh: 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U', auth: 'tBHItJI5svbpez7KI4CCXg' },
  }),
};

describe('turning notifications on', () => {
  beforeEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('gives up after the time limit when the push service never answers, then works on Retry', async () => {
    const { pushSettings, limit, fakes } = await freshSettings();
    vi.useFakeTimers();
    fakes.subscribe.mockReturnValueOnce(new Promise(() => {}));
    const first = pushSettings.enable('agent1');
    await vi.advanceTimersByTimeAsync(limit - 1);
    expect(pushSettings.busy).toBe(true);
    expect(pushSettings.failed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await first;
    expect(pushSettings.busy).toBe(false);
    expect(pushSettings.failed).toBe('timeout');
    expect(pushSettings.state).not.toBe('on');

    fakes.subscribe.mockResolvedValueOnce(subscription);
    await pushSettings.enable('agent1');
    expect(pushSettings.failed).toBe(false);
    expect(pushSettings.state).toBe('on');
    expect(fakes.saved).toHaveLength(1);
  });

  it('reports a refusal from the push service as an error, not a timeout', async () => {
    const { pushSettings, fakes } = await freshSettings();
    fakes.subscribe.mockRejectedValueOnce(new Error('AbortError: Registration failed - push service error'));
    await pushSettings.enable('agent1');
    expect(pushSettings.failed).toBe('error');
    expect(pushSettings.busy).toBe(false);
  });
});
