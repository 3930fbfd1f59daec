import { expect, signInAs, syncStatus, test } from './fixtures';
import { freshTeam, queuedConversation, teamConversation } from './workspace';

test.use({ viewport: { width: 1024, height: 768 }, isMobile: false });

test('a manager reassigns from the team board and the other agent sees it arrive live', async ({ page, otherPage, api }) => {
  const { teamId, mo, bo, cy } = await freshTeam(api, {
    mo: { role: 'manager', status: 'online', max_open: 5, inTeam: false },
    bo: { status: 'online', max_open: 4, inTeam: false },
    cy: { status: 'online', max_open: 6, inTeam: false },
  });
  const conversationId = await teamConversation(api, teamId, bo.id, 'Otto Overload', 'Nobody has answered me in an hour');
  // Queued while the team is still empty; people joining a team does not hand its queue out.
  await queuedConversation(api, teamId, 'Una Waiting', 'Still in the queue');
  for (const person of [mo, bo, cy]) await api.update('agents', person.id, { teams: [teamId] });

  await signInAs(otherPage, cy);
  await expect(syncStatus(otherPage)).toHaveAttribute('data-live', 'true');

  await signInAs(page, mo);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Team board' }).click();
  const teams = page.getByRole('table', { name: 'Teams' });
  const teamRow = teams.getByRole('row', { name: new RegExp(`Team \\d+`) });
  // Open, unassigned, oldest waiting, no first response.
  await expect(teamRow.getByRole('cell')).toHaveText(['2', '1', /\d+ min/, '2']);
  const agents = page.getByRole('table', { name: 'Agents' });
  await expect(agents.getByRole('row', { name: new RegExp(bo.name) })).toContainText('Online');
  await expect(agents.getByRole('row', { name: new RegExp(bo.name) })).toContainText('1 of 4');

  await page.getByLabel('Show').selectOption('unassigned');
  await expect(page.getByRole('button', { name: /Otto Overload/ })).toHaveCount(0);
  await page.getByLabel('Show').selectOption('all');
  await page.getByRole('button', { name: /Otto Overload/ }).click();
  const detail = page.getByRole('complementary', { name: 'Reassign' });
  await expect(detail.getByTestId('board-assignee')).toHaveText(`Assigned to ${bo.name}`);
  await detail.getByLabel('Agent').selectOption(cy.id);
  await detail.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(detail.getByRole('status')).toHaveText('Assigned.');
  await expect(detail.getByTestId('board-assignee')).toHaveText(`Assigned to ${cy.name}`);
  await expect(agents.getByRole('row', { name: new RegExp(cy.name) })).toContainText('1 of 6');

  await expect(otherPage.getByRole('tabpanel').getByRole('link', { name: /Otto Overload/ })).toBeVisible();
  expect((await api.view('conversations', conversationId)).body.assignee).toBe(cy.id);
});

test('the team board is only for managers and admins', async ({ page, api }) => {
  const { bo } = await freshTeam(api, { bo: { status: 'online' } });
  await signInAs(page, bo);
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('link', { name: 'Team board' })).toHaveCount(0);
  await page.goto('/manager');
  await expect(page.getByText('Only managers and admins can see the team board.')).toBeVisible();
});
