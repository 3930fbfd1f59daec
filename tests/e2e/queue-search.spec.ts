// The queue's search, filters, SLA chips and long-list behaviour on a phone, against the real PocketBase.
import { seedCachedQueue, syntheticConversations } from '../support/cached-queue';
import type { Api } from '../support/api';
import { customerWrites } from './customers';
import type { E2eEnv } from './e2e-env';
import { expect, signIn, syncStatus, test, waitForServiceWorker } from './fixtures';

let counter = 0;

function pbDate(at: number): string {
  return new Date(at).toISOString().replace('T', ' ');
}

/**
 * A channel with no SLA policy: the server's one-minute SLA sweep leaves its conversations' deadlines alone, so a
 * test can set them (the sweep's own arithmetic is covered by the integration tests).
 */
async function quietChannel(api: Api, teamId: string): Promise<{ id: string; name: string }> {
  counter += 1;
  const tag = `${Date.now() % 1_000_000}${counter}`;
  const name = `Second line ${tag}`;
  const response = await api.create('channels', {
    name,
    phone_number_id: `88${tag}`,
    display_phone_number: `1666${tag}`,
    timezone: 'UTC',
    waba_id: '102290129340398',
    default_team: teamId,
    service: { sla: { policies: [] } },
  });
  if (response.status !== 200) throw new Error(`channel: ${JSON.stringify(response.body)}`);
  return { id: response.body.id, name };
}

/** A conversation of the agent's, as routing would have left it, with the given fields on top. */
async function agentConversation(api: Api, env: E2eEnv, name: string, fields: Record<string, unknown>): Promise<string> {
  counter += 1;
  const contact = await api.create('contacts', { name, wa_id: `1777${Date.now() % 1_000_000}${counter}` });
  const conversation = await api.create('conversations', {
    contact: contact.body.id,
    team: env.teamId,
    status: 'open',
    assignee: env.agent.id,
    last_message_at: pbDate(Date.now()),
    last_message_preview: `Hello from ${name}`,
    ...fields,
  });
  if (contact.status !== 200 || conversation.status !== 200) throw new Error(`conversation: ${JSON.stringify([contact.body, conversation.body])}`);
  return conversation.body.id;
}

test('finds a conversation by name without accents, by phone number and by an earlier message', async ({ page, env, api }) => {
  await signIn(page, env);
  await expect(syncStatus(page)).toHaveAttribute('data-live', 'true');
  // Two messages: the preview shows only the second, the first is found through the messages the device cached.
  const first = await customerWrites(api, { name: 'Sofía Search', text: 'My solar inverter shows error E42' });
  await customerWrites(api, { name: 'Sofía Search', text: 'Any news?', from: first.from });
  const { assignee } = (await api.view('conversations', first.conversationId)).body;
  await page.getByRole('tab', { name: assignee ? /Mine/ : /Unassigned/ }).click();
  const panel = page.getByRole('tabpanel');
  const sofia = panel.getByRole('link', { name: /Sofía Search/ });
  await expect(sofia).toContainText('Any news?');

  const search = page.getByRole('searchbox', { name: 'Search conversations' });
  await search.fill('inverter e42');
  await expect(sofia).toBeVisible();
  await expect(panel.getByRole('link', { name: new RegExp(env.seeded.customerName) })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveText(/^1 conversation matches$/);

  await search.fill('sofia search');
  await expect(sofia).toBeVisible();
  // The number as a person would type it: with a plus and spaces.
  await search.fill(`+${first.from.slice(0, 1)} ${first.from.slice(1, 4)} ${first.from.slice(4)}`);
  await expect(sofia).toBeVisible();
  await expect(panel.getByRole('link')).toHaveCount(1);

  await search.fill('no such words anywhere');
  await expect(panel.getByText('No conversation in this tab matches.')).toBeVisible();
  await panel.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(search).toHaveValue('');
  await expect(sofia).toBeVisible();
});

test('filters the queue by label and by channel with two native pickers', async ({ page, env, api }) => {
  const [urgent] = await api.list('labels', 'name = "urgent"');
  const channel = await quietChannel(api, env.teamId);
  const [shop] = await api.list('channels', 'name = "Shop"');
  await agentConversation(api, env, 'Lena Label', { channel: shop.id, labels: [urgent.id] });
  await agentConversation(api, env, 'Cai Channel', { channel: channel.id });
  await signIn(page, env);
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('link', { name: /Cai Channel/ })).toBeVisible();

  const toggle = page.getByRole('button', { name: 'Filters' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('combobox', { name: /^Label/ }).selectOption({ label: 'urgent' });
  await expect(panel.getByRole('link', { name: /Lena Label/ })).toBeVisible();
  await expect(panel.getByRole('link', { name: /Cai Channel/ })).toHaveCount(0);
  await expect(panel.getByRole('link', { name: new RegExp(env.seeded.customerName) })).toHaveCount(0);

  await page.getByRole('combobox', { name: /^Label/ }).selectOption({ label: 'Any label' });
  await page.getByRole('combobox', { name: /^Channel/ }).selectOption({ label: channel.name });
  await expect(panel.getByRole('link', { name: /Cai Channel/ })).toBeVisible();
  await expect(panel.getByRole('link')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /Filters/ })).toContainText('1');
  // The filter is kept while the agent opens the conversation and comes back.
  await panel.getByRole('link', { name: /Cai Channel/ }).click();
  await page.getByRole('link', { name: 'Back to queue' }).click();
  await expect(page.getByRole('combobox', { name: /^Channel/ })).toHaveValue(channel.id);
  await expect(panel.getByRole('link')).toHaveCount(1);
});

