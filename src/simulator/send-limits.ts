import { z } from 'zod';
import type { SendMessageRequest } from '../lib/schemas/graph';
import { formatIssues } from './request-issues';

// Per-type limits of §4.1 that the shared request schema leaves loose (it only fixes the envelope).

export interface LimitViolation {
  code: 100 | 131009;
  details: string;
}

const text = (max: number) => z.looseObject({ text: z.string().min(1).max(max) });

const buttonMessage = z.looseObject({
  type: z.literal('button'),
  header: z.looseObject({ type: z.string(), text: z.string().max(60).optional() }).optional(),
  body: text(1024),
  footer: text(60).optional(),
  action: z.looseObject({
    buttons: z
      .array(z.looseObject({ type: z.literal('reply'), reply: z.looseObject({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }) }))
      .min(1)
      .max(3),
  }),
});

const listRow = z.looseObject({ id: z.string().min(1).max(200), title: z.string().min(1).max(24), description: z.string().max(72).optional() });

const listMessage = z.looseObject({
  type: z.literal('list'),
  header: z.looseObject({ type: z.literal('text'), text: z.string().min(1).max(60) }).optional(),
  body: text(4096),
  footer: text(60).optional(),
  action: z.looseObject({
    button: z.string().min(1).max(20),
    sections: z
      .array(z.looseObject({ title: z.string().max(24).optional(), rows: z.array(listRow).min(1) }))
      .min(1)
      .max(10)
      .refine((sections) => sections.reduce((sum, section) => sum + section.rows.length, 0) <= 10, 'at most 10 rows in total'),
  }),
});

const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'] as const;
const CAPTIONED = new Set(['image', 'video', 'document']);

function checkMedia(request: SendMessageRequest, type: (typeof MEDIA_TYPES)[number]): LimitViolation | undefined {
  const media = request[type];
  if (!media) return undefined;
  if (Boolean(media.id) === Boolean(media.link)) return { code: 100, details: `${type}: exactly one of id or link is required` };
  if (media.link && !/^https?:\/\/\S+$/i.test(media.link)) return { code: 131009, details: `${type}.link: must be an http(s) URL` };
  if (media.caption !== undefined && !CAPTIONED.has(type)) return { code: 131009, details: `${type}.caption: not supported for ${type}` };
  return undefined;
}

function checkInteractive(interactive: NonNullable<SendMessageRequest['interactive']>): LimitViolation | undefined {
  const schema = interactive.type === 'button' ? buttonMessage : interactive.type === 'list' ? listMessage : undefined;
  // cta_url, flow, location_request_message… are accepted as-is.
  const result = schema?.safeParse(interactive);
  return result && !result.success ? { code: 131009, details: formatIssues(result.error, 'interactive') } : undefined;
}

/** The first §4.1 rule the request breaks, or undefined. Templates are checked against the registry separately. */
export function findLimitViolation(request: SendMessageRequest): LimitViolation | undefined {
  if (!request.to && !request.recipient) return { code: 100, details: 'to: required (or recipient for a business-scoped user id)' };
  // Meta accepts +, spaces, dashes and brackets around the digits.
  if (request.to && !/^\+?[\d\s().-]+$/.test(request.to)) return { code: 100, details: 'to: not a phone number' };
  if (request.to && request.to.replace(/\D/g, '').length < 5) return { code: 100, details: 'to: too few digits' };
  if (!request.to && request.recipient && !/^[A-Z]{2}\.[A-Za-z0-9.]+$/.test(request.recipient)) {
    return { code: 100, details: 'recipient: not a business-scoped user id' };
  }
  if (request.recipient_type === 'group') return { code: 131009, details: 'recipient_type: group sends are not simulated' };
  if (request[request.type] === undefined) return { code: 100, details: `${request.type}: required for type ${request.type}` };
  for (const type of MEDIA_TYPES) {
    const violation = request.type === type ? checkMedia(request, type) : undefined;
    if (violation) return violation;
  }
  if (request.type === 'interactive' && request.interactive) return checkInteractive(request.interactive);
  if (request.type === 'location' && request.location) {
    const { latitude, longitude } = request.location;
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return { code: 131009, details: 'location: latitude/longitude out of range' };
  }
  if (request.type === 'contacts' && (request.contacts ?? []).length === 0) return { code: 131009, details: 'contacts: at least one contact' };
  if (request.type === 'reaction' && request.reaction && [...request.reaction.emoji].length > 8) {
    return { code: 131009, details: 'reaction.emoji: one emoji, or "" to remove' };
  }
  return undefined;
}
