import { expect, signInAs, test } from './fixtures';
import { freshTeam } from './workspace';

test('an admin connects a webhook from the phone, sees its secret once, and makes and revokes an API key', async ({ page, api, undo }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const name = `CRM ${Date.now()}`;
  // A receiver gets every later spec's conversations (and a running worker tries to deliver them): removed afterwards.
  undo(async () => {
    for (const endpoint of await api.list('webhook_endpoints', `name = "${name}"`))
      expect((await api.delete('webhook_endpoints', endpoint.id)).status).toBe(204);
  });
  await signInAs(page, ad);
  await page.goto('/admin');
  await page.getByRole('link', { name: /Integrations/ }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks and chat targets' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Connect a receiver' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Address (URL)').fill('http://127.0.0.1:9/hook');
  await form.getByLabel('conversation.created').check();
  await form.getByRole('button', { name: 'Save' }).click();
  // Loopback is refused (SSRF) unless the server allows private receivers.
  await expect(form.getByRole('alert')).toBeVisible();
  await form.getByLabel('Address (URL)').fill('https://crm.example.com/pocketdesk');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toContainText('whsec_');
  await expect(page.getByText(name)).toBeVisible();
  const [endpoint] = await api.list('webhook_endpoints', `name = "${name}"`);
  expect(endpoint).toMatchObject({ url: 'https://crm.example.com/pocketdesk', events: ['conversation.created'], active: true, secret_set: true });
  expect(endpoint.secret).toBeUndefined();

  const keys = page.getByRole('form', { name: 'New API key' });
  await keys.getByLabel('Name').fill('Shop sync');
  await keys.getByLabel('Access').selectOption({ label: 'Read only' });
  await keys.getByRole('button', { name: 'Create key' }).click();
  await expect(keys.getByRole('status')).toContainText('eyJ');
  await page.getByRole('button', { name: 'Revoke' }).first().click();
  await expect(page.getByText('Revoked').first()).toBeVisible();
  // Shown once: a reload shows the key's name, never the key.
  await page.reload();
  await expect(page.getByRole('form', { name: 'New API key' }).getByRole('status')).toHaveCount(0);
});
