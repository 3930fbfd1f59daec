import { customerWrites } from './customers';
import { conversationAction, expect, signIn, signInAs, syncStatus, test } from './fixtures';
import { freshTeam, queuedConversation, teamConversation } from './workspace';

test('an agent claims a conversation from the team queue and sees why it is theirs', async ({ page, api }) => {
  const { teamId, bo } = await freshTeam(api, { bo: { status: 'online', inTeam: false } });
  const conversationId = await queuedConversation(api, teamId, 'Quinn Queue', 'Anyone free to help with my invoice?');
  // Joining a team brings its queue without handing anything out: the agent picks from it.
  await api.update('agents', bo.id, { teams: [teamId] });

  await signInAs(page, bo);
  await page.getByRole('tab', { name: /Unassigned/ }).click();
  await page
    .getByRole('tabpanel')
    .getByRole('link', { name: /Quinn Queue/ })
    .click();
  await expect(page.getByTestId('assignee')).toHaveText('Unassigned');
  await page.getByRole('button', { name: 'Claim' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'It is yours now.' })).toBeVisible();
  await expect(page.getByTestId('assignee')).toHaveText(`Assigned to ${bo.name}`);
  await expect.poll(async () => (await api.view('conversations', conversationId)).body.assignee).toBe(bo.id);

  await conversationAction(page, 'Details');
  const why = page.getByRole('region', { name: 'Why is this mine?' });
  await expect(why).toContainText('Claimed from the queue.');
  await expect(why).toContainText(`To ${bo.name}`);
  await page.getByRole('link', { name: 'Back to conversation' }).click();
  await page.getByRole('link', { name: 'Back to queue' }).click();
  await page.getByRole('tab', { name: /Mine/ }).click();
  await expect(page.getByRole('tabpanel').getByRole('link', { name: /Quinn Queue/ })).toBeVisible();
});

test('a claim that lost the race says who was faster, in the agent’s language', async ({ page, api }) => {
  const { teamId, bo, cy } = await freshTeam(api, { bo: { status: 'online', inTeam: false }, cy: { status: 'online', inTeam: false } });
  const conversationId = await queuedConversation(api, teamId, 'Rafa Race', 'Two people will answer this at once');
  await api.update('agents', bo.id, { teams: [teamId] });

  await signInAs(page, bo);
  // The app menu (with the language) is on the queue; the conversation screen has its own actions menu.
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('button', { name: 'Menú' }).click();
  await page.goto(`/conversations/${conversationId}`);
  await expect(page.getByRole('button', { name: 'Tomar' })).toBeVisible();
  // Settled first: the start-up sync would rightly take the conversation off this device before the tap.
  const estado = page.getByRole('status', { name: 'Estado de sincronización' });
  await expect(estado).toHaveAttribute('data-live', 'true');
  await expect(estado).toHaveText('Sincronizado');
  // Meanwhile a manager gives it to a colleague.
  await api.update('conversations', conversationId, { assignee: cy.id });
  await page.getByRole('button', { name: 'Tomar' }).click();
  await expect(page.getByRole('alert')).toHaveText('Otra persona ya tiene esta conversación.');
  expect((await api.view('conversations', conversationId)).body.assignee).toBe(cy.id);
});

