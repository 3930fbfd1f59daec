/** Lifecycle of a message: outbound ones climb the ladder; inbound ones are `received`. */
export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'read', 'played', 'failed', 'received'] as const;
export type DeliveryStatusName = (typeof DELIVERY_STATUSES)[number];

const rank: Record<string, number> = { queued: 0, sending: 1, sent: 2, delivered: 3, read: 4, played: 5 };

export function isDeliveryStatus(value: string): value is DeliveryStatusName {
  return (DELIVERY_STATUSES as readonly string[]).includes(value);
}

/**
 * Decides the status after a status webhook; Meta does not order webhooks, so the ladder only moves up
 * (`sent < delivered < read < played`) and `failed` is terminal. Returns null when nothing changes.
 */
export function advanceStatus(current: string, incoming: string): DeliveryStatusName | null {
  if (!isDeliveryStatus(incoming) || incoming === 'queued' || incoming === 'sending' || incoming === 'received') return null;
  if (current === 'failed' || current === incoming) return null;
  if (incoming === 'failed') {
    // A message the customer has already read cannot have failed; such a webhook is stale.
    return (rank[current] ?? 0) >= rank.read ? null : 'failed';
  }
  return (rank[incoming] ?? -1) > (rank[current] ?? -1) ? incoming : null;
}
