import { expect, signInAs, test } from './fixtures';
import { openAdminScreen } from './admin';
import { freshTeam } from './workspace';

// Shift schedules (issue #15): what each field changes on the server, and what the screen says.

test('an agent sets their shifts in Settings: a bad time or zone is refused beside it, a saved one sets them online on shift', async ({ page, api }) => {
  const { ann } = await freshTeam(api, { ann: { status: 'offline' } });
  await signInAs(page, ann);
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'Shift schedule' });
  await expect(form.getByText('No schedule: your status switch alone decides.')).toBeVisible();

  await form.getByRole('button', { name: 'Add a shift on Monday' }).click();
  await form.getByLabel('Monday, shift 1 starts').fill('25:00');
  await form.getByRole('button', { name: 'Save shifts' }).click();
  await expect(form.getByLabel('Monday, shift 1 starts')).toHaveAttribute('aria-invalid', 'true');
  expect((await api.view('agents', ann.id)).body.shift_schedule).toBeNull();

  await form.getByLabel('Monday, shift 1 starts').fill('08:00');
  await form.getByLabel('Monday, shift 1 ends').fill('16:00');
  await form.getByLabel('Time zone').fill('Mars/Olympus');
  await form.getByRole('button', { name: 'Save shifts' }).click();
  await expect(form.getByLabel('Time zone')).toHaveAttribute('aria-invalid', 'true');
  expect((await api.view('agents', ann.id)).body.shift_schedule).toBeNull();

  await form.getByLabel('Time zone').fill('Europe/Madrid');
  await form.getByRole('button', { name: 'Save shifts' }).click();
  await expect(form.getByRole('status')).toHaveText('Shifts saved. They apply within a minute.');
  expect((await api.view('agents', ann.id)).body.shift_schedule).toMatchObject({
    timezone: 'Europe/Madrid',
    weekly: { mon: [{ start: '08:00', end: '16:00' }] },
  });
  // Monday 2 March 2026, 10:00 in Madrid: on shift.
  await api.request('POST', '/api/pocketdesk/worker/presence-sweep', { now: Date.parse('2026-03-02T10:00:00+01:00') });
  expect((await api.view('agents', ann.id)).body.status).toBe('online');

  await form.getByRole('button', { name: "Remove Monday's shift 1" }).click();
  await form.getByRole('button', { name: 'Save shifts' }).click();
  await expect(form.getByText('No schedule: your status switch alone decides.')).toBeVisible();
  expect((await api.view('agents', ann.id)).body.shift_schedule).toBeNull();
});

test("an admin edits a colleague's shifts and turns on the team's hand-back", async ({ page, api }) => {
  const { ad, bo, teamId } = await freshTeam(api, { ad: { role: 'admin', status: 'online' }, bo: { status: 'offline' } });
  const teamName = (await api.view('teams', teamId)).body.name as string;
  await signInAs(page, ad);
  await openAdminScreen(page, 'Teams and agents');
  await page.getByRole('link', { name: new RegExp(bo.name) }).click();
  const form = page.getByRole('form', { name: 'Shift schedule' });
  await form.getByRole('button', { name: 'Add a shift on Tuesday' }).click();
  await form.getByLabel('Tuesday, shift 1 starts').fill('22:00');
  await form.getByLabel('Tuesday, shift 1 ends').fill('06:00');
  await form.getByRole('button', { name: 'Save shifts' }).click();
  await expect(form.getByRole('status')).toHaveText('Shifts saved. They apply within a minute.');
  expect((await api.view('agents', bo.id)).body.shift_schedule.weekly).toEqual({ tue: [{ start: '22:00', end: '06:00' }] });

  await page.getByRole('link', { name: 'All teams and agents' }).click();
  await page.getByRole('link', { name: teamName, exact: true }).click();
  const teamForm = page.getByRole('form', { name: `Team ${teamName}` });
  await teamForm.getByLabel('Hand back to the owner').check();
  await teamForm.getByRole('button', { name: 'Save team' }).click();
  await expect(teamForm.getByRole('status')).toHaveText('Saved.');
  expect((await api.view('teams', teamId)).body.hand_back_to_owner).toBe(true);
});

test("a manager changes a team agent's shifts from the team board, and not a fellow manager's or another team's", async ({ page, api }) => {
  const { mia, bo, max } = await freshTeam(api, {
    mia: { role: 'manager', status: 'online' },
    bo: { status: 'offline' },
    max: { role: 'manager', status: 'offline' },
  });
  const { cal } = await freshTeam(api, { cal: { status: 'offline' } });
  await signInAs(page, mia);
  await page.goto('/manager');
  const agents = page.getByRole('table', { name: 'Agents' });
  await expect(agents.getByRole('row', { name: new RegExp(bo.name) })).toBeVisible();
  await expect(agents.getByRole('link', { name: `Change the shifts of ${max.name}` })).toHaveCount(0);
  await agents.getByRole('link', { name: `Change the shifts of ${bo.name}` }).click();
  await expect(page.getByRole('heading', { name: `Shifts of ${bo.name}` })).toBeVisible();

  const form = page.getByRole('form', { name: 'Shift schedule' });
  await form.getByRole('button', { name: 'Add a shift on Wednesday' }).click();
  await form.getByLabel('Wednesday, shift 1 starts').fill('07:00');
  await form.getByLabel('Wednesday, shift 1 ends').fill('15:00');
  await form.getByRole('button', { name: 'Save shifts' }).click();
  await expect(form.getByRole('status')).toHaveText('Shifts saved. They apply within a minute.');
  expect((await api.view('agents', bo.id)).body.shift_schedule.weekly).toEqual({ wed: [{ start: '07:00', end: '15:00' }] });

  // The server holds the same line: a fellow manager's and another team's agent's shifts are refused.
  const miaApi = await api.as(mia.email, mia.password);
  const schedule = { weekly: { wed: [{ start: '07:00', end: '15:00' }] } };
  for (const other of [max, cal]) {
    expect((await miaApi.request('POST', `/api/pocketdesk/agents/${other.id}/shift-schedule`, { schedule })).status).toBe(403);
    expect((await api.view('agents', other.id)).body.shift_schedule).toBeNull();
  }
  await page.goto(`/manager/agents/${max.id}`);
  await expect(page.getByText('You can change the shifts of your own teams’ agents only.')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Shift schedule' })).toHaveCount(0);
});

test('a shift added while the saved schedule is still loading is not wiped out when it arrives', async ({ page, api }) => {
  const { ann } = await freshTeam(api, { ann: { status: 'offline' } });
  await signInAs(page, ann);
  // The saved schedule answers slowly, as on a weak network.
  let answered = false;
  await page.route(`**/api/collections/agents/records/${ann.id}?fields=shift_schedule*`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
    answered = true;
  });
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'Shift schedule' });
  await form.getByRole('button', { name: 'Add a shift on Monday' }).click();
  await expect(form.getByLabel('Monday, shift 1 starts')).toHaveValue('09:00');
  await expect.poll(() => answered).toBe(true);
  await expect(form.getByText('No schedule: your status switch alone decides.')).toBeHidden();
  await expect(form.getByLabel('Monday, shift 1 starts')).toHaveValue('09:00');
});
