import { deliverPushUntilShown } from './push-delivery';
import type { Page } from '@playwright/test';
import { buildPushPayload } from '../../src/lib/domain/notifications/push-payload';
import { expect, signInAs, test, waitForServiceWorker, watchConsole } from './fixtures';
import { freshTeam, queuedConversation, teamConversation } from './workspace';

const ENDPOINT = 'https://push.example.test/send/e2e-device-1';

/**
 * No push service is reachable here: the browser's subscribe() is replaced by one that hands back a fixed
 * subscription (kept in localStorage so it survives reloads, as a real one would) and records what it was asked.
 */
async function stubPushManager(page: Page): Promise<void> {
  await page.addInitScript((endpoint) => {
    const KEY = 'e2e.push-subscription';
    const make = () => ({
      endpoint,
      expirationTime: null,
      options: null,
      getKey: () => null,
      toJSON: () => ({
        endpoint,
        expirationTime: null,
        keys: { p256dh: 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U', auth: 'tBHItJI5svbpez7KI4CCXg' },
      }),
      unsubscribe: async () => {
        localStorage.removeItem(KEY);
        return true;
      },
    });
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const key = options?.applicationServerKey as Uint8Array | undefined;
      localStorage.setItem('e2e.push-options', JSON.stringify({ userVisibleOnly: options?.userVisibleOnly, keyBytes: key?.byteLength ?? 0 }));
      localStorage.setItem(KEY, '1');
      return make() as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async function () {
      return (localStorage.getItem(KEY) ? make() : null) as unknown as PushSubscription;
    };
  }, ENDPOINT);
}

test('push is turned on from a tap, stored for the agent, restored at app start and turned off again', async ({ page, context, env, api }) => {
  const { pia } = await freshTeam(api, { pia: { status: 'online' } });
  await context.grantPermissions(['notifications'], { origin: env.url });
  await stubPushManager(page);
  await signInAs(page, pia);
  await waitForServiceWorker(page);

  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Notifications' });
  await expect(section.getByRole('status')).toHaveText('Notifications are off for this device.');
  // Nothing is asked before the tap.
  expect(await page.evaluate(() => localStorage.getItem('e2e.push-options'))).toBeNull();

  await section.getByRole('button', { name: 'Turn on notifications' }).click();
  await expect(section.getByRole('status')).toHaveText('Notifications are on for this device.');
  expect(JSON.parse((await page.evaluate(() => localStorage.getItem('e2e.push-options')))!)).toEqual({ userVisibleOnly: true, keyBytes: 65 });
  const rows = await api.list('push_subscriptions', `agent = "${pia.id}"`);
  expect(rows.map((r) => [r.endpoint, r.p256dh, r.auth])).toEqual([[ENDPOINT, expect.stringMatching(/^BEl6/), 'tBHItJI5svbpez7KI4CCXg']]);
  expect(rows[0].user_agent).toContain('Chrome');

  // The server lost the row (the worker drops dead ones): the next start stores it again.
  await api.delete('push_subscriptions', rows[0].id);
  await page.reload();
  await expect.poll(async () => (await api.list('push_subscriptions', `agent = "${pia.id}"`)).map((r) => r.endpoint)).toEqual([ENDPOINT]);

  await section.getByRole('button', { name: 'Turn off on this device' }).click();
  await expect(section.getByRole('status')).toHaveText('Notifications are off for this device.');
  await expect.poll(async () => (await api.list('push_subscriptions', `agent = "${pia.id}"`)).length).toBe(0);
});

test('explains that iPhones need the app on the home screen before push can work', async ({ browser, env, api }) => {
  const { ivy } = await freshTeam(api, { ivy: { status: 'online' } });
  const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
  const context = await browser.newContext({
    baseURL: env.url,
    userAgent: iphone,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
  });
  const problems: string[] = [];
  try {
    const page = await context.newPage();
    watchConsole(page, problems);
    await signInAs(page, ivy);
    await page.goto('/settings');
    const section = page.getByRole('region', { name: 'Notifications' });
    await expect(section.getByRole('status')).toContainText('Add to Home Screen');
    await expect(section.getByRole('button')).toHaveCount(0);
  } finally {
    await context.close();
  }
  expect(problems).toEqual([]);
});

/** The PWA's service worker registration id, as CDP knows it. */
async function serviceWorkerRegistration(page: Page, origin: string) {
  const cdp = await page.context().newCDPSession(page);
  const registration = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return { cdp, registrationId: await registration };
}

test('an offer arrives as a push with Accept and Decline, and the agent accepts it in the app', async ({ page, context, env, api }) => {
  const { teamId, oli } = await freshTeam(api, { oli: { status: 'online' } });
  expect((await api.update('teams', teamId, { assignment_mode: 'offer', offer_timeout_seconds: 600 })).status).toBe(200);
  // Put back in the team's queue, the conversation is handed out again: as an offer, to the team's only agent.
  const conversationId = await queuedConversation(api, teamId, 'Olga Offer', 'Can someone call me back?');
  await expect.poll(async () => (await api.view('conversations', conversationId)).body.offered_to).toBe(oli.id);
  const [row] = await api.list('notifications', `conversation = "${conversationId}" && kind = "offer"`);
  expect(row.agent).toBe(oli.id);

  await context.grantPermissions(['notifications'], { origin: env.url });
  await signInAs(page, oli);
  await waitForServiceWorker(page);
  // What the worker would send for this row, delivered as a real push event to the PWA's service worker.
  const { json } = buildPushPayload({
    notification: { id: row.id, kind: row.kind, title: row.title, body: row.body, url: row.url, conversationId },
    customerName: 'Olga Offer',
    channelName: 'Shop',
    messageText: null,
  });
  const { cdp, registrationId } = await serviceWorkerRegistration(page, env.url);
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: env.url, registrationId, data: json });
  const shown = () =>
    page.evaluate(async () =>
      (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
        title: n.title,
        url: n.data?.url,
        actions: ((n as Notification & { actions?: Array<{ action: string; title: string }> }).actions ?? []).map((a) => [a.action, a.title]),
      })),
    );
  await expect.poll(shown).toEqual([
    {
      title: 'Olga Offer',
      url: `/conversations/${conversationId}`,
      actions: [
        ['accept', 'Accept'],
        ['decline', 'Decline'],
      ],
    },
  ]);

  await page.goto(`/conversations/${conversationId}`);
  const banner = page.getByRole('region', { name: 'Offered to you' });
  await expect(banner).toContainText(/Accept within \d+ s/);
  await banner.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'It is yours now.' })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await expect.poll(async () => (await api.view('conversations', conversationId)).body).toMatchObject({ assignee: oli.id, offered_to: '' });
});

