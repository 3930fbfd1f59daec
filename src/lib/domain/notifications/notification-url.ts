// Where tapping a push takes the agent. Paths only: the service worker resolves them against its own origin.

/** The app path of a conversation (the PWA route `src/routes/conversations/[id]`). */
export function conversationPath(conversationId: string): string {
  return `/conversations/${encodeURIComponent(conversationId)}`;
}

/** True for a path on this app's origin: a leading single slash, no scheme, no backslash tricks. */
export function isAppPath(url: string): boolean {
  return /^\/(?![/\\])/.test(url) && !/[\s\\]/.test(url) && url.length <= 1000;
}

/** The URL a notification opens: the stored one when it is an app path, else its conversation, else the queue. */
export function notificationUrl(storedUrl: string | null | undefined, conversationId: string | null | undefined): string {
  if (storedUrl && isAppPath(storedUrl)) return storedUrl;
  return conversationId ? conversationPath(conversationId) : '/';
}

/** The buttons an offer notification shows; the ids travel in the payload and come back as `event.action`. */
export const OFFER_ACTIONS = ['accept', 'decline'] as const;
export type OfferAction = (typeof OFFER_ACTIONS)[number];

export function isOfferAction(value: unknown): value is OfferAction {
  return typeof value === 'string' && (OFFER_ACTIONS as readonly string[]).includes(value);
}

/** The button of a waiting-work notification: claim the first customer in line. */
export const CLAIM_ACTION = 'claim' as const;

/** Any button a notification may show. */
export type NotificationAction = OfferAction | typeof CLAIM_ACTION;

export function isNotificationAction(value: unknown): value is NotificationAction {
  return value === CLAIM_ACTION || isOfferAction(value);
}

/**
 * The path a tap opens. An Accept or Decline button opens the conversation with `offer=<action>`, a Claim button
 * with `claim=1`, and the page, which holds the agent's session, answers through the same routes and checks as its
 * own buttons: the service worker never needs the auth token.
 */
export function notificationClickPath(url: string, action: string): string {
  if (!isNotificationAction(action) || !url.startsWith('/conversations/')) return url;
  const hashAt = url.indexOf('#');
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const path = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const params =
    queryAt < 0
      ? []
      : beforeHash
          .slice(queryAt + 1)
          .split('&')
          .filter((part) => part !== '' && !part.startsWith('offer=') && !part.startsWith('claim='));
  const added = action === CLAIM_ACTION ? 'claim=1' : `offer=${action}`;
  return `${path}?${[...params, added].join('&')}${hash}`;
}
