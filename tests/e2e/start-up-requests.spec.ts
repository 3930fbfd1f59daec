import type { Page } from '@playwright/test';
import { assign, customerWrites } from './customers';
import { expect, signInAs, syncStatus, test } from './fixtures';
import { freshTeam } from './workspace';

// What a phone asks the server while the app starts: every request costs the phone's main thread at its busiest
// moment, so the realtime subscriptions go in one request and an opened conversation is read once, not once on
// open and again when realtime connects a moment later. Without realtime the conversation still loads.

/** Counts the app's requests to the server, by what they ask for. */
function countRequests(page: Page): { realtimeSubscriptions: number; threadReads: number } {
  const seen = { realtimeSubscriptions: 0, threadReads: 0 };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/realtime' && request.method() === 'POST') seen.realtimeSubscriptions++;
    // The screen's own read (the newest 300); the offline copy's smaller page is a different request.
    if (url.pathname === '/api/collections/messages/records' && url.searchParams.get('perPage') === '300') seen.threadReads++;
  });
  return seen;
}

test('a conversation opened from a link subscribes once and reads its thread once', async ({ page, api }) => {
  const { pia } = await freshTeam(api, { pia: { status: 'online' } });
  const { conversationId } = await customerWrites(api, { name: 'Rita Requests', text: 'Has the parcel left?' });
  await assign(api, conversationId, pia.id);
  await signInAs(page, pia);

  const seen = countRequests(page);
  await page.goto(`/conversations/${conversationId}`);
  await expect(page.getByText('Has the parcel left?')).toBeVisible();
  await expect(syncStatus(page)).toHaveAttribute('data-live', 'true');
  // The queue behind it has synced too: everything the start-up asks for has been asked.
  await expect(syncStatus(page)).toHaveText('Synced');
  await expect.poll(() => seen.threadReads).toBe(1);
  expect(seen.realtimeSubscriptions).toBe(1);
});

test('without realtime an opened conversation still loads, and is read again once realtime connects', async ({ page, api }) => {
  const { pia } = await freshTeam(api, { pia: { status: 'online' } });
  const { conversationId, from } = await customerWrites(api, { name: 'Nora Norealtime', text: 'Can I change the address?' });
  await assign(api, conversationId, pia.id);
  const blockRealtime = (route: { abort: () => Promise<void> }) => route.abort();
  await page.context().route('**/api/realtime**', blockRealtime);
  await signInAs(page, pia);
  // Straight to the conversation in a new tab, as from a link.
  const fresh = await page.context().newPage();
  const seen = countRequests(fresh);
  await fresh.goto(`/conversations/${conversationId}`);
  await expect(fresh.getByText('Can I change the address?')).toBeVisible();
  await expect(syncStatus(fresh)).toHaveAttribute('data-live', 'false');
  await expect.poll(() => seen.threadReads).toBe(1);

  // Realtime becomes reachable; the app tries again when the network comes back and reads what it missed, once.
  await customerWrites(api, { name: 'Nora Norealtime', text: 'It is flat 4B now', from });
  await page.context().unroute('**/api/realtime**', blockRealtime);
  await fresh.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(syncStatus(fresh)).toHaveAttribute('data-live', 'true');
  await expect(fresh.getByText('It is flat 4B now')).toBeVisible();
  await expect.poll(() => seen.threadReads).toBe(2);
  expect(seen.realtimeSubscriptions).toBe(1);
});
