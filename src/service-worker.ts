/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Pocketdesk's service worker: the precached app shell (so the PWA opens offline) and web push.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { noticeTitle, parsePushPayload } from '$lib/client/push-payload';
import { notificationClickPath } from '$lib/domain/notifications/notification-url';
import { pickLang } from '$lib/i18n/langs';
import enCore from '$lib/i18n/en/core';
import esCore from '$lib/i18n/es/core';

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every app route is the SPA shell; the API and PocketBase's admin UI must always reach the server.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/'), { denylist: [/^\/api\//, /^\/_\//] }));

// registerType 'prompt': a new version waits until the agent says so (the page sends SKIP_WAITING).
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
// The first install takes over the open page at once, so it works offline from the first visit.
clientsClaim();

self.addEventListener('push', (event) => {
  const notice = parsePushPayload(event.data?.text() ?? null, self.location.origin);
  // The worker does not know the device's language; the buttons are titled here, like the rest of the app.
  const words = { en: enCore, es: esCore }[pickLang(self.navigator.languages ?? [])];
  const t = { accept: words.offers.accept, decline: words.offers.decline, claim: words.waitingPush.claim };
  const offer = notice.actions.includes('accept');
  event.waitUntil(
    self.registration.showNotification(noticeTitle(notice, words.waitingPush), {
      body: notice.body,
      tag: notice.tag,
      data: { url: notice.url },
      icon: '/icons/icon-192.png',
      badge: '/icons/badge-96.png',
      // An offer expires within minutes: keep it on screen until the agent answers.
      requireInteraction: offer,
      ...(notice.actions.length ? { actions: notice.actions.map((action) => ({ action, title: t[action] })) } : {}),
    } as NotificationOptions),
  );
});

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
