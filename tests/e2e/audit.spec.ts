import { expect, signInAs, test } from './fixtures';
import { freshTeam, teamConversation } from './workspace';

test.use({ viewport: { width: 768, height: 1024 }, isMobile: false });

test('an admin filters the audit trail by who, action and conversation, and pages through it', async ({ page, api }) => {
  const { teamId, ada, bo } = await freshTeam(api, { ada: { role: 'admin', status: 'online' }, bo: { status: 'online' } });
  const asAda = await api.as(ada.email, ada.password);
  const label = `audit-${Date.now() % 100_000}`;
  const made = await api.create('labels', { name: label });
  expect((await asAda.update('labels', made.body.id, { name: `${label}-renamed` })).status).toBe(200);
  const conversationId = await teamConversation(api, teamId, bo.id, 'Audit Customer', 'Please check my bill');
  // More superuser creations than one page holds, so the pager has somewhere to go.
  for (let i = 0; i < 26; i++) await api.create('labels', { name: `${label}-bulk-${i}` });

  await signInAs(page, ada);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Audit trail' }).click();
  const entries = page.getByRole('list', { name: 'Audit entries' });
  await expect(entries.getByRole('listitem').first()).toBeVisible();

  await page.getByLabel('Who').selectOption(ada.id);
  await page.getByLabel('Action').selectOption('update');
  await expect(entries.getByRole('listitem')).toHaveCount(1);
  await expect(entries.getByRole('listitem')).toContainText(`update labels ${label}-renamed`);
  await expect(entries.getByRole('listitem')).toContainText(ada.name);

  await page.getByLabel('Who').selectOption('superuser');
  await page.getByLabel('Action').selectOption('');
  await page.getByLabel('Conversation ID').fill('not-an-id');
  await expect(page.getByText('A conversation ID has 15 lowercase letters and digits.')).toBeVisible();
  await page.getByLabel('Conversation ID').fill(conversationId);
  await expect(entries.getByRole('listitem')).not.toHaveCount(0);
  for (const item of await entries.getByRole('listitem').all()) await expect(item).toContainText(conversationId);
  const serverCount = (await api.list('audit_log', `actor_kind = "superuser" && collection_name = "conversations" && record_id = "${conversationId}"`)).length;
  await expect(entries.getByRole('listitem')).toHaveCount(serverCount);

  await page.getByLabel('Conversation ID').fill('');
  await page.getByLabel('Action').selectOption('create');
  await expect(page.getByText(/^Page 1 of [2-9]\d*$/)).toBeVisible();
  const firstOnPageOne = await entries.getByRole('listitem').first().textContent();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText(/^Page 2 of /)).toBeVisible();
  await expect(entries.getByRole('listitem').first()).not.toHaveText(firstOnPageOne!);
  const created = (await api.list('audit_log', 'actor_kind = "superuser" && action = "create"')).length;
  await expect(entries.getByRole('listitem')).toHaveCount(Math.min(25, created - 25));
});

test('the audit trail is for admins only', async ({ page, api }) => {
  const { mo } = await freshTeam(api, { mo: { role: 'manager', status: 'online' } });
  await signInAs(page, mo);
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('link', { name: 'Audit trail' })).toHaveCount(0);
  await page.goto('/manager/audit');
  await expect(page.getByText('Only admins can see the audit trail.')).toBeVisible();
});
