import { expect, signInAs, test } from './fixtures';
import { openAdminScreen, watchWrites } from './admin';
import { freshTeam } from './workspace';

test('an admin creates a team and puts an agent in it with skills, languages and a capacity; all still there after a reload', async ({ page, api }) => {
  const { ad, bo } = await freshTeam(api, { ad: { role: 'admin', status: 'online' }, bo: { status: 'online' } });
  const teamName = `Returns ${Date.now()}`;
  await signInAs(page, ad);
  await openAdminScreen(page, 'Teams and agents');

  await page.getByRole('link', { name: 'New team' }).click();
  const teamForm = page.getByRole('form', { name: 'New team' });
  await teamForm.getByLabel('Team name').fill(teamName);
  await teamForm.getByLabel('Description').fill('Refunds and exchanges');
  await teamForm.getByRole('button', { name: 'Save team' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const [team] = await api.list('teams', `name = "${teamName}"`);
  expect(team).toMatchObject({ name: teamName, description: 'Refunds and exchanges' });

  await page.getByRole('link', { name: 'All teams and agents' }).click();
  await page.getByRole('link', { name: new RegExp(bo.name) }).click();
  const agentForm = page.getByRole('form', { name: `Agent ${bo.name}` });
  await agentForm.getByLabel('Role').selectOption({ label: 'Manager' });
  await agentForm.getByLabel(teamName).check();
  await agentForm.getByLabel('Skills').fill('Billing, returns');
  await agentForm.getByLabel('Languages').fill('es, pt');
  await agentForm.getByLabel('Open conversations at most').fill('3');
  await agentForm.getByRole('button', { name: 'Save agent' }).click();
  await expect(agentForm.getByRole('status')).toHaveText('Saved.');

  const saved = (await api.view('agents', bo.id)).body;
  expect(saved).toMatchObject({ role: 'manager', skills: ['billing', 'returns'], languages: ['es', 'pt'], max_open: 3 });
  expect(saved.teams).toContain(team.id);

  await page.reload();
  const reloaded = page.getByRole('form', { name: `Agent ${bo.name}` });
  await expect(reloaded.getByLabel('Role')).toHaveValue('manager');
  await expect(reloaded.getByLabel(teamName)).toBeChecked();
  await expect(reloaded.getByLabel('Skills')).toHaveValue('billing, returns');
  await expect(reloaded.getByLabel('Open conversations at most')).toHaveValue('3');
});

test('a team name that is taken is refused by the server beside the name field', async ({ page, api }) => {
  const { ad, teamId } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const taken = (await api.view('teams', teamId)).body.name as string;
  await signInAs(page, ad);
  await openAdminScreen(page, 'Teams and agents');
  await page.getByRole('link', { name: 'New team' }).click();
  const form = page.getByRole('form', { name: 'New team' });
  await form.getByLabel('Team name').fill(taken);
  await form.getByRole('button', { name: 'Save team' }).click();

  await expect(form.getByRole('alert')).toContainText('Fix the highlighted fields; nothing was saved.');
  await expect(form.getByLabel('Team name')).toHaveAccessibleDescription('Already taken; pick another.');
  expect(await api.list('teams', `name = "${taken}"`)).toHaveLength(1);
});

test('a capacity of 0 is refused on the device and nothing is sent', async ({ page, api }) => {
  const { ad, bo } = await freshTeam(api, { ad: { role: 'admin', status: 'online' }, bo: { status: 'online' } });
  // The admin's own heartbeat writes to agents too: watch the edited agent only.
  const writes = watchWrites(page, `agents/${bo.id}`);
  await signInAs(page, ad);
  await openAdminScreen(page, 'Teams and agents');
  await page.getByRole('link', { name: new RegExp(bo.name) }).click();
  const form = page.getByRole('form', { name: `Agent ${bo.name}` });
  await form.getByLabel('Open conversations at most').fill('0');
  await form.getByRole('button', { name: 'Save agent' }).click();

  await expect(form.getByLabel('Open conversations at most')).toHaveAccessibleDescription(/^Too short or below the minimum\./);
  expect(writes).toEqual([]);
  expect((await api.view('agents', bo.id)).body.max_open).toBe(10);
});

test('the admin screens follow the Spanish interface', async ({ page, api }) => {
  const { ad, bo } = await freshTeam(api, { ad: { role: 'admin', status: 'online' }, bo: { status: 'online' } });
  await signInAs(page, ad);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('link', { name: 'Ajustes de administración' }).click();
  await page.getByRole('link', { name: /^Equipos y agentes/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Equipos y agentes' })).toBeVisible();
  await page.getByRole('link', { name: new RegExp(bo.name) }).click();
  const form = page.getByRole('form', { name: `Agente ${bo.name}` });
  await form.getByLabel('Conversaciones abiertas como máximo').fill('');
  await form.getByRole('button', { name: 'Guardar agente' }).click();
  await expect(form.getByRole('alert')).toContainText('Corrige los campos marcados; no se guardó nada.');
  await expect(form.getByLabel('Conversaciones abiertas como máximo')).toHaveAccessibleDescription(/^Escribe un valor\./);
});

test('an admin lets a team offer its new conversations, with its own time to accept; a wrong time is refused beside the field', async ({ page, api }) => {
  const { ad, teamId } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const teamName = (await api.view('teams', teamId)).body.name as string;
  await signInAs(page, ad);
  await openAdminScreen(page, 'Teams and agents');
  await page
    .getByRole('link', { name: new RegExp(teamName) })
    .first()
    .click();
  const form = page.getByRole('form', { name: `Team ${teamName}` });
  await expect(form.getByLabel('Seconds to accept an offer')).toHaveCount(0);
  await form.getByLabel('New conversations').selectOption({ label: 'Offer to an agent, who accepts or declines' });
  const seconds = form.getByLabel('Seconds to accept an offer');
  await seconds.fill('5');
  await form.getByRole('button', { name: 'Save team' }).click();
  await expect(seconds).toHaveAttribute('aria-invalid', 'true');
  expect((await api.view('teams', teamId)).body.assignment_mode).not.toBe('offer');

  await seconds.fill('90');
  await form.getByRole('button', { name: 'Save team' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  expect((await api.view('teams', teamId)).body).toMatchObject({ assignment_mode: 'offer', offer_timeout_seconds: 90 });

  await page.reload();
  const reloaded = page.getByRole('form', { name: `Team ${teamName}` });
  await expect(reloaded.getByLabel('New conversations')).toHaveValue('offer');
  await expect(reloaded.getByLabel('Seconds to accept an offer')).toHaveValue('90');
});
