import { createHash } from 'node:crypto';
import { buildWebhookError, type GraphFailure } from './graph-errors';
import { buildContact, buildRecipientFields } from './identity-fields';
import type { OutboundMessage } from './message-log';
import { findChannel, unixSecondsNow, type SimulatorContext } from './simulator-context';
import { advanceStatus, planStatuses, type PlannedStatus } from './status-timeline';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Pre-v24 `conversation` object; the id is derived, not stored, so it stays stable for a day per customer and category. */
function buildConversation(message: OutboundMessage, withExpiry: boolean): Record<string, unknown> {
  const day = Math.floor(message.acceptedAt / DAY_MS);
  const id = createHash('md5').update(`${message.phoneNumberId}|${message.customerKey}|${message.pricing.category}|${day}`).digest('hex');
  return {
    id,
    ...(withExpiry ? { expiration_timestamp: String(Math.floor((message.acceptedAt + DAY_MS) / 1000)) } : {}),
    origin: { type: message.pricing.category },
  };
}

function emitStatus(context: SimulatorContext, message: OutboundMessage, planned: PlannedStatus, failure: GraphFailure | undefined): void {
  const channel = findChannel(context, message.phoneNumberId);
  const customer = context.customers.get(message.customerKey);
  if (!channel || !customer) return;
  const { knobs } = context;
  const status: Record<string, unknown> = {
    id: message.id,
    status: planned.status,
    timestamp: unixSecondsNow(context),
    ...buildRecipientFields(customer, knobs.bsuid_mode),
    ...(message.request.biz_opaque_callback_data !== undefined ? { biz_opaque_callback_data: message.request.biz_opaque_callback_data } : {}),
    ...(planned.priced && knobs.include_conversation ? { conversation: buildConversation(message, planned.status === 'sent') } : {}),
    ...(planned.priced ? { pricing: message.pricing } : {}),
    ...(failure ? { errors: [buildWebhookError(failure)] } : {}),
  };
  message.status = advanceStatus(message.status, planned.status);
  message.statusHistory.push({ status: planned.status, at: context.clock.now() });
  if (failure) message.errors = [failure];
  // Since 2026 statuses carry the contact too, except `failed` ones.
  const contacts = planned.status !== 'failed' && knobs.bsuid_mode !== 'off' ? [buildContact(customer, knobs.bsuid_mode)] : [];
  const change = { channel, kind: 'statuses' as const, contacts, items: [status] };
  // A batch keeps its items in order, and waiting for the previous POST would stop statuses from batching at all.
  if (knobs.batch_size > 1) {
    void context.outbox.push(change);
    return;
  }
  // One message's statuses leave in plan order: each waits for the previous one's first attempt. Compressed delays
  // would otherwise race on the wire; out-of-order arrival is what the `reorder_statuses` knob is for.
  const previous = context.statusChains.get(message) ?? Promise.resolve();
  const next = previous
    .then(() => context.outbox.push(change))
    .then((sent) => sent.firstAttempt)
    .then(() => undefined);
  context.statusChains.set(message, next);
}

/** Schedules the status webhooks of an accepted message: its delivery ticks, or one `failed` carrying `failure`. */
export function scheduleStatuses(context: SimulatorContext, message: OutboundMessage, failure?: GraphFailure): void {
  const plan = planStatuses(message, failure ? 'fail' : 'deliver', context.config.statusDelaysMs, context.knobs);
  const epoch = context.epoch;
  for (const planned of plan) {
    context.clock.after(planned.afterMs, () => {
      if (context.epoch === epoch) emitStatus(context, message, planned, failure);
    });
  }
}

/** A value-level error (`value.errors[]`), not tied to one message, such as a throughput warning. */
export function emitValueError(context: SimulatorContext, phoneNumberId: string, failure: GraphFailure): void {
  const channel = findChannel(context, phoneNumberId);
  if (channel) void context.outbox.push({ channel, kind: 'errors', contacts: [], items: [buildWebhookError(failure)] });
}
