// Tablets and desktops (≥ 1024 px): the queue and the conversation side by side, in any orientation.
import { assignedConversation } from './customers';
import { expect, signIn, test } from './fixtures';

test.use({ viewport: { width: 1024, height: 768 }, isMobile: false });

test('at 1024×768 the queue stays beside the open conversation', async ({ page, env, api }) => {
  const conversationId = await assignedConversation(api, env.agent.id, 'Tara Tablet', 'Two panes please');
  await signIn(page, env);
  const queue = page.getByRole('navigation', { name: 'Conversations' });
  await expect(page.getByText('Pick a conversation from the queue.')).toBeVisible();
  await queue.getByRole('link', { name: /Tara Tablet/ }).click();
  await expect(page).toHaveURL(new RegExp(`/conversations/${conversationId}$`));
  const thread = page.getByRole('list', { name: 'Messages' });
  await expect(thread.getByText('Two panes please')).toBeVisible();
  await expect(queue.getByRole('link', { name: /Tara Tablet/ })).toHaveAttribute('aria-current', 'page');
  const [list, detail] = [await queue.boundingBox(), await thread.boundingBox()];
  expect(detail!.x).toBeGreaterThanOrEqual(list!.x + list!.width - 1);
  await expect(page.getByRole('main')).toHaveCount(1);
});

test('the manifest no longer locks the app to portrait', async ({ request, env }) => {
  const manifest = await (await request.get(`${env.url}/manifest.webmanifest`)).json();
  expect(manifest.orientation ?? 'any').toBe('any');
});
