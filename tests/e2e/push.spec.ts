import type { Page } from '@playwright/test';
import { expect, signInAs, test, waitForServiceWorker, watchConsole } from './fixtures';
import { freshTeam } from './workspace';

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
      toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh: 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U', auth: 'tBHItJI5svbpez7KI4CCXg' } }),
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
  const context = await browser.newContext({ baseURL: env.url, userAgent: iphone, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' });
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
