import type { InjectInboundRequest } from '../lib/schemas/simulator';
import type { Customer } from './customer-book';
import { buildWebhookError, describeGraphError } from './graph-errors';
import { buildSenderFields } from './identity-fields';
import { isMediaType, sampleFileFor } from './sample-media';
import { unixSecondsNow, type SimulatorContext } from './simulator-context';
import type { Channel } from './webhook-envelope';

// Builds the `messages[]` object of an inbound webhook (§3.2) from a /_sim/inbound request.
// Key order follows Meta's samples: context, from, id, timestamp, type, then the type's object.

type Payload = Record<string, unknown>;

/** Stores the customer's file so `GET /{media-id}` resolves it, and describes it the way the webhook does. */
function buildMedia(context: SimulatorContext, channel: Channel, request: InjectInboundRequest): Payload {
  if (!isMediaType(request.type)) return {};
  const sample = sampleFileFor(request.type);
  const bytes = request.dataBase64 !== undefined ? Buffer.from(request.dataBase64, 'base64') : sample.bytes;
  const mimeType = request.mimeType ?? sample.mimeType;
  const filename = request.filename ?? (request.type === 'document' ? sample.filename : undefined);
  const stored = context.media.add({ phoneNumberId: channel.phoneNumberId, mimeType, bytes, ...(filename ? { filename } : {}), origin: 'inbound' });
  const captioned = request.type === 'image' || request.type === 'video' || request.type === 'document';
  return {
    ...(captioned && request.text !== undefined ? { caption: request.text } : {}),
    ...(request.type === 'document' && filename ? { filename } : {}),
    mime_type: mimeType,
    // Webhooks give the digest in base64; `GET /{media-id}` gives it in hex.
    sha256: stored.sha256Base64,
    id: stored.id,
    ...(context.knobs.media_url_in_webhook ? { url: context.media.issueUrl(stored.id, context.baseUrl) } : {}),
    ...(request.type === 'audio' ? { voice: request.voice ?? true } : {}),
    ...(request.type === 'sticker' ? { animated: false } : {}),
  };
}

/** Defaults for the types whose content a test rarely cares about; `fields` overrides them. */
function buildTypedPayload(request: InjectInboundRequest, customer: Customer): Payload {
  switch (request.type) {
    case 'text':
      return { text: { body: request.text ?? '' } };
    case 'location':
      return { location: request.location };
    case 'reaction':
      return { reaction: { message_id: request.reaction?.messageId, ...(request.reaction?.emoji !== undefined ? { emoji: request.reaction.emoji } : {}) } };
    case 'interactive':
      return request.buttonReply
        ? { interactive: { type: 'button_reply', button_reply: request.buttonReply } }
        : { interactive: { type: 'list_reply', list_reply: request.listReply } };
    case 'button':
      return { button: request.button };
    case 'contacts':
      return {
        contacts: [
          {
            name: { formatted_name: 'Ana Pérez', first_name: 'Ana', last_name: 'Pérez' },
            phones: [{ phone: '+34 600 123 456', wa_id: '34600123456', type: 'CELL' }],
          },
        ],
      };
    case 'order':
      return {
        order: {
          catalog_id: '1234567890',
          ...(request.text ? { text: request.text } : {}),
          product_items: [{ product_retailer_id: 'SKU-1', quantity: 1, item_price: 19.99, currency: 'USD' }],
        },
      };
    case 'system':
      return { system: { body: `${customer.name || 'User'} changed their identity`, type: 'customer_identity_changed' } };
    case 'unsupported':
      return { errors: [buildWebhookError(describeGraphError(131051))], unsupported: { type: 'poll_creation' } };
    default:
      return {};
  }
}

function buildContext(context: SimulatorContext, channel: Channel, request: InjectInboundRequest, customer: Customer): Payload | undefined {
  if (request.forwarded) return { [request.forwarded]: true };
  const needsContext = request.type === 'interactive' || request.type === 'button';
  const lastToCustomer = needsContext ? context.log.outbound.filter((message) => message.customerKey === customer.key).at(-1) : undefined;
  const id = request.contextId ?? lastToCustomer?.id;
  if (id === undefined) return undefined;
  // Quoting the customer's own message names the customer; anything else is taken as a business message.
  const quotesCustomer = context.log.findInbound(id)?.customerKey === customer.key;
  return { from: quotesCustomer && customer.waId ? customer.waId : channel.displayPhoneNumber, id };
}

export function buildInboundMessage(context: SimulatorContext, channel: Channel, request: InjectInboundRequest, customer: Customer): Payload {
  const messageContext = buildContext(context, channel, request, customer);
  const type = request.type;
  return {
    ...(messageContext ? { context: messageContext } : {}),
    ...buildSenderFields(customer, context.knobs.bsuid_mode),
    id: context.ids.wamid(customer.waId ?? customer.userId.replace(/\D/g, '')),
    timestamp: unixSecondsNow(context),
    type,
    ...buildTypedPayload(request, customer),
    ...(isMediaType(type) ? { [type]: buildMedia(context, channel, request) } : {}),
    ...(request.referral ? { referral: request.referral } : {}),
    ...request.fields,
  };
}
