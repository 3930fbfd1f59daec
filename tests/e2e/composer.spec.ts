import { assignedConversation, setLastInbound } from './customers';
import { composeMode, expect, signIn, syncStatus, test } from './fixtures';
import { CANNED, TEMPLATE } from './workspace';

test('outside the 24-hour window the composer offers templates, and the template goes out with its parameters', async ({ page, env, api }) => {
  const conversationId = await assignedConversation(api, env.agent.id, 'Tess Template', 'Is my order ready?');
  await setLastInbound(api, conversationId, new Date(Date.now() - 25 * 60 * 60 * 1000));
  const [template] = await api.list('templates', `name = "${TEMPLATE.name}"`);

  await signIn(page, env);
  await page.goto(`/conversations/${conversationId}`);
  await expect(page.getByTestId('service-window')).toContainText('24-hour window is closed');
  await page.getByRole('button', { name: 'Compose: Template' }).click();
  const modes = page.getByRole('group', { name: 'Compose' });
  await expect(modes.getByRole('button', { name: 'Reply' })).toBeDisabled();
  await expect(modes.getByRole('button', { name: 'Template' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');

  const picker = page.getByLabel('Template', { exact: true });
  // Only approved templates are offered.
  await expect(picker.locator('option')).toHaveText(['Choose a template…', 'order_ready (en)']);
  await picker.selectOption(template.id);
  await expect(page.getByLabel('Customer name')).toHaveValue('Tess Template');
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toHaveText('Hi Tess Template, your order {{order_id}} is ready for pickup.');
  await page.getByRole('button', { name: 'Send template' }).click();
  await expect(page.getByRole('alert')).toHaveText('Fill in “Order id” before sending.');
  await page.getByLabel('Order id').fill('A-1042');
  await expect(preview).toHaveText('Hi Tess Template, your order A-1042 is ready for pickup.');
  await page.getByRole('button', { name: 'Send template' }).click();

  const thread = page.getByRole('list', { name: 'Messages' });
  await expect(thread.getByText('Hi Tess Template, your order A-1042 is ready for pickup.')).toBeVisible();
  await expect(syncStatus(page)).toContainText('Synced');
  const sent = await api.list('messages', `conversation = "${conversationId}" && author = "${env.agent.id}"`);
  expect(sent.map((m) => [m.type, m.template, m.template_params, m.status])).toEqual([
    ['template', template.id, { customer_name: 'Tess Template', order_id: 'A-1042' }, 'queued'],
  ]);
});

test('typing / in the reply box lists canned replies and picking one inserts it with the names filled in', async ({ page, env, api }) => {
  const conversationId = await assignedConversation(api, env.agent.id, 'Carl Canned', 'Still waiting for the technician');
  await signIn(page, env);
  await page.goto(`/conversations/${conversationId}`);
  const reply = page.getByLabel('Message to the customer');
  await reply.fill('/tha');
  const list = page.getByRole('listbox', { name: 'Canned replies' });
  await expect(list.getByRole('option')).toHaveText([/\/thanks/]);
  await list.getByRole('option', { name: /\/thanks/ }).click();
  const expanded = CANNED.body.replace('{{customer_name}}', 'Carl Canned').replace('{{agent_name}}', env.agent.name);
  await expect(reply).toHaveValue(expanded);
  await expect(list).toHaveCount(0);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('list', { name: 'Messages' }).getByText(expanded)).toBeVisible();
  await expect
    .poll(async () => (await api.list('messages', `conversation = "${conversationId}" && author = "${env.agent.id}"`)).map((m) => m.text))
    .toEqual([expanded]);
});

test('the canned reply list works from the keyboard and is not offered for notes', async ({ page, env, api }) => {
  const conversationId = await assignedConversation(api, env.agent.id, 'Kim Keys', 'Keyboard user here');
  await signIn(page, env);
  await page.goto(`/conversations/${conversationId}`);
  const reply = page.getByLabel('Message to the customer');
  await reply.fill('Sorry! ');
  await reply.press('/');
  await expect(page.getByRole('listbox', { name: 'Canned replies' })).toBeVisible();
  await reply.press('Enter');
  await expect(reply).toHaveValue(`Sorry! ${CANNED.body.replace('{{customer_name}}', 'Kim Keys').replace('{{agent_name}}', env.agent.name)}`);

  await composeMode(page, 'Note');
  await page.getByLabel('Internal note for your team').fill('/tha');
  await expect(page.getByRole('listbox', { name: 'Canned replies' })).toHaveCount(0);
});

test('the canned reply most sent for the conversation’s intent is suggested first, and sending it counts', async ({ page, env, api }) => {
  const intent = `e2e-delivery-${Date.now() % 100_000}|`;
  const suggested = await api.create('canned_replies', { shortcut: 'zz-track', title: 'Card tracking', body: 'Your card is on its way.' });
  try {
    const conversationId = await assignedConversation(api, env.agent.id, 'Sia Suggest', 'my card still hasnt come');
    const other = await assignedConversation(api, env.agent.id, 'Omar Other', 'a question about something else');
    // Preconditions as routing and earlier replies leave them: the predicted intent, and three sends for it.
    await api.update('conversations', conversationId, { intent, intent_name: 'Card delivery' });
    await api.create('canned_reply_uses', { canned_reply: suggested.body.id, intent, uses: 3 });
    await signIn(page, env);

    await page.goto(`/conversations/${other}`);
    await page.getByLabel('Message to the customer').fill('/');
    await expect(page.getByRole('listbox', { name: 'Canned replies' }).getByRole('option').first()).toContainText('/thanks');

    await page.goto(`/conversations/${conversationId}`);
    const reply = page.getByLabel('Message to the customer');
    await reply.fill('/');
    const first = page.getByRole('listbox', { name: 'Canned replies' }).getByRole('option').first();
    await expect(first).toContainText('/zz-track');
    await expect(first).toContainText('Often used for Card delivery');
    await first.click();
    await expect(reply).toHaveValue('Your card is on its way.');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(async () => (await api.list('canned_reply_uses', `canned_reply = "${suggested.body.id}"`)).map((row) => row.uses)).toEqual([4]);
  } finally {
    await api.delete('canned_replies', suggested.body.id);
  }
});
