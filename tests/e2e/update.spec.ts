import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/pocketbase-paths.mjs';
import { expect, signIn, test, waitForServiceWorker } from './fixtures';

const WORKER_FILE = join(projectRoot, 'build', 'pwa', 'service-worker.js');

test('a new version is offered with a reload prompt that waits while the composer holds text', async ({ page, env }) => {
  await signIn(page, env);
  await page.goto(`/conversations/${env.seeded.conversationId}`);
  await waitForServiceWorker(page);
  await page.getByLabel('Message to the customer').fill('Half-written answer');

  const original = readFileSync(WORKER_FILE, 'utf8');
  try {
    // A new deployment: the server now has a different service worker.
    writeFileSync(WORKER_FILE, `${original}\n// next version ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByRole('status').filter({ hasText: 'New version available.' });
    await expect(prompt).toBeVisible();
    await expect(prompt.getByRole('button', { name: 'Reload' })).toBeDisabled();
    await expect(prompt).toContainText('Send or clear your draft first.');

    await page.getByLabel('Message to the customer').fill('');
    await expect(prompt.getByRole('button', { name: 'Reload' })).toBeEnabled();
    const oldController = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    expect(oldController).toBeTruthy();
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    await expect(page.getByRole('list', { name: 'Messages' }).getByText(env.seeded.text)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'New version available.' })).toHaveCount(0);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting)).toBeFalsy();
  } finally {
    writeFileSync(WORKER_FILE, original);
  }
});
