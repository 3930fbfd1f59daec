import type { Locator, Page } from '@playwright/test';
import { assignedConversation } from './customers';
import { expect, signInAs, syncStatus, test, waitForServiceWorker } from './fixtures';
import { freshTeam, queuedConversation } from './workspace';

// Claim, resolve and snooze from a queue row without opening the conversation: a swipe or a hold on a phone, and
// the row's menu button for the keyboard and screen readers. Real touches through DevTools.

/** Drags a finger across `row` by `dx` CSS px, in small steps as a thumb does; `hold` keeps it down until it shows. */
async function touchRow(page: Page, row: Locator, dx: number, hold?: Locator): Promise<void> {
  const box = (await row.boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const x = box.x + (dx >= 0 ? 60 : box.width - 60);
  const y = box.y + box.height / 2;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let step = 1; step <= 10; step++) {
    if (dx === 0) break;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * step) / 10, y }] });
  }
  if (hold) await expect(hold).toBeVisible();
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const rowOf = (page: Page, name: RegExp) =>
  page
    .getByRole('tabpanel')
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name }) });
const toast = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ }).last();

test('on a phone, a swipe right claims a waiting customer, a swipe left snoozes, and a hold opens the row’s menu', async ({ page, api }) => {
  const { pia, teamId } = await freshTeam(api, { pia: { status: 'online', inTeam: false } });
  const waiting = await queuedConversation(api, teamId, 'Wanda Waiting', 'Is anyone there?');
  // Joining the team brings its queue without handing anything out.
  await api.update('agents', pia.id, { teams: [teamId] });
  const mine = await assignedConversation(api, pia.id, 'Simon Swipe', 'I will call back later');
  const done = await assignedConversation(api, pia.id, 'Hana Hold', 'All good now, thanks');
  await signInAs(page, pia);
  await expect(syncStatus(page)).toHaveAttribute('data-live', 'true');

  await page.getByRole('tab', { name: /Unassigned/ }).click();
  await touchRow(page, rowOf(page, /Wanda Waiting/), 160);
  await expect(page.getByText('It is yours now.')).toBeVisible();
  await expect.poll(async () => (await api.view('conversations', waiting)).body.assignee).toBe(pia.id);

  await page.getByRole('tab', { name: /Mine/ }).click();
  await touchRow(page, rowOf(page, /Simon Swipe/), -160);
  const sheet = page.getByRole('region', { name: 'Snooze until' });
  await sheet.getByRole('button', { name: 'In 1 hour' }).click();
  await expect(sheet).toBeHidden();
  await expect.poll(async () => (await api.view('conversations', mine)).body.snooze_reason).toBe('until-time');
  await expect(rowOf(page, /Simon Swipe/)).toBeHidden();

  const menu = page.getByRole('dialog', { name: 'Actions for Hana Hold' });
  await touchRow(page, rowOf(page, /Hana Hold/), 0, menu);
  // The finger lifting after a hold does not open the conversation underneath.
  await expect(page).toHaveURL(/\/(\?tab=mine)?$/);
  await menu.getByRole('button', { name: 'Resolve' }).click();
  await expect(menu).toBeHidden();
  await expect(page.getByText('Resolved.')).toBeVisible();
  await expect.poll(async () => (await api.view('conversations', done)).body.status).toBe('resolved');
});

test('keyboard users reach the same actions through each row’s menu button; offline, claiming says why not', async ({ page, api }) => {
  const { kai, teamId } = await freshTeam(api, { kai: { status: 'online', inTeam: false } });
  const own = await assignedConversation(api, kai.id, 'Karla Keys', 'Thanks, solved');
  await queuedConversation(api, teamId, 'Otto Offline', 'Hello?');
  await api.update('agents', kai.id, { teams: [teamId] });
  await signInAs(page, kai);
  await expect(syncStatus(page)).toHaveAttribute('data-live', 'true');

  // Resolving frees room, and the team's queue would then hand Otto out: claim him first, offline.
  await page.getByRole('tab', { name: /Unassigned/ }).click();
  // The app works offline once its service worker controls the page (it registers after the first paint).
  await waitForServiceWorker(page);
  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Actions for Otto Offline' }).click();
  await page.getByRole('dialog', { name: 'Actions for Otto Offline' }).getByRole('button', { name: 'Claim' }).click();
  await expect(page.getByText('You are offline. Connect and try again.')).toBeVisible();
  await page.context().setOffline(false);
  await page.getByRole('tab', { name: /Mine/ }).click();

  // Tab from the row's link lands on its menu button.
  await page.getByRole('link', { name: /Karla Keys/ }).focus();
  await page.keyboard.press('Tab');
  const button = page.getByRole('button', { name: 'Actions for Karla Keys' });
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('dialog', { name: 'Actions for Karla Keys' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('button', { name: 'Resolve' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(toast(page)).toHaveText('Resolved.');
  await expect.poll(async () => (await api.view('conversations', own)).body.status).toBe('resolved');
});
