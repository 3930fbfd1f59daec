import type { NotificationKind } from './notification-kind';
import { CLAIM_ACTION, notificationUrl, OFFER_ACTIONS, type NotificationAction } from './notification-url';
import type { PushWording } from './push-wording';

/** Largest plaintext a push may carry: 4,096 bytes of record minus encryption overhead (RFC 8291). */
export const MAX_PUSH_PAYLOAD_BYTES = 3993;
/** The service worker clamps title and body to these UTF-16 lengths; staying under them keeps it from splitting a pair. */
export const MAX_TITLE_UNITS = 200;
export const MAX_BODY_UNITS = 500;

const ELLIPSIS = '…';

/** What the service worker receives (JSON); `src/lib/client/push-payload.ts` reads `title`, `body`, `url` and `tag`. */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
  /** One notification per conversation on the device: a newer one replaces the older. */
  tag: string;
  conversationId: string | null;
  kind: NotificationKind;
  /** Offers and waiting work only: the buttons to show; the service worker titles them in the device's language. */
  actions?: NotificationAction[];
  /** Waiting work only: how many customers wait, so the service worker can say it in the device's language. */
  count?: number;
  /** The words by key, for the service worker to say in the device's language; `title` and `body` are the English. */
  wording?: PushWording;
  /** With `wording`: the channel's name, which the service worker puts before the worded body as the English has it. */
  channel?: string;
}

export interface PushNotification {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  url: string;
  conversationId: string | null;
  /** Waiting work only: how many customers wait. */
  count?: number | null;
  /** What the server meant, by key (notifications.wording); null when its title and body are the customer's words. */
  wording?: PushWording | null;
}

export interface PushPayloadSource {
  notification: PushNotification;
  customerName: string | null;
  channelName: string | null;
  /** The customer's latest message, used when the notification has no body of its own. */
  messageText: string | null;
}

export interface BuiltPushPayload {
  payload: PushPayload;
  /** The exact text to encrypt and send. */
  json: string;
  bytes: number;
}

const kindTitles: Record<NotificationKind, string> = {
  assigned: 'New conversation',
  handover: 'Conversation handed to you',
  escalated: 'Escalated to you',
  mention: 'You were mentioned',
  message: 'New message',
  offer: 'Conversation offered',
  sla: 'Reply overdue',
  integration: 'Integration paused',
  waiting: 'Customers waiting',
  snooze: 'Back from snooze',
};

/** The English words of a waiting push; the service worker replaces them with the device's language. */
function waitingTitle(count: number): string {
  return count === 1 ? '1 customer waiting' : `${count} customers waiting`;
}

/** UTF-8 length of a string, counted by code point (a lone surrogate counts as the 3-byte U+FFFD it becomes). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Replaces lone surrogates (invalid UTF-16, e.g. from a cut elsewhere) with U+FFFD. */
function wellFormed(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    out += code >= 0xd800 && code <= 0xdfff ? '\ufffd' : char;
  }
  return out;
}

/** The first non-empty line, well-formed, with control characters and runs of whitespace collapsed. */
export function firstLine(text: string | null | undefined): string {
  for (const line of (text ?? '').split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const clean = line.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
    if (clean) return wellFormed(clean);
  }
  return '';
}

/** The first `count` code points, with an ellipsis when something was cut; never ends on half a pair or a joiner. */
function cutAt(chars: readonly string[], count: number): string {
  if (count >= chars.length) return chars.join('');
  if (count <= 0) return '';
  const kept = chars
    .slice(0, count)
    .join('')
    .replace(/[\s\u200d\ufe0f]+$/u, '');
  return kept ? kept + ELLIPSIS : '';
}

/** Shortens text to at most `maxUnits` UTF-16 units, cutting between code points. */
export function clampText(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  const chars = Array.from(text);
  let units = ELLIPSIS.length;
  let count = 0;
  while (count < chars.length && units + chars[count].length <= maxUnits) units += chars[count++].length;
  return cutAt(chars, count);
}

/** The longest cut of `text` for which `fits` holds (binary search over code points); '' when none does. */
function longestFitting(text: string, fits: (candidate: string) => boolean): string {
  if (fits(text)) return text;
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(cutAt(chars, mid))) low = mid;
    else high = mid - 1;
  }
  return cutAt(chars, low);
}

function encode(payload: PushPayload): BuiltPushPayload {
  const json = JSON.stringify(payload);
  return { payload, json, bytes: utf8ByteLength(json) };
}

/** Builds what a push carries for one notification, never over MAX_PUSH_PAYLOAD_BYTES of UTF-8 JSON. */
export function buildPushPayload(source: PushPayloadSource): BuiltPushPayload {
  const { notification } = source;
  const customer = firstLine(source.customerName);
  const channel = firstLine(source.channelName);
  const line = firstLine(notification.body) || firstLine(source.messageText);
  const count = notification.kind === 'waiting' && notification.count ? notification.count : null;
  const ownTitle = firstLine(notification.title);
  const title = count !== null ? waitingTitle(count) : ownTitle || (customer ? `${kindTitles[notification.kind]}: ${customer}` : kindTitles[notification.kind]);
  // A title made here from the kind is English: the device words it again from the same facts.
  const wording: PushWording | null =
    notification.wording ?? (count === null && !ownTitle ? { key: 'kind-title', customer: customer ? clampText(customer, MAX_TITLE_UNITS) : null } : null);
  const body = channel ? (line ? `${channel} · ${line}` : channel) : line;
  const conversationId = notification.conversationId || null;
  let payload: PushPayload = {
    title: clampText(title, MAX_TITLE_UNITS),
    body: clampText(body, MAX_BODY_UNITS),
    url: notificationUrl(notification.url, conversationId),
    // One waiting notice on the device, replaced by the newer count.
    tag: notification.kind === 'waiting' ? 'waiting' : conversationId ? `conversation-${conversationId}` : `notification-${notification.id}`,
    conversationId,
    kind: notification.kind,
    ...(notification.kind === 'offer' && conversationId ? { actions: [...OFFER_ACTIONS] } : {}),
    ...(notification.kind === 'waiting' && conversationId ? { actions: [CLAIM_ACTION] } : {}),
    ...(count !== null ? { count } : {}),
    ...(wording ? { wording, ...(channel ? { channel: clampText(channel, MAX_TITLE_UNITS) } : {}) } : {}),
  };
  const fits = (candidate: PushPayload) => encode(candidate).bytes <= MAX_PUSH_PAYLOAD_BYTES;
  if (fits(payload)) return encode(payload);
  // Escaped characters can triple in JSON: shorten the body first, then the title, measuring the real encoding.
  payload = { ...payload, body: longestFitting(payload.body, (body) => fits({ ...payload, body })) };
  payload = { ...payload, title: longestFitting(payload.title, (title) => fits({ ...payload, title })) };
  if (fits(payload)) return encode(payload);
  // Only absurd ids or URLs get here: a generic notice still tells the agent to look.
  return encode({
    title: kindTitles[notification.kind],
    body: '',
    url: '/',
    tag: 'pocketdesk',
    conversationId: null,
    kind: notification.kind,
    wording: { key: 'kind-title', customer: null },
  });
}
