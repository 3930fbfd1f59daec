// The conversation screen on a phone: room for the messages, and the latest ones in view with the keyboard open.
import type { Locator, Page } from '@playwright/test';
import { assign, customerWrites } from './customers';
import { expect, signIn, test } from './fixtures';

const LINES = [
  'The pump stopped',
  'It makes a noise first',
  'Then the light blinks',
  'Model PX-200',
  'Bought last May',
  'I am at the site now',
  'Can someone come today?',
  'Or call me back?',
];

async function longConversation(api: Parameters<typeof assign>[0], agentId: string, name: string, lines = LINES): Promise<string> {
  const first = await customerWrites(api, { name, text: lines[0] });
  for (const text of lines.slice(1)) await customerWrites(api, { name, text, from: first.from });
  await assign(api, first.conversationId, agentId);
  return first.conversationId;
}

/** Whether `item` lies fully inside `list`'s visible box. */
async function fullyInside(page: Page, list: Locator, item: Locator): Promise<boolean> {
  const [outer, inner] = [await list.boundingBox(), await item.boundingBox()];
  if (!outer || !inner) return false;
  return inner.y >= outer.y - 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
}

test('at 360×640 the messages get at least 60 % of the screen', async ({ page, env, api }) => {
  const conversationId = await longConversation(api, env.agent.id, 'Lena Layout');
  await signIn(page, env);
  await page.goto(`/conversations/${conversationId}`);
  const thread = page.getByRole('list', { name: 'Messages' });
  await expect(thread.getByText('Or call me back?')).toBeVisible();
  const box = await thread.boundingBox();
  expect(box!.height / 640).toBeGreaterThanOrEqual(0.6);
});

test('at 360×340 with the composer focused (keyboard open) the two latest messages are fully visible', async ({ page, env, api }) => {
  const conversationId = await longConversation(api, env.agent.id, 'Kai Keyboard');
  await signIn(page, env);
  await page.goto(`/conversations/${conversationId}`);
  const thread = page.getByRole('list', { name: 'Messages' });
  await expect(thread.getByText('Or call me back?')).toBeVisible();
  // A phone keyboard takes the lower half of the screen: the layout viewport shrinks to what is left.
  await page.setViewportSize({ width: 360, height: 340 });
  const reply = page.getByLabel('Message to the customer');
  await reply.focus();
  await reply.fill('On my way');
  // The two latest entries of the thread, whatever they are (the shop's automatic welcome may be among them).
  const items = thread.getByRole('article');
  await expect.poll(() => fullyInside(page, thread, items.nth(-1))).toBe(true);
  await expect.poll(() => fullyInside(page, thread, items.nth(-2))).toBe(true);
});

test('a note sends from the one-row composer and the mode goes back to Reply', async ({ page, env, api }) => {
  const conversationId = await longConversation(api, env.agent.id, 'Mo Mode');
  await signIn(page, env);
  await page.goto(`/conversations/${conversationId}`);
  await page.getByRole('button', { name: 'Compose: Reply' }).click();
  await page.getByRole('group', { name: 'Compose' }).getByRole('button', { name: 'Note' }).click();
  await expect(page.getByRole('button', { name: 'Compose: Note' })).toBeVisible();
  await page.getByLabel('Internal note for your team').fill('Asked for the serial number.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('button', { name: 'Compose: Reply' })).toBeVisible();
  await expect(page.getByLabel('Message to the customer')).toBeVisible();
});

test('a thread longer than a screenful opens at its latest line and still holds its oldest one', async ({ page, env, api }) => {
  // More lines than the screen draws on open (the older ones follow right after the first frame).
  const lines = Array.from({ length: 26 }, (_, i) => `Update number ${i + 1}`);
  const conversationId = await longConversation(api, env.agent.id, 'Tess Thread', lines);
  await signIn(page, env);
  await page.goto(`/conversations/${conversationId}`);
  const thread = page.getByRole('list', { name: 'Messages' });
  // Lines sent within the same second may sit in any order among themselves: the test looks at positions.
  const items = thread.getByRole('article');
  // All of them (and the shop's automatic welcome if it sent one), with the view still at the latest.
  await expect.poll(() => items.count()).toBeGreaterThanOrEqual(26);
  await expect(thread.getByText('Update number 1', { exact: true })).toBeAttached();
  await expect.poll(() => fullyInside(page, thread, items.nth(-1))).toBe(true);
  await expect.poll(() => fullyInside(page, thread, items.first())).toBe(false);
  await items.first().scrollIntoViewIfNeeded();
  await expect.poll(() => fullyInside(page, thread, items.first())).toBe(true);
});
