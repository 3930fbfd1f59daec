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
