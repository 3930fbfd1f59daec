import { advanceStatus } from '../lib/domain/delivery/delivery-status';
import { errorPolicy } from '../lib/domain/delivery/graph-error-policy';
import type { DeliveryStatus } from '../lib/schemas/webhook';
import { findOutboundForStatus } from './outbox';
import { isoDate } from './records';

export type StatusOutcome = 'advanced' | 'ignored' | 'unknown-message';

const timestampField: Record<string, string> = { sent: 'sent_at', delivered: 'delivered_at', read: 'read_at' };

/** Moves an outbound message up its delivery ladder; stale, repeated and reordered webhooks change nothing. */
export function applyStatus(app: core.App, status: DeliveryStatus): StatusOutcome {
  const message = findOutboundForStatus(app, status.id, status.biz_opaque_callback_data);
  if (!message) return 'unknown-message';
  // Found through our callback id: the worker died before recording the wamid, so the lookup just filled it in.
  const linkedLate = message.getString('status') === 'sending';
  // Pricing comes with `sent` and with one of delivered/read; keep the first we see for cost reports.
  const keepPricing = status.pricing && !message.getString('pricing').startsWith('{');
  if (keepPricing) message.set('pricing', status.pricing);
  const next = advanceStatus(message.getString('status'), status.status);
  if (!next) {
    if (keepPricing || linkedLate) app.save(message);
    return 'ignored';
  }
  message.set('claimed_until', '');
  message.set('status', next);
  const at = isoDate(status.timestamp * 1000);
  if (timestampField[next]) message.set(timestampField[next], at);
  // `read` implies delivered: Meta may skip `delivered` when both happen at once.
  if ((next === 'read' || next === 'played') && !message.getString('delivered_at')) message.set('delivered_at', at);
  if (next === 'failed') {
    const error = status.errors?.[0];
    message.set('error_code', error?.code ?? 0);
    message.set('error_title', error?.title ?? error?.message ?? 'Failed');
    message.set('error_reason', error ? errorPolicy(error.code).reason : 'unknown-error');
  }
  app.save(message);
  return 'advanced';
}