test('shows the SLA time left on each row, and overdue ones in words as well as colour', async ({ page, env, api }) => {
  const channel = await quietChannel(api, env.teamId);
  const now = Date.now();
  await agentConversation(api, env, 'Tina Time', { channel: channel.id, sla_due_at: pbDate(now + 25 * 60_000) });
  await agentConversation(api, env, 'Otis Overdue', { channel: channel.id, sla_due_at: pbDate(now - 12 * 60_000), sla_breached: true });
  await agentConversation(api, env, 'Nadia Nodeadline', { channel: channel.id });
  await signIn(page, env);
  const panel = page.getByRole('tabpanel');
  // A minute may pass while the test runs: 25 min left can read 24, 12 min overdue can read 13.
  await expect(panel.getByRole('link', { name: /Tina Time/ })).toContainText(/2[45] min left/);
  const overdue = panel.getByRole('link', { name: /Otis Overdue/ });
  await expect(overdue).toHaveAccessibleName(/Overdue 1[23] min/);
  await expect(overdue.locator('[data-sla="overdue"]')).toBeVisible();
  await expect(panel.getByRole('link', { name: /Nadia Nodeadline/ })).not.toContainText(/left|Overdue/);

  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByLabel('Language').selectOption('es');
  await expect(panel.getByRole('link', { name: /Otis Overdue/ })).toContainText(/Vencido hace 1[23] min/);
  await page.getByLabel('Idioma').selectOption('en');
});

test('a queue of thousands renders only the rows near the screen, keeps its size for screen readers, and reaches the end by keyboard', async ({
  page,
  context,
  env,
}) => {
  await signIn(page, env);
  await expect(syncStatus(page)).toHaveAttribute('data-live', 'true');
  // The queue refresh that follows the connection is over: the count below is the server's whole queue.
  await expect(syncStatus(page)).toContainText('Synced');
  await waitForServiceWorker(page);
  const mineTab = page.getByRole('tab', { name: /Mine/ });
  const before = Number(await mineTab.locator('.count').textContent());
  // Offline, so the next sync does not replace the cache with the server's (much shorter) queue.
  await context.setOffline(true);
  const synthetic = syntheticConversations(2000, env.agent.id, Date.now());
  await seedCachedQueue(page, synthetic);
  await page.reload();
  const expected = before + synthetic.filter((c) => c.assignee === env.agent.id && c.status === 'open').length;
  await expect(mineTab.locator('.count')).toHaveText(String(expected));

  const list = page.getByRole('list', { name: 'Mine' });
  const items = list.getByRole('listitem');
  await expect(items.first()).toHaveAttribute('aria-setsize', String(expected));
  expect(await items.count()).toBeLessThan(40);

  await items.first().getByRole('link').focus();
  await page.keyboard.press('End');
  const last = list.locator(`[aria-posinset="${expected}"]`);
  await expect(last.getByRole('link')).toBeFocused();
  await expect(last).toBeInViewport();
  expect(await items.count()).toBeLessThan(40);
  await page.keyboard.press('Home');
  await expect(list.locator('[aria-posinset="1"]').getByRole('link')).toBeFocused();
  await context.setOffline(false);
});

test('finds an old resolved conversation that is not on the device through the server, and offline says older history needs a connection', async ({
  page,
  context,
  env,
  api,
}) => {
  const [shop] = await api.list('channels', 'name = "Shop"');
  const longAgo = Date.now() - 90 * 86_400_000;
  const old = await agentConversation(api, env, 'Ramona Oldtimer', {
    channel: shop.id,
    status: 'resolved',
    last_message_at: pbDate(longAgo),
    last_message_preview: 'Gracias',
  });
  const message = await api.create('messages', {
    conversation: old,
    direction: 'in',
    type: 'text',
    text: 'La válvula de la cisterna pierde agua',
    status: 'received',
    sender: 'customer',
  });
  expect(message.status).toBe(200);
  // Fifty newer resolved conversations: the device keeps only the newest fifty, so the old one stays on the server.
  for (let i = 0; i < 50; i++)
    await agentConversation(api, env, `Filler ${i}`, { channel: shop.id, status: 'resolved', last_message_at: pbDate(Date.now() - i * 1000) });

  await signIn(page, env);
  await expect(syncStatus(page)).toContainText('Synced');
  await waitForServiceWorker(page);
  await page.getByRole('tab', { name: /Resolved/ }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('link', { name: /Filler 0/ })).toBeVisible();
  await expect(panel.getByRole('link', { name: /Ramona Oldtimer/ })).toHaveCount(0);

  const search = page.getByRole('searchbox', { name: 'Search conversations' });
  const older = page.getByRole('region', { name: 'Older conversations' });
  await context.setOffline(true);
  await search.fill('valvula cisterna');
  await expect(panel.getByText('No conversation in this tab matches.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Searching older history needs a connection.' })).toBeVisible();
  await expect(older).toHaveCount(0);

  await context.setOffline(false);
  const hit = older.getByRole('link', { name: /Ramona Oldtimer/ });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark')).toHaveText(['válvula', 'cisterna']);
  await expect(page.getByText('Searching older history needs a connection.')).toHaveCount(0);

  await hit.click();
  await expect(page).toHaveURL(new RegExp(`/conversations/${old}$`));
  await expect(page.getByText('La válvula de la cisterna pierde agua')).toBeVisible();
});
