/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Pocketdesk's service worker: the precached app shell (so the PWA opens offline), message files kept for offline
// reading, and web push (which downloads the conversation it announces before the agent taps).
import PocketBase, { BaseAuthStore } from 'pocketbase';
import { clientsClaim } from 'workbox-core';
import { createPartialResponse } from 'workbox-range-requests';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { db } from '$lib/client/db';
import { cachedMedia } from '$lib/client/media-cache';
import { prefetchPushed } from '$lib/client/prefetch';
import { noticeText, parsePushPayload, pushPrefetchTarget, type PushNotice } from '$lib/client/push-payload';
import { notificationClickPath } from '$lib/domain/notifications/notification-url';
import { isLang, LANG_META_KEY, pickLang, type Lang } from '$lib/i18n/langs';
import enCore from '$lib/i18n/en/core';
import esCore from '$lib/i18n/es/core';
import enThread from '$lib/i18n/en/thread';
import esThread from '$lib/i18n/es/thread';

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every app route is the SPA shell; the API and PocketBase's admin UI must always reach the server.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/'), { denylist: [/^\/api\//, /^\/_\//] }));

// Message files: the device's copy first (kept within the agent's budget by the prefetch), else the network. The
// token in the query changes every two minutes, so the copy is found by path alone.
registerRoute(
  ({ url, request }) => request.method === 'GET' && url.origin === self.location.origin && url.pathname.startsWith('/api/files/messages/'),
  async ({ request, url }) => {
    const kept = await cachedMedia(db, url.pathname).catch(() => null);
    // Audio and video ask for byte ranges; the copy is whole, so the range is cut from it.
    if (kept) return request.headers.has('range') ? createPartialResponse(request, kept) : kept;
    try {
      return await fetch(request);
    } catch {
      return new Response(null, { status: 504, statusText: 'Not on this device' });
    }
  },
);

// registerType 'prompt': a new version waits until the agent says so (the page sends SKIP_WAITING).
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
// The first install takes over the open page at once, so it works offline from the first visit.
clientsClaim();

/** Downloads a pushed conversation with the token the app left; the notification never waits for it. */
async function prefetchFromPush(conversationId: string): Promise<void> {
  await prefetchPushed(new PocketBase(self.location.origin, new BaseAuthStore()), db, conversationId).catch(() => false);
}

self.addEventListener('push', (event) => {
  const raw = event.data?.text() ?? null;
  const notice = parsePushPayload(raw, self.location.origin);
  const target = pushPrefetchTarget(raw);
  if (target) event.waitUntil(prefetchFromPush(target));
  event.waitUntil(showNotice(notice));
});

/** The language the agent picked in the app (kept in IndexedDB for this), else the device's. */
async function agentLang(): Promise<Lang> {
  const picked = (await db.meta.get(LANG_META_KEY).catch(() => undefined))?.value;
  return isLang(picked) ? picked : pickLang(self.navigator.languages ?? []);
}

async function showNotice(notice: PushNotice): Promise<void> {
  // The worker does not know the agent's language; the words and buttons are said here, like the rest of the app.
  const words = { en: { ...enCore, ...enThread }, es: { ...esCore, ...esThread } }[await agentLang()];
  const t = { accept: words.offers.accept, decline: words.offers.decline, claim: words.waitingPush.claim };
  const offer = notice.actions.includes('accept');
  const { title, body } = noticeText(notice, { ...words.pushWords, waitingTitle: words.waitingPush.title });
  await self.registration.showNotification(title, {
    body,
    tag: notice.tag,
    data: { url: notice.url },
    icon: '/icons/icon-192.png',
    badge: '/icons/badge-96.png',
    // An offer expires within minutes: keep it on screen until the agent answers.
    requireInteraction: offer,
    ...(notice.actions.length ? { actions: notice.actions.map((action) => ({ action, title: t[action] })) } : {}),
  } as NotificationOptions);
}

async function openOrFocus(path: string): Promise<void> {
  const url = new URL(path, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => client.url === url) ?? windows[0];
  if (!open) {
    await self.clients.openWindow(url);
    return;
  }
  const focused = await open.focus();
  if (focused.url !== url) await focused.navigate(url).catch(() => self.clients.openWindow(url));
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = typeof event.notification.data?.url === 'string' ? event.notification.data.url : '/';
  // Accept, Decline and Claim open the conversation, whose page answers with the agent's own session.
  event.waitUntil(openOrFocus(notificationClickPath(path, event.action)));
});
