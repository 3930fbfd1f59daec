import type { SendMessageRequest } from '../lib/schemas/graph';
import type { SimulatorTemplate } from '../lib/schemas/simulator';
import { cardOf, cardText } from './message-card';

// One-line summaries of messages for the phone page and /_sim/state; never used on the wire.

function textAt(value: unknown, ...path: string[]): string | undefined {
  let current: unknown = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' ? current : undefined;
}

/** One line for a business message; templates read as their filled-in text when the registry knows it. */
export function previewOutbound(request: SendMessageRequest, templates: readonly SimulatorTemplate[] = []): string {
  switch (request.type) {
    case 'text':
      return request.text?.body ?? '';
    case 'template':
      return cardText(cardOf(request, templates) ?? { body: '' });
    case 'reaction':
      return request.reaction?.emoji ? `reacted ${request.reaction.emoji}` : 'removed a reaction';
    case 'interactive':
      return textAt(request.interactive, 'body', 'text') ?? '[interactive]';
    case 'location':
      return `[location ${request.location?.name ?? `${request.location?.latitude}, ${request.location?.longitude}`}]`;
    case 'audio':
      return request.audio?.voice ? '[voice note]' : '[audio]';
    default: {
      const media = request[request.type] as { caption?: string; filename?: string } | undefined;
      return `[${request.type}]${media?.caption ? ` ${media.caption}` : media?.filename ? ` ${media.filename}` : ''}`;
    }
  }
}

/** Reply buttons of an interactive button message, so the phone page can offer them. */
export function listReplyButtons(request: SendMessageRequest): { id: string; title: string }[] | undefined {
  if (request.type !== 'interactive' || request.interactive?.type !== 'button') return undefined;
  const action = request.interactive['action'] as { buttons?: { reply?: { id?: unknown; title?: unknown } }[] } | undefined;
  return (action?.buttons ?? []).flatMap((button) =>
    typeof button.reply?.id === 'string' && typeof button.reply.title === 'string' ? [{ id: button.reply.id, title: button.reply.title }] : [],
  );
}

export function previewInbound(message: Record<string, unknown>): string {
  const type = String(message['type']);
  switch (type) {
    case 'text':
      return textAt(message, 'text', 'body') ?? '';
    case 'reaction':
      return textAt(message, 'reaction', 'emoji') ? `reacted ${textAt(message, 'reaction', 'emoji')}` : 'removed a reaction';
    case 'interactive':
      return textAt(message, 'interactive', 'button_reply', 'title') ?? textAt(message, 'interactive', 'list_reply', 'title') ?? '[interactive]';
    case 'button':
      return textAt(message, 'button', 'text') ?? '[button]';
    case 'audio':
      return (message['audio'] as { voice?: boolean } | undefined)?.voice ? '[voice note]' : '[audio]';
    case 'location':
      return `[location ${textAt(message, 'location', 'name') ?? ''}]`.replace(' ]', ']');
    default: {
      const caption = textAt(message, type, 'caption');
      return `[${type}]${caption ? ` ${caption}` : ''}`;
    }
  }
}
