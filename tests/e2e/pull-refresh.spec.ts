import type { Page } from '@playwright/test';
import { assign, customerWrites } from './customers';
import { expect, signInAs, syncStatus, test, waitForServiceWorker } from './fixtures';
import { freshTeam } from './workspace';

// Pull to refresh on the phone's queue, with real touches through DevTools: a pull that starts at the top brings
// what realtime missed; a sideways swipe stays the row's; offline, the pull says it needs a connection.

/** Moves one finger from (x, y) by (dx, dy) CSS px in small steps, as a thumb does, then lifts it. */
async function drag(page: Page, from: { x: number; y: number }, dx: number, dy: number, whileDown?: () => Promise<void>): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let step = 1; step <= 12; step++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + (dx * step) / 12, y: from.y + (dy * step) / 12 }] });
  }
  await whileDown?.();
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Counts the queue's full refreshes (the list of every open conversation) the app asks the server for. */
function countQueueRefreshes(page: Page): { readonly count: number } {
  const seen = { count: 0 };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/collections/conversations/records' && url.searchParams.get('filter') === 'status != "resolved"') seen.count++;
  });
  return seen;
}

test('pulling the queue down brings what realtime missed; a sideways swipe does not; offline it asks for a connection', async ({ page, api }) => {
  const { pia } = await freshTeam(api, { pia: { status: 'online' } });
  const first = await customerWrites(api, { name: 'Paula Pull', text: 'Is my order on its way?' });
  await assign(api, first.conversationId, pia.id);
  // Realtime never connects: the queue only learns what changed when the app syncs.
  await page.context().route('**/api/realtime**', (route) => route.abort());
  await signInAs(page, pia);
  const row = page
    .getByRole('tabpanel')
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: /Paula Pull/ }) });
  await expect(row).toContainText('Is my order on its way?');
  await expect(syncStatus(page)).toHaveAttribute('data-live', 'false');
  await expect(syncStatus(page)).toHaveText('Synced');
  const indicator = page.getByRole('status', { name: 'Refresh' });
  // The pull code arrives after the queue, with its words.
  await expect(indicator).toBeAttached();

  await customerWrites(api, { name: 'Paula Pull', text: 'It still says pending', from: first.from });
  const refreshes = countQueueRefreshes(page);
  const box = (await row.boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

  // A swipe left that drifts down as far as a pull would go: the row's snooze sheet opens, nothing refreshes.
  await drag(page, { x: box.x + box.width - 60, y: start.y }, -170, 150);
  const sheet = page.getByRole('region', { name: 'Snooze until' });
  await expect(sheet).toBeVisible();
  await expect(indicator).toHaveAttribute('data-phase', 'idle');
  await sheet.getByRole('button', { name: 'Cancel' }).click();
  await expect(sheet).toBeHidden();
  expect(refreshes.count).toBe(0);
  await expect(row).toContainText('Is my order on its way?');

  // Straight down from the top: "Release to refresh" while held, then the app's sync brings the new message.
  await drag(page, start, 0, 220, () => expect(indicator).toHaveText('Release to refresh'));
  await expect(indicator).toHaveText('Up to date');
  await expect(row).toContainText('It still says pending');
  expect(refreshes.count).toBeGreaterThan(0);

  // Offline the pull does not pretend: it says a connection is needed.
  // The app works offline once its service worker controls the page (it registers after the first paint).
  await waitForServiceWorker(page);
  await page.context().setOffline(true);
  await expect(syncStatus(page)).toHaveText('Offline');
  await drag(page, start, 0, 220);
  await expect(indicator).toHaveText('You are offline. Refreshing needs a connection.');
  await page.context().setOffline(false);
});

test('the header’s sync status is a button that refreshes, for keyboards and screen readers', async ({ page, api }) => {
  const { kai } = await freshTeam(api, { kai: { status: 'online' } });
  const first = await customerWrites(api, { name: 'Karl Keyboard', text: 'Hello there' });
  await assign(api, first.conversationId, kai.id);
  await page.context().route('**/api/realtime**', (route) => route.abort());
  await signInAs(page, kai);
  const row = page.getByRole('link', { name: /Karl Keyboard/ });
  await expect(row).toContainText('Hello there');
  await expect(syncStatus(page)).toHaveText('Synced');

  await customerWrites(api, { name: 'Karl Keyboard', text: 'Anyone around?', from: first.from });
  const button = syncStatus(page).getByRole('button', { name: 'Synced' });
  await expect(button).toHaveAccessibleDescription('Refreshes the queue now.');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(row).toContainText('Anyone around?');
});