test('a notification button opens the conversation and answers the offer from the page', async ({ page, env, api }) => {
  const { teamId, una } = await freshTeam(api, { una: { status: 'online' } });
  expect((await api.update('teams', teamId, { assignment_mode: 'offer' })).status).toBe(200);
  const conversationId = await queuedConversation(api, teamId, 'Dora Decline', 'Anyone?');
  await expect.poll(async () => (await api.view('conversations', conversationId)).body.offered_to).toBe(una.id);
  await signInAs(page, una);
  // What the service worker opens for a tap on Decline (see notificationClickPath).
  await page.goto(`/conversations/${conversationId}?offer=decline`);
  await expect(page).toHaveURL(`${env.url}/`);
  await expect
    .poll(async () => (await api.view('conversations', conversationId)).body)
    .toMatchObject({ assignee: '', offered_to: '', offer_declined: [una.id] });
});

test('an agent turns new-message notifications on for themselves', async ({ page, api }) => {
  const { wes } = await freshTeam(api, { wes: { status: 'online' } });
  await signInAs(page, wes);
  await page.goto('/settings');
  const toggle = page.getByRole('region', { name: 'Notifications' }).getByLabel('Also notify me about new customer messages in my conversations');
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect.poll(async () => (await api.view('agents', wes.id)).body.notify_new_messages).toBe(true);
  await page.reload();
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect.poll(async () => (await api.view('agents', wes.id)).body.notify_new_messages).toBe(false);
});

