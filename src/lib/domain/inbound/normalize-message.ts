import type { InboundMessage } from '../../schemas/webhook';
import { groupIdOf, messageChangeOf, referralOf } from './message-extras';
import { isMediaType, type InboundMedia, type NormalizedInbound } from './normalized-message';

type Loose = Record<string, unknown>;

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function mediaOf(message: InboundMessage): InboundMedia | null {
  if (!isMediaType(message.type)) return null;
  const object = message[message.type];
  if (!object?.id) return null;
  return {
    id: object.id,
    mime: object.mime_type ?? 'application/octet-stream',
    sha256: object.sha256 ?? null,
    filename: object.filename ?? null,
    url: object.url ?? null,
    voice: object.voice === true,
  };
}

function interactiveOf(interactive: Loose): { text: string; payload: Loose } {
  const kind = str(interactive.type);
  const reply = (interactive[kind] ?? {}) as Loose;
  if (kind === 'nfm_reply') {
    let response: unknown = str(reply.response_json);
    try {
      response = JSON.parse(str(reply.response_json));
    } catch {
      // Keep the raw string: a flow answer we cannot parse is still the customer's answer.
    }
    return { text: str(reply.body) || 'Form submitted', payload: { kind, name: str(reply.name), body: str(reply.body), response } };
  }
  return {
    text: str(reply.title),
    payload: { kind, id: str(reply.id), title: str(reply.title), description: str(reply.description) || undefined },
  };
}

function contactsText(cards: Loose[]): string {
  const names = cards.map((card) => str((card.name as Loose | undefined)?.formatted_name)).filter(Boolean);
  return names.length ? `Contact: ${names.join(', ')}` : 'Contact card';
}

function describe(message: InboundMessage): { text: string; payload: Loose } {
  switch (message.type) {
    case 'text':
      return { text: message.text?.body ?? '', payload: {} };
    case 'image':
    case 'video':
    case 'document':
    case 'audio':
    case 'sticker': {
      const object = message[message.type] ?? {};
      const fallback = {
        image: 'Photo',
        video: 'Video',
        document: object.filename ?? 'Document',
        audio: object.voice ? 'Voice message' : 'Audio',
        sticker: 'Sticker',
      }[message.type];
      return { text: object.caption ?? fallback, payload: { caption: object.caption, animated: object.animated } };
    }
    case 'location': {
      const loc = message.location!;
      return { text: loc.name ?? loc.address ?? `Location ${loc.latitude}, ${loc.longitude}`, payload: { ...loc } };
    }
    case 'contacts':
      return { text: contactsText((message.contacts ?? []) as Loose[]), payload: { contacts: message.contacts ?? [] } };
    case 'interactive':
      return interactiveOf((message.interactive ?? {}) as Loose);
    case 'button':
      return { text: message.button?.text ?? '', payload: { payload: message.button?.payload, text: message.button?.text } };
    case 'reaction':
      return { text: message.reaction?.emoji ?? '', payload: { ...message.reaction } };
    case 'order': {
      const order = (message.order ?? {}) as Loose;
      const items = Array.isArray(order.product_items) ? (order.product_items as Loose[]) : [];
      return { text: str(order.text) || `Order: ${items.length} item(s)`, payload: { ...order } };
    }
    case 'system':
      return { text: message.system?.body ?? 'System update', payload: { ...message.system, identity: (message as Loose).identity } };
    default: {
      // Unsupported and future types are kept, not rejected: the raw payload is stored beside them.
      const inner = (message as Loose)[message.type];
      return { text: 'Unsupported message', payload: { original_type: message.type, detail: inner ?? null } };
    }
  }
}

/** Turns one Cloud API message object into the normalized form the help desk stores and renders. */
export function normalizeInbound(message: InboundMessage): NormalizedInbound {
  const { text, payload } = describe(message);
  const error = message.errors?.[0];
  const reaction = message.type === 'reaction' && message.reaction ? { targetWamid: message.reaction.message_id, emoji: message.reaction.emoji || null } : null;
  const system =
    message.type === 'system' && message.system
      ? { kind: message.system.type ?? 'unknown', newWaId: message.system.wa_id ?? null, newUserId: message.system.user_id ?? null }
      : null;
  return {
    wamid: message.id,
    type: message.type === 'unknown' ? 'unsupported' : message.type,
    text,
    timestamp: message.timestamp * 1000,
    payload: message.type === 'unsupported' ? { ...payload, unsupported_type: str((message as Loose & { unsupported?: Loose }).unsupported?.type) } : payload,
    media: mediaOf(message),
    contextWamid: message.context?.id ?? null,
    forwarded: message.context?.forwarded === true || message.context?.frequently_forwarded === true,
    frequentlyForwarded: message.context?.frequently_forwarded === true,
    reaction,
    system,
    error: error ? { code: error.code, title: error.title ?? error.message ?? '', details: error.error_data?.details ?? '' } : null,
    change: messageChangeOf(message),
    referral: referralOf(message),
    groupId: groupIdOf(message),
  };
}