test('an agent hands a conversation over to an online colleague, who sees it arrive', async ({ page, otherPage, api }) => {
  const { teamId, bo, cy } = await freshTeam(api, { bo: { status: 'online' }, cy: { status: 'online' }, dee: { status: 'offline' } });
  const conversationId = await teamConversation(api, teamId, bo.id, 'Hana Handover', 'I need someone who speaks Portuguese');

  await signInAs(otherPage, cy);
  await expect(syncStatus(otherPage)).toHaveAttribute('data-live', 'true');

  // The queue load that sign-in starts is held until the handover is done: its answer, asked for while the
  // conversation was still bo's, must not bring it back to bo's phone when it lands late (a slow network).
  let releaseQueue = () => {};
  const queueHeld = new Promise<void>((resolve) => (releaseQueue = resolve));
  await page.route(/\/api\/collections\/conversations\/records\?.*status/, async (route) => {
    const answer = await route.fetch(); // answered by the server now, delivered late
    await queueHeld;
    await route.fulfill({ response: answer });
  });
  await signInAs(page, bo);
  await page.goto(`/conversations/${conversationId}`);
  await conversationAction(page, 'Transfer');
  const colleagues = page.getByLabel('Online colleague');
  // Only colleagues who are online can take it.
  await expect(colleagues.locator('option')).toContainText([cy.name]);
  await expect(colleagues.locator('option', { hasText: 'Dee' })).toHaveCount(0);
  await colleagues.selectOption(cy.id);
  await page.getByRole('button', { name: 'Hand over' }).click();
  await expect(page).toHaveURL(/\/$/);
  releaseQueue();
  await expect(syncStatus(page)).toHaveText('Synced');
  await expect(page.getByRole('link', { name: /Hana Handover/ })).toHaveCount(0);

  await expect(otherPage.getByRole('tabpanel').getByRole('link', { name: /Hana Handover/ })).toBeVisible();
  const conversation = (await api.view('conversations', conversationId)).body;
  expect([conversation.assignee, conversation.handover_count]).toEqual([cy.id, 1]);
});

test('an agent escalates to another team with a note for them', async ({ page, api, env }) => {
  const { teamId, bo } = await freshTeam(api, { bo: { status: 'online' } });
  const conversationId = await teamConversation(api, teamId, bo.id, 'Elio Escalate', 'I want to speak to a manager');

  await signInAs(page, bo);
  await page.goto(`/conversations/${conversationId}`);
  await conversationAction(page, 'Transfer');
  await page.getByRole('radio', { name: 'Escalate' }).check();
  await page.getByLabel('Team', { exact: true }).selectOption(env.teamId);
  await page.getByLabel('Note for the team (optional)').fill('Customer asked twice for a refund.');
  await page.getByRole('button', { name: 'Escalate' }).click();
  await expect(page).toHaveURL(/\/$/);

  const conversation = (await api.view('conversations', conversationId)).body;
  expect(conversation.team).toBe(env.teamId);
  expect(conversation.assignee).not.toBe(bo.id);
  const notes = await api.list('notes', `conversation = "${conversationId}"`);
  expect(notes.map((n) => n.body)).toEqual(['Customer asked twice for a refund.']);
});

test('the routing log explains who could take a new conversation and who could not', async ({ page, env, api }) => {
  const { bo } = await freshTeam(api, { bo: { status: 'online' } });
  await signIn(page, env);
  const { conversationId } = await customerWrites(api, { name: 'Wanda Why', text: 'Hello, is this the shop? It is urgent' });
  expect((await api.view('conversations', conversationId)).body.assignee).toBe(env.agent.id);
  await page.goto(`/conversations/${conversationId}/details`);
  const why = page.getByRole('region', { name: 'Why is this mine?' });
  await expect(why).toContainText('A customer message arrived.');
  await expect(why).toContainText('How the agent was picked: round robin');
  await expect(why.getByRole('list', { name: 'Who could take it' })).toContainText(env.agent.name);
  await expect(why.getByRole('list', { name: 'Who could not, and why' })).toContainText(`${bo.name}: not in the team`);
  // What made it urgent, signal by signal, with the same sum the server stored.
  const { priority } = (await api.view('conversations', conversationId)).body;
  const urgency = why.getByRole('list', { name: 'How urgent it is' });
  await expect(urgency).toContainText(`Priority ${priority}: the higher it is, the sooner the conversation is handed out.`);
  await expect(urgency).toContainText('It starts at the normal level: 100 points.');
  await expect(urgency).toContainText('The message has urgent words (urgent): 40 more points.');
});
