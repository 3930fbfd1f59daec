import type { SendMessageRequest } from '../lib/schemas/graph';
import type { SimulatorTemplate } from '../lib/schemas/simulator';

// How WhatsApp draws a business message that is more than text: a template with its parameters filled in and its
// quick replies, an interactive list behind its button, reply buttons under the bubble. The phone page draws these,
// and a tap answers with exactly what the customer's phone would send.

/** One row of an interactive list; `id` comes back in the `list_reply`. */
export interface CardRow {
  id: string;
  title: string;
  description?: string;
}

/** What the phone page draws for one business message. */
export interface MessageCard {
  header?: string;
  body: string;
  footer?: string;
  /** Interactive reply buttons: a tap sends `interactive.button_reply`. */
  replyButtons?: { id: string; title: string }[];
  /** An interactive list: the button opens the rows; a tap sends `interactive.list_reply`. */
  list?: { button: string; sections: { title?: string; rows: CardRow[] }[] };
  /** A template's quick replies: a tap sends a `button` message with this payload (the text when none was given). */
  quickReplies?: { text: string; payload: string }[];
}

type Template = NonNullable<SendMessageRequest['template']>;
type Component = NonNullable<Template['components']>[number];

function textAt(value: unknown, ...path: string[]): string | undefined {
  let current: unknown = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' ? current : undefined;
}

const componentOf = (template: Template, type: string): Component | undefined => (template.components ?? []).find((c) => c.type.toLowerCase() === type);

/** Fills `{{1}}` / `{{name}}` placeholders with the send's parameters; an unfilled one stays as written. */
export function fillPlaceholders(text: string, component: Component | undefined): string {
  const parameters = component?.parameters ?? [];
  return text.replace(/\{\{\s*([a-z0-9_]+)\s*\}\}/g, (whole, key: string) => {
    const named = parameters.find((p) => p.parameter_name === key);
    const value = named ?? (/^[0-9]+$/.test(key) ? parameters[Number(key) - 1] : undefined);
    return value?.text ?? whole;
  });
}

function templateCard(template: Template, registry: readonly SimulatorTemplate[]): MessageCard {
  const known = registry.find((t) => t.name === template.name && t.language === template.language.code);
  const body = componentOf(template, 'body');
  if (!known?.body) {
    // A template known only by name: show what was sent, as plainly as possible.
    const values = (body?.parameters ?? []).map((p) => p.text ?? '').filter((v) => v !== '');
    return { body: values.length > 0 ? `${template.name.replace(/_/g, ' ')}: ${values.join(', ')}` : template.name.replace(/_/g, ' ') };
  }
  const buttons = (template.components ?? []).filter((c) => c.type.toLowerCase() === 'button');
  return {
    ...(known.header ? { header: fillPlaceholders(known.header, componentOf(template, 'header')) } : {}),
    body: fillPlaceholders(known.body, body),
    ...(known.footer ? { footer: known.footer } : {}),
    ...(known.quickReplies
      ? {
          quickReplies: known.quickReplies.map((text, index) => {
            const given = buttons.find((b) => String(b.index ?? '') === String(index))?.parameters?.[0]?.payload;
            return { text, payload: given ?? text };
          }),
        }
      : {}),
  };
}

function interactiveCard(interactive: Record<string, unknown>): MessageCard {
  const header = textAt(interactive, 'header', 'text');
  const footer = textAt(interactive, 'footer', 'text');
  const card: MessageCard = { body: textAt(interactive, 'body', 'text') ?? '', ...(header ? { header } : {}), ...(footer ? { footer } : {}) };
  const action = (interactive['action'] ?? {}) as { button?: unknown; buttons?: unknown; sections?: unknown };
  if (interactive['type'] === 'button' && Array.isArray(action.buttons)) {
    card.replyButtons = action.buttons.flatMap((b) => {
      const id = textAt(b, 'reply', 'id');
      const title = textAt(b, 'reply', 'title');
      return id !== undefined && title !== undefined ? [{ id, title }] : [];
    });
  }
  if (interactive['type'] === 'list' && Array.isArray(action.sections)) {
    const sections = action.sections.map((section) => {
      const title = textAt(section, 'title');
      const rows = Array.isArray((section as { rows?: unknown }).rows) ? (section as { rows: unknown[] }).rows : [];
      return {
        ...(title ? { title } : {}),
        rows: rows.flatMap((row) => {
          const id = textAt(row, 'id');
          const rowTitle = textAt(row, 'title');
          const description = textAt(row, 'description');
          return id !== undefined && rowTitle !== undefined ? [{ id, title: rowTitle, ...(description ? { description } : {}) }] : [];
        }),
      };
    });
    card.list = { button: typeof action.button === 'string' ? action.button : '', sections };
  }
  return card;
}

/** The card for a template or interactive message; undefined for everything else (drawn from its preview). */
export function cardOf(request: SendMessageRequest, registry: readonly SimulatorTemplate[]): MessageCard | undefined {
  if (request.type === 'template' && request.template) return templateCard(request.template, registry);
  if (request.type === 'interactive' && request.interactive) return interactiveCard(request.interactive);
  return undefined;
}

/** The card as one line of text, for previews and logs. */
export function cardText(card: MessageCard): string {
  return [card.header, card.body, card.footer].filter((part) => part !== undefined && part !== '').join('\n');
}
