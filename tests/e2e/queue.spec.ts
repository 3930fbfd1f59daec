import { customerWrites } from './customers';
import { expect, signIn, signInAs, syncStatus, test } from './fixtures';
import { freshTeam } from './workspace';

test('agent signs in and sees the seeded conversation in Mine', async ({ page, env }) => {
  await signIn(page, env);
  const mine = page.getByRole('tab', { name: /Mine/ });
  await expect(mine).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('link', { name: new RegExp(env.seeded.customerName) })).toBeVisible();
  await expect(panel.getByText(env.seeded.text)).toBeVisible();
});

test('the session survives a restart of the app', async ({ page, env }) => {
  await signIn(page, env);
  await page.reload();
  await expect(page).not.toHaveURL(/sign-in/);
  await expect(page.getByRole('link', { name: new RegExp(env.seeded.customerName) })).toBeVisible();
});

test('a new customer message posted while the queue is open appears live', async ({ page, env, api }) => {
  await signIn(page, env);
  // Only once realtime is up: from then on, nothing but the realtime feed brings new rows in.
  await expect(syncStatus(page)).toHaveAttribute('data-live', 'true');
  // A name of its own: the same test run again (--repeat-each, a retry) finds its earlier customers in the queue.
  const name = `Jonas Live ${Date.now() % 100_000}`;
  const { conversationId } = await customerWrites(api, { name, text: 'Is anyone there? The gate is stuck.' });
  // Routing may give it to the agent at once or leave it for the team: look where it belongs.
  const { assignee } = (await api.view('conversations', conversationId)).body;
  expect([env.agent.id, '']).toContain(assignee);
  await page.getByRole('tab', { name: assignee ? /Mine/ : /Unassigned/ }).click();
  const panel = page.getByRole('tabpanel');
  const row = panel.getByRole('link', { name: new RegExp(name) });
  await expect(row).toBeVisible();
  await expect(row.getByText('Is anyone there? The gate is stuck.')).toBeVisible();
});

test('the shift toggle, in the menu, says what each status means and changes it on the server in one tap', async ({ page, env, api, undo }) => {
  // The seeded agent takes the shop's new customers in other specs: online again even if this test stops half-way.
  undo(async () => expect((await api.update('agents', env.agent.id, { status: 'online' })).status).toBe(200));
  await signIn(page, env);
  await page.getByRole('button', { name: 'Menu' }).click();
  const shift = page.getByRole('radiogroup', { name: 'Shift status' });
  await shift.getByRole('radio', { name: 'Away' }).click();
  await expect(shift.getByRole('radio', { name: 'Away' })).toHaveAttribute('aria-checked', 'true');
  await expect.poll(async () => (await api.view('agents', env.agent.id)).body.status).toBe('away');
  await expect(page.getByText('Away: you keep your conversations and get no new ones.')).toBeVisible();
  await shift.getByRole('radio', { name: 'Online' }).click();
  await expect.poll(async () => (await api.view('agents', env.agent.id)).body.status).toBe('online');
});

test('shows an empty state when a tab has nothing in it', async ({ page, api }) => {
  // A colleague of their own, fresh team and off shift, so nothing is routed to them: the seeded agent's tabs fill up
  // with other specs' conversations, and team-less resolved ones (an imported history) are everyone's to see.
  const { newcomer } = await freshTeam(api, { newcomer: { role: 'agent', status: 'offline' } });
  await signInAs(page, newcomer!);
  await expect(page.getByRole('tab', { name: /Mine/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Nothing assigned to you right now.')).toBeVisible();
});

test('follows the browser language and can be switched', async ({ page, env }) => {
  await signIn(page, env);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('tab', { name: /Mías/ })).toBeVisible();
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.getByRole('tab', { name: /Mine/ })).toBeVisible();
});
