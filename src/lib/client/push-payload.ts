// What a web push carries to the service worker, read defensively: a push must always show something.
import type { NotificationKind } from '../domain/notifications/notification-kind';
import { isNotificationAction, type NotificationAction } from '../domain/notifications/notification-url';
import { isPushWording, type PauseReason, type PushWording } from '../domain/notifications/push-wording';
import type { SlaTarget } from '../domain/sla/sla-status';

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
  /** Why the agent is told, when the payload says (the kind's title is worded from it). */
  kind: NotificationKind | null;
  /** What the server meant, by key, to be said in the device's language; null: show title and body as sent. */
  wording: PushWording | null;
  /** The channel's name, put before a worded body. */
  channel: string;
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
    kind: typeof data.kind === 'string' && data.kind.length <= 30 ? (data.kind as NotificationKind) : null,
    wording: isPushWording(data.wording) ? data.wording : null,
    channel: text(data.channel, 200),
  };
}

/** The catalogue's push words (core `waitingPush` and thread `pushWords`), in the device's language. */
export interface PushWords {
  waitingTitle: (count: number) => string;
  kindTitles: Record<string, string>;
  handedBack: (count: number) => string;
  slaMissed: string;
  slaTargets: Record<SlaTarget, string>;
  integrationPaused: (endpoint: string) => string;
  pauseReasons: Record<PauseReason, string>;
}

/** The title and body to show: what the server meant said in the device's language, else as sent. */
export function noticeText(notice: PushNotice, words: PushWords): { title: string; body: string } {
  const withChannel = (line: string) => (notice.channel ? `${notice.channel} · ${line}` : line);
  if (notice.waitingCount !== null) return { title: words.waitingTitle(notice.waitingCount), body: notice.body };
  const wording = notice.wording;
  switch (wording?.key) {
    case 'handed-back':
      return { title: notice.title, body: withChannel(words.handedBack(wording.count)) };
    case 'sla-missed':
      return { title: words.slaMissed, body: withChannel(words.slaTargets[wording.target]) };
    case 'integration-paused':
      return { title: words.integrationPaused(wording.endpoint), body: words.pauseReasons[wording.reason] };
    case 'kind-title': {
      const kindTitle = notice.kind ? words.kindTitles[notice.kind] : undefined;
      if (!kindTitle) return { title: notice.title, body: notice.body };
      return { title: wording.customer ? `${kindTitle}: ${wording.customer}` : kindTitle, body: notice.body };
    }
    default:
      return { title: notice.title, body: notice.body };
  }
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
