/** WhatsApp's customer service window: free-form messages are allowed for 24 h after the customer's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface ServiceWindow {
  open: boolean;
  /** Epoch ms when the window closes (or closed); null when the customer never wrote. */
  closesAt: number | null;
  remainingMs: number;
}

/** Where the window stands at `now` for a customer whose last inbound message was at `lastInboundAt`. */
export function serviceWindowAt(lastInboundAt: number | null, now: number): ServiceWindow {
  if (lastInboundAt === null || !Number.isFinite(lastInboundAt)) return { open: false, closesAt: null, remainingMs: 0 };
  const closesAt = lastInboundAt + SERVICE_WINDOW_MS;
  return { open: now < closesAt, closesAt, remainingMs: Math.max(0, closesAt - now) };
}

/** True when a non-template message may be sent now. */
export function canSendFreeform(lastInboundAt: number | null, now: number): boolean {
  return serviceWindowAt(lastInboundAt, now).open;
}
