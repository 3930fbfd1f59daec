import { expect, signInAs, test } from './fixtures';
import { adminChannel, openAdminScreen, watchWrites } from './admin';
import { freshTeam } from './workspace';
import { createTeam } from '../support/seed';

test('an admin writes a Spanish greeting with variables, previews it, and it is still there after a reload', async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const channel = await adminChannel(api);
  await signInAs(page, ad);
  await openAdminScreen(page, 'Channel settings');
  await page.getByRole('link', { name: new RegExp(channel.name) }).click();
  await page.getByRole('link', { name: 'Auto-replies' }).click();
  const form = page.getByRole('form', { name: `Auto-replies of ${channel.name}` });

  await form.getByLabel('Reply language').selectOption({ label: 'Spanish' });
  const greeting = form.getByRole('group', { name: 'Greeting' });
  // Left empty, the greeting is the built-in one in the reply language.
  await expect(greeting.getByTestId('reply-preview')).toHaveText(`¡Hola Ana! Gracias por escribir a ${channel.name}.`);
  // The one message each situation gets, computed by the server's planner from the working copy.
  const voice = form.getByRole('region', { name: 'What the customer will get' });
  const said = (situation: string) =>
    voice
      .getByRole('row', { name: new RegExp(`^${situation}`) })
      .getByRole('cell')
      .first();
  await expect(said('New customer · closed · nobody online')).toHaveText(
    `¡Hola Ana! Gracias por escribir a ${channel.name}. Ahora mismo estamos cerrados. Abrimos el lunes a las 09:00 (UTC).`,
  );
  await greeting.getByLabel('Greeting text').fill('Hola {{customer_name}}, bienvenida a {{channel_name}}.');
  await expect(greeting.getByTestId('reply-preview')).toHaveText(`Hola Ana, bienvenida a ${channel.name}.`);
  await form.getByRole('group', { name: 'Agent introduction' }).getByLabel('Send the agent introduction reply').check();
  await expect(said('New customer · open · someone online')).toHaveText(`Hola Ana, bienvenida a ${channel.name}. Ben te atenderá en breve.`);
  await expect(said('Their agent offline · open · nobody online')).toHaveText('Nothing automatic');
  await form.getByLabel('FAQ keywords to suggest').fill('precios, envíos');
  await form.getByLabel('Help page link').fill('https://help.example/es');
  await form.getByRole('button', { name: 'Save auto-replies' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');

  const saved = (await api.view('channels', channel.id)).body;
  expect(saved.language).toBe('es');
  expect(saved.auto_replies.greeting.text).toBe('Hola {{customer_name}}, bienvenida a {{channel_name}}.');
  expect(saved.auto_replies.afterAssign.enabled).toBe(true);
  expect(saved.auto_replies.outOfHours.selfService).toEqual({ keywords: ['precios', 'envíos'], link: 'https://help.example/es' });

  await page.reload();
  const reloaded = page.getByRole('form', { name: `Auto-replies of ${channel.name}` });
  await expect(reloaded.getByLabel('Reply language')).toHaveValue('es');
  await expect(reloaded.getByLabel('Greeting text')).toHaveValue('Hola {{customer_name}}, bienvenida a {{channel_name}}.');
  await expect(reloaded.getByLabel('FAQ keywords to suggest')).toHaveValue('precios, envíos');
});

test('a help link without http is refused beside the field before anything is sent', async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const channel = await adminChannel(api);
  const writes = watchWrites(page, 'channels');
  await signInAs(page, ad);
  await openAdminScreen(page, 'Channel settings');
  await page.getByRole('link', { name: new RegExp(channel.name) }).click();
  await page.getByRole('link', { name: 'Auto-replies' }).click();
  const form = page.getByRole('form', { name: `Auto-replies of ${channel.name}` });

  await form.getByLabel('Help page link').fill('help.example');
  await form.getByRole('button', { name: 'Save auto-replies' }).click();
  await expect(form.getByLabel('Help page link')).toHaveAccessibleDescription('Use a full address starting with http:// or https://.');
  expect(writes).toEqual([]);
});

test("the server's refusal of the channel as a whole is shown on the auto-replies form, and nothing is saved", async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const night = await createTeam(api, `Night desk ${Date.now()}`);
  const channel = await adminChannel(api, { routing: { defaultTeamId: night } });
  await signInAs(page, ad);
  await openAdminScreen(page, 'Channel settings');
  await page.getByRole('link', { name: new RegExp(channel.name) }).click();
  await page.getByRole('link', { name: 'Auto-replies' }).click();
  const form = page.getByRole('form', { name: `Auto-replies of ${channel.name}` });
  await form.getByLabel('Greeting text').fill('Welcome!');

  // Another admin removes the team this channel routes to: the server checks every setting of the channel on save.
  expect((await api.delete('teams', night)).status).toBe(204);
  await form.getByRole('button', { name: 'Save auto-replies' }).click();

  const alert = form.getByRole('alert');
  await expect(alert).toContainText('Fix the highlighted fields; nothing was saved.');
  await expect(alert).toContainText('This team no longer exists; pick another.');
  expect((await api.view('channels', channel.id)).body.auto_replies).toBeNull();
});

test('an admin sets up the FAQ bot with a buttons answer, and it is still there after a reload', async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const channel = await adminChannel(api);
  await signInAs(page, ad);
  await openAdminScreen(page, 'Channel settings');
  await page.getByRole('link', { name: new RegExp(channel.name) }).click();
  await page.getByRole('link', { name: 'FAQ bot' }).click();
  const form = page.getByRole('form', { name: `FAQ bot of ${channel.name}` });

  await form.getByLabel('The FAQ bot answers first').check();
  await form.getByRole('button', { name: 'Add question' }).click();
  await form.getByLabel('Question 1 id').fill('shipping');
  await form.getByLabel('Question 1 keywords').fill('ship*, delivery');
  await form.getByLabel('Question 1 answer type').selectOption({ label: 'Text with buttons' });
  await form.getByLabel('Question 1 answer', { exact: true }).fill('Where should we deliver?');
  await form.getByRole('button', { name: 'Add a button to question 1' }).click();
  await form.getByLabel('Question 1 button 1 title').fill('faq:home');
  await form.getByLabel('Question 1 button 1 title').fill('Home');
  await form.getByLabel('Question 1 button 1 id').fill('home');

  // A reserved id is caught on the device, beside its field.
  await form.getByLabel('Question 1 id').fill('faq:shipping');
  await form.getByRole('button', { name: 'Save FAQ bot' }).click();
  await expect(form.getByLabel('Question 1 id')).toHaveAccessibleDescription('Ids starting with “faq:” are reserved.');
  await form.getByLabel('Question 1 id').fill('shipping');
  await form.getByRole('button', { name: 'Save FAQ bot' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');

  const faq = (await api.view('channels', channel.id)).body.faq;
  expect(faq.enabled).toBe(true);
  expect(faq.entries).toEqual([
    expect.objectContaining({
      id: 'shipping',
      keywords: ['ship*', 'delivery'],
      answer: { type: 'buttons', text: 'Where should we deliver?', buttons: [{ id: 'home', title: 'Home' }] },
    }),
  ]);

  await page.reload();
  const reloaded = page.getByRole('form', { name: `FAQ bot of ${channel.name}` });
  await expect(reloaded.getByLabel('The FAQ bot answers first')).toBeChecked();
  await expect(reloaded.getByLabel('Question 1 keywords')).toHaveValue('ship*, delivery');
  await expect(reloaded.getByLabel('Question 1 button 1 title')).toHaveValue('Home');
});
