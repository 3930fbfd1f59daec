import { expect, signInAs, test } from './fixtures';
import { freshTeam } from './workspace';

test('a manager creates, renames, recolours and deletes a label; the deleted label leaves the conversation', async ({ page, api }) => {
  const { mo, teamId } = await freshTeam(api, { mo: { role: 'manager', status: 'online' } });
  const name = `gift-${Date.now()}`;
  await signInAs(page, mo);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Admin settings' }).click();
  await page.getByRole('link', { name: /^Labels/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Labels' })).toBeVisible();

  await page.getByRole('link', { name: 'New label' }).click();
  const form = page.getByRole('form', { name: 'New label' });
  await form.getByRole('button', { name: 'Save label' }).click();
  await expect(form.getByLabel('Label name')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Label name').fill(name);
  await form.getByRole('button', { name: 'Save label' }).click();
  // Once saved, the form is the label's own (and named after it).
  await expect(page.getByRole('form', { name: `Label ${name}` }).getByRole('status')).toHaveText('Saved.');
  const [label] = await api.list('labels', `name = "${name}"`);
  expect(label.color).toBe('');

  await page.getByRole('link', { name: 'All labels' }).click();
  await page.getByRole('link', { name: new RegExp(name) }).click();
  const edit = page.getByRole('form', { name: `Label ${name}` });
  await edit.getByLabel('Label name').fill(`${name}-wrap`);
  await edit.getByLabel('Give it a colour').check();
  await edit.getByLabel('Colour', { exact: true }).fill('#aa3300');
  await edit.getByRole('button', { name: 'Save label' }).click();
  await expect(edit.getByRole('status')).toHaveText('Saved.');
  expect((await api.view('labels', label.id)).body).toMatchObject({ name: `${name}-wrap`, color: '#aa3300' });

  const contact = (await api.create('contacts', { wa_id: `1555${Date.now() % 10_000_000}`, name: 'Gina' })).body.id;
  const channel = (await api.list('channels'))[0].id;
  const conversation = (await api.create('conversations', { contact, channel, team: teamId, status: 'open', labels: [label.id] })).body.id;

  await edit.getByRole('button', { name: `Delete label ${name}-wrap` }).click();
  await edit.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByRole('link', { name: 'New label' })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(name) })).toHaveCount(0);
  expect((await api.view('labels', label.id)).status).toBe(404);
  expect((await api.view('conversations', conversation)).body.labels).toEqual([]);
});
