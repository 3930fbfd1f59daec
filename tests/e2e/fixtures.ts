// Shared test fixtures: the seeded environment, a superuser API client, signing in through the UI, and a second
// device for tests where two agents work at once.
import { test as base, expect, type Page } from '@playwright/test';
import { Api } from '../support/api';
import { readEnv, type E2eEnv } from './e2e-env';

interface Fixtures {
  env: E2eEnv;
  /** PocketBase's API as superuser: preconditions in, server truth out. */
  api: Api;
  /** A second phone in its own browser context, for a colleague. Watched for console errors like `page`. */
  otherPage: Page;
  /** Fails the test on any script error or console error the app did not expect (CSP violations included). */
  cleanConsole: void;
  /**
   * Registers a step that puts back desk-wide state the test changes (settings, a shared team or channel, an intent
   * model): the e2e specs share one PocketBase, so what one leaves behind changes how the next one's customers are
   * handled. The steps run after the test, pass or fail, newest first.
   */
  undo: (step: () => Promise<void>) => void;
}

// Offline tests make requests fail on purpose; the browser logs those, and that is not the app's fault.
const EXPECTED_NOISE = [/ERR_INTERNET_DISCONNECTED/, /Failed to load resource/, /ERR_NETWORK_CHANGED/];

/** Collects script errors and unexpected console errors of `page` into `problems`. */
export function watchConsole(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !EXPECTED_NOISE.some((noise) => noise.test(message.text()))) problems.push(`console: ${message.text()}`);
  });
}

export const test = base.extend<Fixtures>({
  env: async ({}, use) => use(readEnv()),
  baseURL: async ({}, use) => use(readEnv().url),
  api: async ({ env }, use) => use(new Api(env.url, env.superuserToken)),
  otherPage: async ({ browser, env }, use) => {
    const context = await browser.newContext({
      baseURL: env.url,
      viewport: { width: 360, height: 640 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-US',
      serviceWorkers: 'allow',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    watchConsole(page, problems);
    await use(page);
    await context.close();
    expect(problems).toEqual([]);
  },
  undo: async ({}, use) => {
    const steps: Array<() => Promise<void>> = [];
    await use((step) => void steps.push(step));
    const failures: string[] = [];
    for (const step of steps.reverse()) await step().catch((error: unknown) => failures.push(String(error)));
    expect(failures, 'desk-wide state put back').toEqual([]);
  },
  cleanConsole: [
    async ({ page }, use) => {
      const problems: string[] = [];
      watchConsole(page, problems);
      await use();
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Signs in through the sign-in screen and waits for the queue. */
export async function signInAs(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('tab', { name: /Mine/ })).toBeVisible();
}

/** Signs in as the seeded agent. */
export function signIn(page: Page, env: E2eEnv): Promise<void> {
  return signInAs(page, env.agent);
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

/** Chooses an action from the conversation screen's overflow menu (Transfer, Resolve, Reopen, Details, Snooze…). */
export async function conversationAction(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'More actions' }).click();
  await page
    .getByRole('button', { name, exact: true })
    .or(page.getByRole('link', { name, exact: true }))
    .click();
}

/** Switches the composer to Reply, Template or Note through its mode switch. */
export async function composeMode(page: Page, mode: 'Reply' | 'Template' | 'Note'): Promise<void> {
  await page.getByRole('button', { name: /^Compose: / }).click();
  await page.getByRole('group', { name: 'Compose' }).getByRole('button', { name: mode, exact: true }).click();
}
