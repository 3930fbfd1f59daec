import { expect, signInAs, test } from './fixtures';
import { openAdminScreen } from './admin';
import { freshTeam } from './workspace';
import { Api } from '../support/api';

test('an admin invites a colleague, who signs in with the temporary password; a deactivated colleague cannot', async ({ page, otherPage, api }) => {
  const { ad, teamId } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const team = (await api.view('teams', teamId)).body.name as string;
  const email = `nora.${Date.now()}@shop.test`;
  await signInAs(page, ad);
  await openAdminScreen(page, 'Teams and agents');

  await page.getByRole('link', { name: 'Invite a colleague' }).click();
  const form = page.getByRole('form', { name: 'New colleague' });
  await form.getByLabel('Name').fill('Nora Nueva');
  // Checked on the device with the server's schema: nothing is sent for a bad address.
  await form.getByLabel('Email').fill('nora-at-shop');
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(form.getByText('Enter an email address.')).toBeVisible();
  expect(await api.list('agents', `name = "Nora Nueva"`)).toEqual([]);

  await form.getByLabel('Email').fill(email);
  await form.getByLabel(team).check();
  await form.getByLabel('Languages').fill('es');
  await form.getByRole('button', { name: 'Create account' }).click();
  const done = page.getByRole('region', { name: 'Nora Nueva can sign in now' });
  const password = (await done.getByRole('status', { name: 'Temporary password' }).textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
  const [nora] = await api.list('agents', `email = "${email}"`);
  expect(nora).toMatchObject({ name: 'Nora Nueva', role: 'agent', teams: [teamId], languages: ['es'] });

  await signInAs(otherPage, { email, password });

  // Deactivated: their next sign-in is refused.
  await page.getByRole('link', { name: 'All teams and agents' }).click();
  await page.getByRole('link', { name: /Nora Nueva/ }).click();
  const agentForm = page.getByRole('form', { name: 'Agent Nora Nueva' });
  await agentForm.getByRole('button', { name: 'Deactivate' }).click();
  await agentForm.getByRole('button', { name: 'Yes, deactivate' }).click();
  await expect(agentForm.getByRole('status')).toContainText('Deactivated. 0 open conversations went back to routing.');
  expect((await api.view('agents', nora.id)).body.deactivated_at).not.toBe('');
  // Signed out (a superuser's header would skip the agents' auth rule).
  const refused = await new Api(api.url, '').request('POST', '/api/collections/agents/auth-with-password', { identity: email, password });
  expect(refused.status).toBe(403);
});

test('an admin cannot change their own role from the app', async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  await signInAs(page, ad);
  await openAdminScreen(page, 'Teams and agents');
  await page.getByRole('link', { name: new RegExp(ad.name) }).click();
  const form = page.getByRole('form', { name: `Agent ${ad.name}` });
  await expect(form.getByText('You cannot change your own role; ask another admin.')).toBeVisible();
  await expect(form.getByLabel('Role')).toHaveCount(0);
});
