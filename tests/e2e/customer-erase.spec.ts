import { expect, signInAs, test } from './fixtures';
import { freshTeam, teamConversation } from './workspace';

test('an admin erases a customer from Details after typing the confirmation; the export afterwards holds nothing personal', async ({ page, api }) => {
  const { ad, teamId } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const conversationId = await teamConversation(api, teamId, ad.id, 'Erin Erasable', 'My address is 12 Privacy Lane');
  const contactId = (await api.view('conversations', conversationId)).body.contact as string;
  const phone = (await api.view('contacts', contactId)).body.wa_id as string;

  await signInAs(page, ad);
  await page.goto(`/conversations/${conversationId}/details`);
  await page.getByRole('button', { name: 'Export the customer’s data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded the customer’s data' })).toBeVisible();

  await page.getByRole('button', { name: 'Erase the customer’s data' }).click();
  const ask = page.getByRole('group', { name: /Erase everything personal about/ });
  await expect(ask).toContainText('Kept: the conversations as anonymous shells');
  await expect(ask.getByRole('button', { name: 'Erase now' })).toBeDisabled();
  await ask.getByLabel('Type ERASE to confirm').fill('erase');
  await ask.getByRole('button', { name: 'Erase now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Erased.' })).toBeVisible();

  const exported = JSON.stringify((await api.request('GET', `/api/pocketdesk/contacts/${contactId}/export`)).body);
  for (const personal of [phone, 'Erin', 'Privacy Lane']) expect(exported).not.toContain(personal);
});
