import { injectInboundSchema, type InjectInboundInput } from '../lib/schemas/simulator';
import type { Customer } from './customer-book';
import { buildContact } from './identity-fields';
import { buildInboundMessage } from './inbound-message';
import type { InboundRecord } from './message-log';
import { previewInbound } from './message-preview';
import { InvalidRequestError, listIssues } from './request-issues';
import { findChannel, type SimulatorContext } from './simulator-context';
import type { WebhookAttempt } from './webhook-sender';

export interface InjectInboundResult {
  /** wamid of the customer's message. */
  id: string;
  customer: Pick<Customer, 'key' | 'waId' | 'userId' | 'name'>;
  deliveryId: string;
  /** Outcome of the first POST, when the request asked to `wait`. */
  firstAttempt?: WebhookAttempt;
}

/** A `user_changed_number` system message moves the customer to the new number, as it would on WhatsApp. */
function applyNumberChange(customer: Customer, message: Record<string, unknown>): void {
  const system = message['system'] as { type?: unknown; wa_id?: unknown } | undefined;
  if (system?.type === 'user_changed_number' && typeof system.wa_id === 'string') customer.waId = system.wa_id;
}

/** Plays a customer writing to the business: builds the Meta envelope, opens their 24 h window and sends the webhook. */
export async function injectInbound(context: SimulatorContext, input: InjectInboundInput): Promise<InjectInboundResult> {
  const parsed = injectInboundSchema.safeParse(input);
  if (!parsed.success) throw new InvalidRequestError('invalid-inbound', 'invalid inbound message', listIssues(parsed.error));
  const request = parsed.data;
  const channel = findChannel(context, request.phoneNumberId);
  if (!channel) throw new InvalidRequestError('unknown-channel', `no channel with phone_number_id ${request.phoneNumberId}`);

  const now = context.clock.now();
  const identity = {
    ...(request.from ? { from: request.from } : {}),
    ...(request.userId ? { userId: request.userId } : {}),
    ...(request.name ? { name: request.name } : {}),
    ...(request.username ? { username: request.username } : {}),
  };
  const customer = context.customers.upsert(identity, context.random, now);
  const message = buildInboundMessage(context, channel, request, customer);
  const isSystem = request.type === 'system';
  // System messages come from WhatsApp, not the user: no contacts, and they do not open the window.
  const contacts = isSystem ? [] : [buildContact(customer, context.knobs.bsuid_mode)];
  if (isSystem) applyNumberChange(customer, message);
  else context.customers.recordInbound(customer, channel.phoneNumberId, now);

  const record: InboundRecord = {
    id: String(message['id']),
    phoneNumberId: channel.phoneNumberId,
    customerKey: customer.key,
    type: request.type,
    preview: previewInbound(message),
    at: now,
    deliveryId: '',
    message,
  };
  context.log.recordInbound(record);
  const sent = await context.outbox.push({ channel, kind: 'messages', contacts, items: [message] });
  record.deliveryId = sent.delivery.id;
  const result: InjectInboundResult = {
    id: record.id,
    customer: { key: customer.key, ...(customer.waId ? { waId: customer.waId } : {}), userId: customer.userId, name: customer.name },
    deliveryId: sent.delivery.id,
  };
  if (request.wait) result.firstAttempt = await sent.firstAttempt;
  return result;
}
