import { describe, expect, it } from 'vitest';
import { canSendFreeform, SERVICE_WINDOW_MS, serviceWindowAt } from './service-window';

const t0 = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('the 24-hour customer service window', () => {
  it('is open right after the customer writes and counts down', () => {
    expect(serviceWindowAt(t0, t0 + 60_000)).toEqual({ open: true, closesAt: t0 + SERVICE_WINDOW_MS, remainingMs: SERVICE_WINDOW_MS - 60_000 });
  });

  it('closes exactly 24 hours after the last inbound message', () => {
    expect(canSendFreeform(t0, t0 + SERVICE_WINDOW_MS - 1)).toBe(true);
    expect(canSendFreeform(t0, t0 + SERVICE_WINDOW_MS)).toBe(false);
  });

  it('is closed when the customer never wrote', () => {
    expect(serviceWindowAt(null, t0)).toEqual({ open: false, closesAt: null, remainingMs: 0 });
  });
});
