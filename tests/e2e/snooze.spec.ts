import { assignedConversation, customerWrites } from './customers';
import { conversationAction, expect, signInAs, syncStatus, test, waitForServiceWorker } from './fixtures';
import { freshTeam } from './workspace';

// Snooze from the conversation's menu: out of Mine into Snoozed, back by the server's sweep or at once when the
// customer writes, and refused with a sentence while offline.

test('an agent snoozes a conversation for an hour; the sweep brings it back to Mine', async ({ page, api }) => {
  const { pia } = await freshTeam(api, { pia: { status: 'online' } });
  const id = await assignedConversation(api, pia.id, 'Sofia Snooze', 'I will send the invoice tomorrow');
  await signInAs(page, pia);
  await expect(syncStatus(page)).toHaveAttribute('data-live', 'true');

  await page
    .getByRole('tabpanel')
    .getByRole('link', { name: /Sofia Snooze/ })
    .click();
  await conversationAction(page, 'Snooze…');
  const sheet = page.getByRole('region', { name: 'Snooze until' });
  await sheet.getByRole('button', { name: 'In 1 hour' }).click();
  await expect(sheet).toBeHidden();
  await expect(page.getByTestId('snoozed-notice').getByRole('status')).toHaveText(/^Snoozed until \d\d:\d\d/);
  const stored = (await api.view('conversations', id)).body;
  expect(stored.snooze_reason).toBe('until-time');

  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page.getByRole('tabpanel').getByRole('link', { name: /Sofia Snooze/ })).toBeHidden();
  await page.getByRole('tab', { name: /Snoozed/ }).click();
  await expect(page.getByRole('tabpanel').getByRole('link', { name: /Sofia Snooze/ })).toContainText('Snoozed ·');

  // The hour passes on the server, with or without this phone.
  const until = Date.parse(stored.snoozed_until.replace(' ', 'T'));
  expect((await api.request('POST', '/api/pocketdesk/worker/snooze-sweep', { now: until + 1000 })).status).toBe(200);
  await expect(page.getByRole('tabpanel').getByRole('link', { name: /Sofia Snooze/ })).toBeHidden();
  await page.getByRole('tab', { name: /Mine/ }).click();
  await expect(page.getByRole('tabpanel').getByRole('link', { name: /Sofia Snooze/ })).toBeVisible();
  expect(await api.list('notifications', `conversation = "${id}" && kind = "snooze"`)).toHaveLength(1);
});

test('snoozed until the customer writes, it comes back the moment they do; wake now undoes a snooze', async ({ page, api }) => {
  const { pia } = await freshTeam(api, { pia: { status: 'online' } });
  const first = await customerWrites(api, { name: 'Tomas Reply', text: 'Let me check with my wife' });
  await api.update('conversations', first.conversationId, { assignee: pia.id });
  await signInAs(page, pia);
  await expect(syncStatus(page)).toHaveAttribute('data-live', 'true');

  await page.goto(`/conversations/${first.conversationId}`);
  await conversationAction(page, 'Snooze…');
  await page.getByRole('region', { name: 'Snooze until' }).getByRole('button', { name: 'Until the customer writes' }).click();
  await expect(page.getByTestId('snoozed-notice')).toContainText('Snoozed until the customer writes');

  await customerWrites(api, { name: 'Tomas Reply', text: 'She says yes, go ahead', from: first.from });
  await expect(page.getByTestId('snoozed-notice')).toBeHidden();
  await expect(page.getByText('She says yes, go ahead')).toBeVisible();

  await conversationAction(page, 'Snooze…');
  await page.getByRole('region', { name: 'Snooze until' }).getByRole('button', { name: 'Next week' }).click();
  await expect(page.getByTestId('snoozed-notice')).toBeVisible();
  await page.getByRole('button', { name: 'Wake now' }).click();
  await expect(page.getByTestId('snoozed-notice')).toBeHidden();
  await expect.poll(async () => (await api.view('conversations', first.conversationId)).body.snooze_reason).toBe('');
});

test('offline, the snooze sheet says it needs a connection and snoozes nothing', async ({ page, context, api }) => {
  const { pia } = await freshTeam(api, { pia: { status: 'online' } });
  const id = await assignedConversation(api, pia.id, 'Olga Offline', 'No signal here');
  await signInAs(page, pia);
  // The sheet is loaded on first use: offline it comes from the service worker's precache.
  await waitForServiceWorker(page);
  await page.goto(`/conversations/${id}`);
  await expect(page.getByText('No signal here')).toBeVisible();
  await context.setOffline(true);
  await conversationAction(page, 'Snooze…');
  const sheet = page.getByRole('region', { name: 'Snooze until' });
  await expect(sheet.getByRole('alert')).toHaveText('Snoozing needs a connection: try again when you are online.');
  await expect(sheet.getByRole('button', { name: 'In 1 hour' })).toBeDisabled();
  await context.setOffline(false);
  expect((await api.view('conversations', id)).body.snooze_reason).toBe('');
});
