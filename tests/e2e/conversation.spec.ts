import { assignedConversation } from './customers';
import { composeMode, conversationAction, expect, signIn, syncStatus, test } from './fixtures';

test('the agent opens a conversation, replies, and the reply shows in the thread', async ({ page, env, api }) => {
  const conversationId = await assignedConversation(api, env.agent.id, 'Olu Reply', 'Can someone call me back?');
  await signIn(page, env);
  await page.getByRole('link', { name: /Olu Reply/ }).click();
  await expect(page).toHaveURL(new RegExp(`/conversations/${conversationId}$`));
  const thread = page.getByRole('list', { name: 'Messages' });
  await expect(thread.getByText('Can someone call me back?')).toBeVisible();
  await expect(page.getByTestId('service-window')).toContainText('Reply window');

  await page.getByLabel('Message to the customer').fill('Calling you in five minutes.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(thread.getByText('Calling you in five minutes.')).toBeVisible();
  await expect(page.getByLabel('Message to the customer')).toHaveValue('');
  await expect(syncStatus(page)).toContainText('Synced');
  const replies = await api.list('messages', `conversation = "${conversationId}" && author = "${env.agent.id}"`);
  expect(replies.map((m) => [m.text, m.status])).toEqual([['Calling you in five minutes.', 'queued']]);
});

test('an internal note looks different from a reply and never reaches the customer', async ({ page, env, api }) => {
  const conversationId = await assignedConversation(api, env.agent.id, 'Nadia Note', 'Order 7781 is missing a part');
  await signIn(page, env);
  await page.goto(`/conversations/${conversationId}`);
  await composeMode(page, 'Note');
  await page.getByLabel('Internal note for your team').fill('Checked stock: part ships Friday.');
  await page.getByRole('button', { name: 'Add note' }).click();
  const note = page.getByRole('article').filter({ hasText: 'Checked stock: part ships Friday.' });
  await expect(note).toContainText('Internal note');
  await expect.poll(async () => (await api.list('notes', `conversation = "${conversationId}"`)).length).toBe(1);
  expect(await api.list('messages', `conversation = "${conversationId}" && author = "${env.agent.id}"`)).toHaveLength(0);
  // A note is an aside: the composer is back on Reply for the next message.
  await expect(page.getByLabel('Message to the customer')).toBeVisible();
});

test('resolve and reopen change the conversation status on the server', async ({ page, env, api }) => {
  const conversationId = await assignedConversation(api, env.agent.id, 'Rita Resolve', 'Thanks, all fixed!');
  await signIn(page, env);
  await page.goto(`/conversations/${conversationId}`);
  await conversationAction(page, 'Resolve');
  await expect(page.getByTestId('conversation-status')).toHaveText('Resolved');
  await expect.poll(async () => (await api.view('conversations', conversationId)).body.status).toBe('resolved');
  await conversationAction(page, 'Reopen');
  await expect.poll(async () => (await api.view('conversations', conversationId)).body.status).toBe('open');
});
