// What a web push carries to the service worker, read defensively: a push must always show something.
import { isNotificationAction, type NotificationAction } from '../domain/notifications/notification-url';

export interface PushNotice {
  title: string;
  body: string;
  /** Same-origin path to open on tap. */
  url: string;
  tag: string | undefined;
  /** Offer buttons (Accept, Decline) or waiting work's Claim; empty for every other notification. */
  actions: NotificationAction[];
  /** Waiting work: how many customers wait (the service worker words the title in the device's language); else null. */
  waitingCount: number | null;
}

const FALLBACK_TITLE = 'Pocketdesk';

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** Keeps `url` on this app's origin: a notification must never open someone else's site. */
export function sameOriginPath(url: unknown, origin: string): string {
  if (typeof url !== 'string' || !url) return '/';
  try {
    const resolved = new URL(url, origin);
    return resolved.origin === origin ? `${resolved.pathname}${resolved.search}${resolved.hash}` : '/';
  } catch {
    return '/';
  }
}

/** Reads the JSON payload `{title, body, url, tag, actions}`; anything missing or malformed falls back to a generic notice. */
export function parsePushPayload(raw: string | null, origin: string): PushNotice {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch {
    data = { body: raw ?? '' };
  }
  return {
    title: text(data.title, 200) || FALLBACK_TITLE,
    body: text(data.body, 500),
    url: sameOriginPath(data.url, origin),
    tag: text(data.tag, 100) || undefined,
    actions: Array.isArray(data.actions) ? [...new Set(data.actions.filter(isNotificationAction))] : [],
    waitingCount: data.kind === 'waiting' && Number.isInteger(data.count) && (data.count as number) > 0 ? (data.count as number) : null,
  };
}

/** The title to show: waiting work is worded in the device's language (`words` from its catalogue); others as sent. */
export function noticeTitle(notice: PushNotice, words: { title: (count: number) => string }): string {
  return notice.waitingCount !== null ? words.title(notice.waitingCount) : notice.title;
}

// Pushes that put a conversation in the agent's hands: the service worker downloads it before the tap.
const PREFETCH_KINDS = new Set(['assigned', 'handover', 'escalated', 'offer']);

/** The conversation a push asks the device to keep for offline reading, or null. */
export function pushPrefetchTarget(raw: string | null): string | null {
  try {
    const data: unknown = raw ? JSON.parse(raw) : null;
    if (!data || typeof data !== 'object') return null;
    const { kind, conversationId } = data as Record<string, unknown>;
    return typeof kind === 'string' && PREFETCH_KINDS.has(kind) && typeof conversationId === 'string' && /^[a-z0-9]{15}$/.test(conversationId)
      ? conversationId
      : null;
  } catch {
    return null;
  }
}
