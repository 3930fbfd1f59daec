import { assignedConversation, setLastInbound } from './customers';
import { composeMode, expect, signIn, syncStatus, test, waitForServiceWorker } from './fixtures';

test('replies and notes written offline sync exactly once when the network returns', async ({ page, context, env, api }) => {
  const conversationId = await assignedConversation(api, env.agent.id, 'Tomas Offline', 'No signal out here, reply when you can');
  await signIn(page, env);
  await page.goto(`/conversations/${conversationId}`);
  const thread = page.getByRole('list', { name: 'Messages' });
  await expect(thread.getByText('No signal out here, reply when you can')).toBeVisible();
  await waitForServiceWorker(page);

  await context.setOffline(true);
  // The app shell comes from the service worker, the thread from the device's database.
  await page.reload();
  await expect(thread.getByText('No signal out here, reply when you can')).toBeVisible();
  await expect(syncStatus(page)).toContainText('Offline');

  await page.getByLabel('Message to the customer').fill('Got it, technician on the way.');
  await page.getByRole('button', { name: 'Send' }).click();
  await composeMode(page, 'Note');
  await page.getByLabel('Internal note for your team').fill('Customer has no coverage: call from the road.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(thread.getByText('Got it, technician on the way.')).toBeVisible();
  await expect(thread.getByText('Customer has no coverage: call from the road.')).toBeVisible();
  await expect(thread.getByText('Waiting to send')).toHaveCount(2);
  await expect(syncStatus(page)).toContainText('2 to sync');
  // The queue renders from the device too.
  await page.getByRole('link', { name: 'Back to queue' }).click();
  await page.getByRole('tab', { name: /Mine/ }).click();
  await expect(page.getByRole('link', { name: /Tomas Offline/ })).toBeVisible();
  await page.getByRole('link', { name: /Tomas Offline/ }).click();

  await context.setOffline(false);
  await expect(syncStatus(page)).toContainText('Synced');
  await expect(thread.getByText('Waiting to send')).toHaveCount(0);
  // More chances to send twice: another wake-up of the app must not repeat anything.
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.reload();
  await expect(thread.getByText('Got it, technician on the way.')).toBeVisible();

  const replies = await api.list('messages', `conversation = "${conversationId}" && author = "${env.agent.id}"`);
  expect(replies.map((m) => m.text)).toEqual(['Got it, technician on the way.']);
  const notes = await api.list('notes', `conversation = "${conversationId}"`);
  expect(notes.map((n) => n.body)).toEqual(['Customer has no coverage: call from the road.']);
  await expect(thread.getByText('Got it, technician on the way.')).toHaveCount(1);
  await expect(thread.getByText('Customer has no coverage: call from the road.')).toHaveCount(1);
});

test('a reply refused because the window closed while offline shows why and can be discarded', async ({ page, context, env, api }) => {
  const conversationId = await assignedConversation(api, env.agent.id, 'Wen Window', 'Are you open tomorrow?');
  await signIn(page, env);
  await page.goto(`/conversations/${conversationId}`);
  await expect(page.getByRole('list', { name: 'Messages' }).getByText('Are you open tomorrow?')).toBeVisible();
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await expect(syncStatus(page)).toContainText('Offline');
  await page.getByLabel('Message to the customer').fill('Yes, from 8 to 5.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(syncStatus(page)).toContainText('1 to sync');
  // Meanwhile the customer's 24 h window runs out.
  await setLastInbound(api, conversationId, new Date(Date.now() - 25 * 60 * 60 * 1000));
  await context.setOffline(false);

  const refusal = page.getByRole('alert').filter({ hasText: 'Not sent' });
  await expect(refusal).toContainText('24-hour window');
  await expect(syncStatus(page)).toContainText('1 not sent');
  await refusal.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByText('Yes, from 8 to 5.')).toHaveCount(0);
  await expect(syncStatus(page)).toContainText('Synced');
  expect(await api.list('messages', `conversation = "${conversationId}" && author = "${env.agent.id}"`)).toHaveLength(0);
});
