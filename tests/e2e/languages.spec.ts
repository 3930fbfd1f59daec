import { expect, signIn, test, waitForServiceWorker } from './fixtures';

// Each screen's strings are downloaded apart from the app: these check no screen shows up without them.

test('switching language on a screen with its own strings shows them in the new language', async ({ page, env }) => {
  await signIn(page, env);
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  // The settings screen's own language picker (the menu's stays closed).
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { name: 'Ajustes' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Notificaciones' })).toBeVisible();
  await page.getByRole('link', { name: 'Volver a la cola' }).click();
  await expect(page.getByRole('tab', { name: /Mías/ })).toBeVisible();
});

test('starts offline in Spanish, and a screen first opened offline is in Spanish too', async ({ page, context, env }) => {
  await signIn(page, env);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('tab', { name: /Mías/ })).toBeVisible();
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('tab', { name: /Mías/ })).toBeVisible();
  // The settings strings were never downloaded in Spanish: they come from the service worker's precache.
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Ajustes' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Notificaciones' })).toBeVisible();
});
