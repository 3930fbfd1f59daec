// Shared test fixtures: the seeded environment, a superuser API client, and signing in through the UI.
import { test as base, expect, type Page } from '@playwright/test';
import { Api } from '../support/api';
import { readEnv, type E2eEnv } from './e2e-env';

interface Fixtures {
  env: E2eEnv;
  /** PocketBase's API as superuser: preconditions in, server truth out. */
  api: Api;
  /** Fails the test on any script error or console error the app did not expect (CSP violations included). */
  cleanConsole: void;
}

// Offline tests make requests fail on purpose; the browser logs those, and that is not the app's fault.
const EXPECTED_NOISE = [/ERR_INTERNET_DISCONNECTED/, /Failed to load resource/, /ERR_NETWORK_CHANGED/];

export const test = base.extend<Fixtures>({
  env: async ({}, use) => use(readEnv()),
  baseURL: async ({}, use) => use(readEnv().url),
  api: async ({ env }, use) => use(new Api(env.url, env.superuserToken)),
  cleanConsole: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !EXPECTED_NOISE.some((noise) => noise.test(message.text()))) problems.push(`console: ${message.text()}`);
      });
      await use();
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function signIn(page: Page, env: E2eEnv): Promise<void> {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('Email').fill(env.agent.email);
  await page.getByLabel('Password').fill(env.agent.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('tab', { name: /Mine/ })).toBeVisible();
}

/** Waits until the service worker has installed the app shell and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
  });
}

/** The sync indicator in the header. */
export function syncStatus(page: Page) {
  return page.getByRole('status', { name: 'Sync status' });
}
