import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deliverPushUntilShown } from './push-delivery';
import { expect, signIn, test, waitForServiceWorker } from './fixtures';

test('the app is installable: manifest linked, icons valid, service worker in control', async ({ page, env, request }) => {
  await signIn(page, env);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({ name: 'Pocketdesk', display: 'standalone', start_url: '/' });
  const sizes = manifest.icons.map((icon: { sizes: string; purpose: string }) => `${icon.sizes} ${icon.purpose}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.headers()['content-type']).toContain('image/png');
    expect((await response.body()).subarray(1, 4).toString()).toBe('PNG');
  }
  await waitForServiceWorker(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/service-worker\.js$/);
});

test('Chromium finds nothing that stops installation', async ({ env }, testInfo) => {
  // Installability is only judged outside incognito, so this test uses a persistent profile.
  const profile = mkdtempSync(join(tmpdir(), 'pocketdesk-profile-'));
  const context = await chromium.launchPersistentContext(profile, { ...testInfo.project.use.launchOptions, viewport: { width: 360, height: 640 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${env.url}/sign-in`);
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    await expect.poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId)).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the service worker serves app routes from the shell but never the API or the admin UI', async ({ page, env }) => {
  await signIn(page, env);
  await waitForServiceWorker(page);
  const deepLink = await page.goto(`/conversations/${env.seeded.conversationId}`);
  expect(deepLink?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('list', { name: 'Messages' }).getByText(env.seeded.text)).toBeVisible();

  const apiPage = await page.goto('/api/health');
  expect(apiPage?.fromServiceWorker()).toBe(false);
  expect(apiPage?.headers()['content-type']).toContain('application/json');
  const adminPage = await page.goto('/_/');
  expect(adminPage?.fromServiceWorker()).toBe(false);
  await expect(page).not.toHaveTitle(/Pocketdesk/);
});

test('a web push shows a notification from its JSON payload', async ({ page, context, env }) => {
  await context.grantPermissions(['notifications'], { origin: env.url });
  await signIn(page, env);
  await waitForServiceWorker(page);
  const cdp = await context.newCDPSession(page);
  const registrations = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL === `${env.url}/` && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  const registrationId = await registrations;
  const payload = { title: 'New message from Maria', body: 'The pump is leaking', url: `/conversations/${env.seeded.conversationId}`, tag: 'conv-1' };
  const shown = () => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => [n.title, n.body, n.tag]));
  await deliverPushUntilShown(
    () => cdp.send('ServiceWorker.deliverPushMessage', { origin: env.url, registrationId, data: JSON.stringify(payload) }),
    async () => (await shown()).length,
  );
  await expect.poll(shown).toEqual([[payload.title, payload.body, payload.tag]]);
});
