import { expect, signInAs, test } from './fixtures';
import { freshTeam, teamConversation } from './workspace';

test.use({ viewport: { width: 768, height: 1024 }, isMobile: false });

test('a supervisor scores a sampled conversation and the agent reads the feedback', async ({ page, otherPage, api }) => {
  const { teamId, mo, bo } = await freshTeam(api, { mo: { role: 'manager', status: 'online' }, bo: { status: 'online' } });
  const conversationId = await teamConversation(api, teamId, bo.id, 'Quinn Quality', 'My heater makes a noise');
  expect((await api.update('conversations', conversationId, { status: 'resolved' })).status).toBe(200);
  const rubric = [
    { id: 'greeting', label: 'Greeting', max: 2 },
    { id: 'solution', label: 'Solution', max: 4 },
  ];
  expect((await api.update('teams', teamId, { settings: { qa: { enabled: true, samplePerAgent: 3, periodDays: 7, rubric } } })).status).toBe(200);
  // The sample covers the period that ended before `now`: a week ahead, it is the one holding today's resolution.
  const sampled = await api.request('POST', '/api/pocketdesk/worker/qa-sample', { now: Date.now() + 7 * 86_400_000 });
  expect(sampled.status).toBe(200);
  const [review] = await api.list('qa_reviews', `conversation = "${conversationId}"`);
  expect(review).toMatchObject({ status: 'pending', agent: bo.id });

  await signInAs(page, mo);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Quality reviews' }).click();
  await page.getByRole('link', { name: `Review ${bo.name}’s conversation` }).click();
  await expect(page.getByRole('region', { name: 'Conversation' })).toContainText('My heater makes a noise');

  await page.getByLabel('Greeting (0 to 2)').fill('2');
  await page.getByLabel('Solution (0 to 4)').fill('7');
  await page.getByRole('button', { name: 'Save review' }).click();
  await expect(page.getByLabel('Solution (0 to 4)')).toHaveAccessibleDescription('Out of range.');
  await page.getByLabel('Solution (0 to 4)').fill('3');
  await expect(page.getByText('Total: 5 of 6 (83.3%)')).toBeVisible();
  await page.getByLabel('Feedback for the agent').fill('Warm greeting; confirm the fix with the customer next time.');
  await page.getByRole('button', { name: 'Save review' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Review saved.' })).toBeVisible();
  await expect
    .poll(async () => (await api.view('qa_reviews', review.id)).body)
    .toMatchObject({ status: 'done', total: 5, max: 6, reviewer: mo.id, scores: { greeting: 2, solution: 3 } });

  await signInAs(otherPage, bo);
  await otherPage.getByRole('button', { name: 'Menu' }).click();
  await otherPage.getByRole('link', { name: 'Quality reviews' }).click();
  const mine = otherPage.getByRole('region', { name: /Feedback on my conversations/ });
  await mine.getByRole('link', { name: /5 of 6/ }).click();
  await expect(otherPage.getByText('Warm greeting; confirm the fix with the customer next time.')).toBeVisible();
  await expect(otherPage.getByRole('table', { name: 'Rubric' }).getByRole('row', { name: /Solution/ })).toContainText('3 / 4');
  await expect(otherPage.getByText(`Reviewed by ${mo.name}`)).toBeVisible();
  await expect(otherPage.getByRole('button', { name: 'Save review' })).toHaveCount(0);
});