test('customers waiting arrive as one push with Claim, and Claim puts an off-shift agent on shift with the customer', async ({ page, context, env, api }) => {
  const { teamId, pia } = await freshTeam(api, { pia: { status: 'offline' } });
  const first = await queuedConversation(api, teamId, 'Wanda Waiting', 'Is anyone there?');
  await context.grantPermissions(['notifications'], { origin: env.url });
  await signInAs(page, pia);
  await waitForServiceWorker(page);
  // What the worker sends for the team's waiting notification, delivered as a real push event.
  const { json } = buildPushPayload({
    notification: { id: 'waiting1', kind: 'waiting', title: '', body: 'Is anyone there?', url: `/conversations/${first}`, conversationId: first, count: 3 },
    customerName: 'Wanda Waiting',
    channelName: 'Shop',
    messageText: null,
  });
  const { cdp, registrationId } = await serviceWorkerRegistration(page, env.url);
  const shown = () =>
    page.evaluate(async () =>
      (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
        title: n.title,
        actions: ((n as Notification & { actions?: Array<{ action: string; title: string }> }).actions ?? []).map((a) => [a.action, a.title]),
      })),
    );
  await deliverPushUntilShown(
    () => cdp.send('ServiceWorker.deliverPushMessage', { origin: env.url, registrationId, data: json }),
    async () => (await shown()).length,
  );
  await expect.poll(shown).toEqual([{ title: '3 customers waiting', actions: [['claim', 'Claim']] }]);

  // What the service worker opens for a tap on Claim (see notificationClickPath).
  await page.goto(`/conversations/${first}?claim=1`);
  await expect(page.getByRole('status').filter({ hasText: 'You are on shift now, and this customer is yours.' })).toBeVisible();
  await expect(page).toHaveURL(`${env.url}/conversations/${first}`);
  await expect.poll(async () => (await api.view('conversations', first)).body.assignee).toBe(pia.id);
  expect((await api.view('agents', pia.id)).body.status).toBe('online');
});

test('an agent who picked Spanish reads a hand-back push in Spanish, on an English phone', async ({ page, context, env, api }) => {
  const { teamId, owen, cora } = await freshTeam(api, { owen: { status: 'offline' }, cora: { status: 'online' } });
  expect((await api.update('teams', teamId, { hand_back_to_owner: true })).status).toBe(200);
  // Cora covered Kofi while Owen was off shift (routing marks it so; see shift-presence.test.ts for that path).
  const conversationId = await teamConversation(api, teamId, cora.id, 'Kofi Mensah', 'The lamp flickers again');
  expect((await api.update('conversations', conversationId, { covering_for: owen.id })).status).toBe(200);
  const owenApi = await api.as(owen.email, owen.password);
  const weekly = { mon: [{ start: '09:00', end: '17:00' }] };
  expect((await owenApi.request('POST', `/api/pocketdesk/agents/${owen.id}/shift-schedule`, { schedule: { timezone: 'UTC', weekly } })).status).toBe(200);
  // Monday 2 March 2026, 10:00 UTC: Owen's shift has started, and the conversation comes back to him.
  expect((await api.request('POST', '/api/pocketdesk/worker/presence-sweep', { now: Date.parse('2026-03-02T10:00:00Z') })).status).toBe(200);
  await expect.poll(async () => (await api.view('conversations', conversationId)).body.assignee).toBe(owen.id);
  const [row] = await api.list('notifications', `agent = "${owen.id}" && conversation = "${conversationId}"`, '-created');
  expect(row).toMatchObject({ kind: 'assigned', body: 'A conversation your colleague covered is back with you.', wording: { key: 'handed-back', count: 1 } });

  await context.grantPermissions(['notifications'], { origin: env.url });
  await signInAs(page, owen);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('tab', { name: /Mías/ })).toBeVisible();
  await waitForServiceWorker(page);
  // What the worker sends for the row, delivered as a real push event to the PWA's service worker.
  const { json } = buildPushPayload({
    notification: { id: row.id, kind: row.kind, title: row.title, body: row.body, url: row.url, conversationId, wording: row.wording },
    customerName: 'Kofi Mensah',
    channelName: 'Shop',
    messageText: null,
  });
  const { cdp, registrationId } = await serviceWorkerRegistration(page, env.url);
  const shown = () =>
    page.evaluate(async () =>
      (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, url: n.data?.url })),
    );
  await deliverPushUntilShown(
    () => cdp.send('ServiceWorker.deliverPushMessage', { origin: env.url, registrationId, data: json }),
    async () => (await shown()).length,
  );
  await expect
    .poll(shown)
    .toEqual([{ title: 'Kofi Mensah', body: 'Shop · Una conversación que cubrió tu compañero vuelve a ti.', url: `/conversations/${conversationId}` }]);
});
