import { assignedConversation, customerWrites } from './customers';
import { conversationAction, expect, signIn, signInAs, test } from './fixtures';
import { freshTeam } from './workspace';

test('the contact panel shows the customer, and VIP and labels saved there reach the server', async ({ page, env, api }) => {
  const conversationId = await assignedConversation(api, env.agent.id, 'Vera Vip', 'Big order coming your way');
  const conversation = (await api.view('conversations', conversationId)).body;
  const contact = (await api.view('contacts', conversation.contact)).body;
  const labels = Object.fromEntries((await api.list('labels')).map((l) => [l.name, l.id]));

  await signIn(page, env);
  await page.goto(`/conversations/${conversationId}`);
  await conversationAction(page, 'Details');
  const customer = page.getByRole('region', { name: 'Customer', exact: true });
  await expect(customer).toContainText('Vera Vip');
  await expect(customer.getByRole('link', { name: `+${contact.wa_id}` })).toBeVisible();
  await expect(customer).toContainText(env.agent.name);

  await customer.getByRole('switch', { name: 'VIP customer' }).check();
  await customer.getByRole('group', { name: 'Customer labels' }).getByRole('checkbox', { name: 'billing' }).check();
  await page.getByRole('group', { name: 'Conversation labels' }).getByRole('checkbox', { name: 'urgent' }).check();
  await expect
    .poll(async () => {
      const saved = (await api.view('contacts', contact.id)).body;
      return [saved.vip, saved.labels];
    })
    .toEqual([true, [labels.billing]]);
  await expect.poll(async () => (await api.view('conversations', conversationId)).body.labels).toEqual([labels.urgent]);

  // What was saved is what the panel shows after a restart.
  await page.reload();
  await expect(customer.getByRole('switch', { name: 'VIP customer' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Conversation labels' }).getByRole('checkbox', { name: 'urgent' })).toBeChecked();
});

test('the contact panel lists the customer’s earlier conversations', async ({ page, api }) => {
  const { teamId, pat } = await freshTeam(api, { pat: { status: 'online' } });
  const first = await customerWrites(api, { name: 'Paco Past', text: 'First problem' });
  await api.update('conversations', first.conversationId, { assignee: pat.id, team: teamId, status: 'resolved' });
  // Resolved over a week ago: writing again starts a new conversation instead of reopening this one.
  await api.update('conversations', first.conversationId, { resolved_at: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000).toISOString().replace('T', ' ') });
  const second = await customerWrites(api, { name: 'Paco Past', text: 'Second problem', from: first.from });
  expect(second.conversationId).not.toBe(first.conversationId);
  await api.update('conversations', second.conversationId, { assignee: pat.id, team: teamId });

  await signInAs(page, pat);
  await page.goto(`/conversations/${second.conversationId}/details`);
  const past = page.getByRole('region', { name: 'Conversations with this customer' });
  await expect(past.getByRole('link')).toHaveCount(1);
  await expect(past.getByRole('link')).toContainText('Resolved');
  await past.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/conversations/${first.conversationId}$`));
});
