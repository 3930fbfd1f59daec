import type { SendMessageRequest } from '../../schemas/graph';

/** What the outbox knows about a queued message when it is time to send it. */
export interface OutboundMessage {
  id: string;
  type: string;
  text: string;
  /** Customer's phone (digits) when known; username users (2026) only have `userId`. */
  waId: string | null;
  userId: string | null;
  contextWamid: string | null;
  mediaId: string | null;
  mediaFilename: string | null;
  payload: Record<string, unknown>;
  template: {
    name: string;
    language: string;
    parameterFormat: 'named' | 'positional';
    params: Record<string, string> | string[];
    /** Values for a text header's placeholder(s), in the same form as `params`; empty when the header has none. */
    headerParams?: Record<string, string> | string[];
  } | null;
}

export type BuildResult =
  { ok: true; request: SendMessageRequest } | { ok: false; reason: 'no-recipient' | 'missing-media' | 'missing-template' | 'unsupported-type' };

/** Our record id travels with the send and comes back on every status: the link survives a crash before we store the wamid. */
export function callbackDataFor(messageId: string): string {
  return `pd:${messageId}`;
}

/** Reads our record id back out of `biz_opaque_callback_data`. */
export function messageIdFromCallbackData(data: string | undefined): string | null {
  const match = /^pd:([a-z0-9]{15})$/.exec(data ?? '');
  return match ? match[1] : null;
}

function textParameters(params: Record<string, string> | string[]) {
  return Array.isArray(params)
    ? params.map((text) => ({ type: 'text', text }))
    : Object.entries(params).map(([name, text]) => ({ type: 'text', parameter_name: name, text }));
}

function templateComponents(template: NonNullable<OutboundMessage['template']>) {
  const header = textParameters(template.headerParams ?? []);
  const body = textParameters(template.params);
  return [...(header.length ? [{ type: 'header', parameters: header }] : []), ...(body.length ? [{ type: 'body', parameters: body }] : [])];
}

/** Builds the Graph API body for one queued message. */
export function buildSendRequest(message: OutboundMessage): BuildResult {
  const recipient: Partial<SendMessageRequest> = message.waId ? { to: `+${message.waId}` } : message.userId ? { recipient: message.userId } : {};
  if (!recipient.to && !recipient.recipient) return { ok: false, reason: 'no-recipient' };
  const base = {
    messaging_product: 'whatsapp' as const,
    recipient_type: 'individual' as const,
    ...recipient,
    biz_opaque_callback_data: callbackDataFor(message.id),
    ...(message.contextWamid ? { context: { message_id: message.contextWamid } } : {}),
  };
  switch (message.type) {
    case 'text':
      return { ok: true, request: { ...base, type: 'text', text: { body: message.text, preview_url: /https?:\/\//.test(message.text) } } };
    case 'image':
    case 'video':
    case 'audio':
    case 'document': {
      if (!message.mediaId) return { ok: false, reason: 'missing-media' };
      const media: Record<string, unknown> = { id: message.mediaId };
      if (message.text && message.type !== 'audio') media.caption = message.text;
      if (message.type === 'document' && message.mediaFilename) media.filename = message.mediaFilename;
      return { ok: true, request: { ...base, type: message.type, [message.type]: media } };
    }
    case 'interactive':
      return { ok: true, request: { ...base, type: 'interactive', interactive: message.payload as { type: string } } };
    case 'reaction':
      return {
        ok: true,
        request: { ...base, type: 'reaction', reaction: { message_id: String(message.payload.message_id ?? ''), emoji: String(message.payload.emoji ?? '') } },
      };
    case 'template': {
      if (!message.template) return { ok: false, reason: 'missing-template' };
      const components = templateComponents(message.template);
      return {
        ok: true,
        request: {
          ...base,
          type: 'template',
          template: { name: message.template.name, language: { code: message.template.language }, ...(components.length ? { components } : {}) },
        },
      };
    }
    default:
      return { ok: false, reason: 'unsupported-type' };
  }
}
