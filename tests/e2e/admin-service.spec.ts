import { expect, signInAs, test } from './fixtures';
import { freshTeam, teamConversation } from './workspace';

test.use({ viewport: { width: 768, height: 1024 }, isMobile: false });

test('a manager on a tablet switches weekly QA on for their team, and the next sample is queued for review', async ({ page, api }) => {
  const { teamId, mo, bo } = await freshTeam(api, { mo: { role: 'manager', status: 'online' }, bo: { status: 'online' } });
  const team = (await api.view('teams', teamId)).body.name as string;
  const conversationId = await teamConversation(api, teamId, bo.id, 'Quentin QA', 'Where is my parcel?');
  expect((await api.update('conversations', conversationId, { status: 'resolved' })).status).toBe(200);

  await signInAs(page, mo);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Admin settings' }).click();
  await page.getByRole('link', { name: /^Service settings/ }).click();
  await expect(page.getByText('Each night, picks closed conversations per agent of this team')).toBeVisible();
  // Managers see only QA, for their own teams.
  await expect(page.getByRole('link', { name: 'Response targets' })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: team });
  const form = page.getByRole('form', { name: `Weekly QA · ${team}` });

  await form.getByLabel('Review a weekly sample of this team’s conversations').check();
  await form.getByLabel('Conversations per agent').fill('0');
  await form.getByRole('button', { name: 'Add a criterion' }).click();
  const added = form.getByRole('group', { name: 'Criterion 5' });
  await added.getByLabel('What is scored').fill('Empathy');
  await added.getByLabel('Id').fill('greeting');
  await form.getByRole('button', { name: 'Save QA settings' }).click();
  // Refused on the device: a repeated id; nothing reaches the team.
  await expect(added.getByLabel('Id')).toHaveAttribute('aria-invalid', 'true');
  expect((await api.view('teams', teamId)).body.settings?.qa).toBeUndefined();

  await added.getByLabel('Id').fill('empathy');
  await form.getByLabel('Conversations per agent').fill('2');
  await form.getByRole('button', { name: 'Save QA settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  expect((await api.view('teams', teamId)).body.settings.qa).toMatchObject({
    enabled: true,
    samplePerAgent: 2,
    rubric: expect.arrayContaining([{ id: 'empathy', label: 'Empathy', max: 2 }]),
  });

  // The nightly sampler (run now for the period that holds today) queues the conversation for the manager.
  expect((await api.request('POST', '/api/pocketdesk/worker/qa-sample', { now: Date.now() + 7 * 86_400_000 })).status).toBe(200);
  const [review] = await api.list('qa_reviews', `conversation = "${conversationId}"`);
  expect(review).toMatchObject({ status: 'pending', agent: bo.id, team: teamId });
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Quality reviews' }).click();
  await expect(page.getByRole('link', { name: `Review ${bo.name}’s conversation` })).toBeVisible();
});
