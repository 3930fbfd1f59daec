import { expect, signInAs, test } from './fixtures';
import { openAdminScreen, watchWrites } from './admin';
import { CANNED, TEMPLATE, freshTeam } from './workspace';

test('an admin creates, edits and deletes a template; edits survive a reload', async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const name = `welcome_${Date.now()}`;
  await signInAs(page, ad);
  await openAdminScreen(page, 'Templates and canned replies');

  await page.getByRole('link', { name: 'New template' }).click();
  const form = page.getByRole('form', { name: 'New template' });
  await form.getByLabel('Template name').fill(name);
  await form.getByLabel('Parameters').selectOption({ label: 'Named ({{name}})' });
  await form.getByLabel('Body').fill('Hi {{customer_name}}, welcome!');
  await form.getByLabel('Footer').fill('Reply STOP to opt out');
  await form.getByRole('button', { name: 'Save template' }).click();
  // Once saved, the form edits the new record and is named after it.
  await expect(page.getByRole('form', { name: `Template ${name}` }).getByRole('status')).toHaveText('Saved.');
  const [created] = await api.list('templates', `name = "${name}"`);
  expect(created).toMatchObject({ language: 'en', category: 'utility', parameter_format: 'named', status: 'approved' });
  expect(created.components).toEqual([
    { type: 'BODY', text: 'Hi {{customer_name}}, welcome!' },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
  ]);

  await page.getByRole('link', { name: 'All templates and canned replies' }).click();
  await page.getByRole('link', { name: new RegExp(name) }).click();
  const edit = page.getByRole('form', { name: `Template ${name}` });
  await edit.getByLabel('Body').fill('Hello {{customer_name}}, welcome back!');
  await edit.getByRole('button', { name: 'Save template' }).click();
  await expect(edit.getByRole('status')).toHaveText('Saved.');
  await page.reload();
  await expect(page.getByRole('form', { name: `Template ${name}` }).getByLabel('Body')).toHaveValue('Hello {{customer_name}}, welcome back!');

  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByRole('form', { name: `Template ${name}` })).toHaveCount(0);
  await expect(page.getByRole('link', { name: new RegExp(name) })).toHaveCount(0);
  expect(await api.list('templates', `name = "${name}"`)).toEqual([]);
});

test('a template with a gap in its numbered parameters is refused beside the body before anything is sent', async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const writes = watchWrites(page, 'templates');
  await signInAs(page, ad);
  await openAdminScreen(page, 'Templates and canned replies');
  await page.getByRole('link', { name: 'New template' }).click();
  const form = page.getByRole('form', { name: 'New template' });
  await form.getByLabel('Template name').fill('gap_test');
  await form.getByLabel('Parameters').selectOption({ label: 'Numbered ({{1}})' });
  await form.getByLabel('Body').fill('Your order {{2}} is ready');
  await form.getByRole('button', { name: 'Save template' }).click();

  await expect(form.getByLabel('Body')).toHaveAccessibleDescription(/^Numbered parameters must not skip a number\./);
  expect(writes).toEqual([]);
});

test('a template name and language already in use are refused by the server beside the name', async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  await signInAs(page, ad);
  await openAdminScreen(page, 'Templates and canned replies');
  await page.getByRole('link', { name: 'New template' }).click();
  const form = page.getByRole('form', { name: 'New template' });
  await form.getByLabel('Template name').fill(TEMPLATE.name);
  await form.getByLabel('Body').fill('Another body');
  await form.getByRole('button', { name: 'Save template' }).click();

  await expect(form.getByRole('alert')).toContainText('Fix the highlighted fields; nothing was saved.');
  await expect(form.getByLabel('Template name')).toHaveAccessibleDescription(/^Already taken; pick another\./);
  expect(await api.list('templates', `name = "${TEMPLATE.name}"`)).toHaveLength(1);
});

test('an admin adds a canned reply, edits it after a reload, and deletes it; a taken shortcut is refused by the server', async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const shortcut = `refund-${Date.now()}`;
  await signInAs(page, ad);
  await openAdminScreen(page, 'Templates and canned replies');

  await page.getByRole('link', { name: 'New canned reply' }).click();
  const form = page.getByRole('form', { name: 'New canned reply' });
  await form.getByLabel('Shortcut').fill(CANNED.shortcut);
  await form.getByLabel('Title').fill('Refund issued');
  await form.getByLabel('Text', { exact: true }).fill('We have refunded you, {{customer_name}}.');
  await form.getByRole('button', { name: 'Save canned reply' }).click();
  await expect(form.getByLabel('Shortcut')).toHaveAccessibleDescription(/^Already taken; pick another\./);

  await form.getByLabel('Shortcut').fill(shortcut);
  await form.getByRole('button', { name: 'Save canned reply' }).click();
  await expect(page.getByRole('form', { name: `Canned reply /${shortcut}` }).getByRole('status')).toHaveText('Saved.');
  const [created] = await api.list('canned_replies', `shortcut = "${shortcut}"`);
  expect(created).toMatchObject({ title: 'Refund issued', body: 'We have refunded you, {{customer_name}}.' });

  await page.goto(`/admin/templates?canned=${created.id}`);
  const edit = page.getByRole('form', { name: `Canned reply /${shortcut}` });
  await expect(edit.getByLabel('Title')).toHaveValue('Refund issued');
  await edit.getByLabel('Title').fill('Refund done');
  await edit.getByRole('button', { name: 'Save canned reply' }).click();
  await expect(edit.getByRole('status')).toHaveText('Saved.');
  await page.reload();
  await expect(page.getByRole('form', { name: `Canned reply /${shortcut}` }).getByLabel('Title')).toHaveValue('Refund done');

  await page.getByRole('button', { name: `Delete /${shortcut}` }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByRole('form', { name: `Canned reply /${shortcut}` })).toHaveCount(0);
  await expect(page.getByRole('link', { name: new RegExp(`/${shortcut}`) })).toHaveCount(0);
  expect(await api.list('canned_replies', `shortcut = "${shortcut}"`)).toEqual([]);
});
