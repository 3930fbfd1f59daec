import { markReadRequestSchema, sendMessageRequestSchema, type SendMessageRequest } from '../lib/schemas/graph';
import { isWindowOpen, type Customer } from './customer-book';
import { describeGraphError, replyWithGraphError, type GraphFailure } from './graph-errors';
import { json, type Reply } from './http-io';
import type { OutboundMessage } from './message-log';
import { cardOf } from './message-card';
import { listReplyButtons, previewOutbound } from './message-preview';
import { priceMessage, type TemplateCategory } from './pricing';
import { formatIssues } from './request-issues';
import { findLimitViolation } from './send-limits';
import type { SimulatorContext } from './simulator-context';
import { emitValueError, scheduleStatuses } from './status-emitter';
import { checkTemplate } from './template-registry';
import type { Channel } from './webhook-envelope';

const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'] as const;

/** `{status:"read", message_id}` marks a customer message read (and may show typing); Meta answers `{success:true}`. */
function markRead(context: SimulatorContext, channel: Channel, body: unknown): Reply {
  const parsed = markReadRequestSchema.safeParse(body);
  if (!parsed.success) return replyWithGraphError(context.ids, 100, formatIssues(parsed.error));
  // Unknown ids are accepted: replayed fixtures carry wamids the simulator never issued.
  context.log.recordRead({
    phoneNumberId: channel.phoneNumberId,
    messageId: parsed.data.message_id,
    typing: parsed.data.typing_indicator !== undefined,
    at: context.clock.now(),
  });
  return json(200, { success: true });
}

function findUnknownMedia(context: SimulatorContext, request: SendMessageRequest): string | undefined {
  const type = MEDIA_TYPES.find((candidate) => candidate === request.type);
  const id = type ? request[type]?.id : undefined;
  return id !== undefined && !context.media.get(id) ? `${request.type}.id: media ${id} does not exist or has expired` : undefined;
}

function resolveCustomer(context: SimulatorContext, request: SendMessageRequest): Customer {
  // `to` wins when both are given, as on Meta. Phones may arrive with +, spaces, dashes and brackets.
  const identity = request.to ? { from: request.to.replace(/\D/g, '') } : { userId: request.recipient ?? '' };
  return context.customers.upsert(identity, context.random, context.clock.now());
}

function buildResponse(request: SendMessageRequest, customer: Customer, id: string, isTemplate: boolean): Record<string, unknown> {
  const contact = request.to ? { input: request.to, wa_id: customer.waId } : { input: request.recipient, user_id: customer.userId };
  return { messaging_product: 'whatsapp', contacts: [contact], messages: [{ id, ...(isTemplate ? { message_status: 'accepted' } : {}) }] };
}

function accept(
  context: SimulatorContext,
  channel: Channel,
  request: SendMessageRequest,
  customer: Customer,
  category: TemplateCategory | undefined,
  windowOpen: boolean,
): OutboundMessage {
  const buttons = listReplyButtons(request);
  const card = cardOf(request, context.config.templates);
  const message: OutboundMessage = {
    id: context.ids.wamid(customer.waId ?? customer.userId.replace(/\D/g, '')),
    phoneNumberId: channel.phoneNumberId,
    input: request.to ?? request.recipient ?? '',
    customerKey: customer.key,
    ...(customer.waId ? { waId: customer.waId } : {}),
    userId: customer.userId,
    type: request.type,
    voice: request.type === 'audio' && request.audio?.voice === true,
    preview: previewOutbound(request, context.config.templates),
    ...(buttons ? { buttons } : {}),
    ...(card ? { card } : {}),
    ...(request.template && category
      ? { template: { name: request.template.name, language: request.template.language.code, category, components: request.template.components ?? [] } }
      : {}),
    pricing: priceMessage(category, windowOpen),
    windowOpen,
    acceptedAt: context.clock.now(),
    status: 'accepted',
    statusHistory: [],
    request,
  };
  context.log.recordOutbound(message);
  return message;
}

/** `POST /{v}/{phone-number-id}/messages`: validates like Meta, answers synchronously, then plays out the statuses. */
export function handleSendMessage(context: SimulatorContext, channel: Channel, body: unknown): Reply {
  if (typeof body === 'object' && body !== null && 'status' in body) return markRead(context, channel, body);
  const parsed = sendMessageRequestSchema.safeParse(body);
  if (!parsed.success) return replyWithGraphError(context.ids, 100, formatIssues(parsed.error));
  const request = parsed.data;
  const violation = findLimitViolation(request);
  if (violation) return replyWithGraphError(context.ids, violation.code, violation.details);
  const unknownMedia = findUnknownMedia(context, request);
  if (unknownMedia) return replyWithGraphError(context.ids, 131009, unknownMedia);

  let category: TemplateCategory | undefined;
  if (request.type === 'template' && request.template) {
    const check = checkTemplate(context.config.templates, request.template);
    if (!check.ok) return replyWithGraphError(context.ids, check.code, check.details);
    category = check.template.category;
    if (!request.to && category === 'authentication') return replyWithGraphError(context.ids, 131062);
  }

  const injected = context.failures.take();
  if (injected?.mode === 'sync') return replyWithGraphError(context.ids, injected.code, injected.details, injected.httpStatus);
  const now = context.clock.now();
  if (!context.limits.tryThroughput(channel.phoneNumberId, now)) {
    return replyWithGraphError(context.ids, 130429, undefined, context.knobs.rate_limit_http_status);
  }
  const customer = resolveCustomer(context, request);
  if (!context.limits.tryPair(channel.phoneNumberId, customer.key, now)) return replyWithGraphError(context.ids, 131056);

  const windowOpen = isWindowOpen(customer, channel.phoneNumberId, now);
  const windowClosed = !windowOpen && category === undefined;
  if (windowClosed && context.knobs.window_mode === 'sync') return replyWithGraphError(context.ids, 131047);

  const message = accept(context, channel, request, customer, category, windowOpen);
  let failure: GraphFailure | undefined = windowClosed ? describeGraphError(131047) : undefined;
  if (injected?.mode === 'value') emitValueError(context, channel.phoneNumberId, describeGraphError(injected.code, injected.details));
  else if (injected?.mode === 'async') failure = describeGraphError(injected.code, injected.details);
  if (injected?.mode !== 'value') scheduleStatuses(context, message, failure);
  return json(200, buildResponse(request, customer, message.id, category !== undefined));
}
