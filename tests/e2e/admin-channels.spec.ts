import { expect, signIn, signInAs, test, waitForServiceWorker } from './fixtures';
import { adminChannel, openAdminScreen, watchWrites } from './admin';
import { freshTeam } from './workspace';
import { createTeam } from '../support/seed';

test('an admin routes a channel to a team with a keyword rule, and it is still there after a reload', async ({ page, api }) => {
  const { ad, teamId } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const team = (await api.view('teams', teamId)).body.name as string;
  const channel = await adminChannel(api);
  await signInAs(page, ad);
  await openAdminScreen(page, 'Channel settings');
  await page.getByRole('link', { name: new RegExp(channel.name) }).click();
  const form = page.getByRole('form', { name: `Routing of ${channel.name}` });

  await form.getByLabel('Default team').selectOption({ label: team });
  await form.getByLabel('Open conversations per agent').fill('4');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await form.getByLabel('Rule 1 name').fill('Refunds');
  await form.getByLabel('Rule 1 keywords').fill('refund, money back');
  await form.getByLabel('Rule 1 team').selectOption({ label: team });
  await form.getByLabel('Rule 1 priority').selectOption({ label: 'High' });
  // A second rule, moved first: rules are checked in order.
  await form.getByRole('button', { name: 'Add rule' }).click();
  await form.getByLabel('Rule 2 name').fill('Spanish');
  await form.getByLabel('Rule 2 languages').fill('es');
  await form.getByRole('button', { name: 'Move rule 2 up' }).click();
  await expect(form.getByLabel('Rule 1 name')).toHaveValue('Spanish');
  await form.getByLabel('Rule 2 customer').selectOption({ label: 'VIP customers' });
  await form.getByLabel('Points for a VIP').fill('90');
  await form.getByRole('button', { name: 'Add a team hand-back' }).click();
  await form.getByLabel('Hand-back 1 team').selectOption({ label: team });
  await form.getByLabel('Hand-back 1 after (minutes)').fill('20');
  await form.getByRole('button', { name: 'Save routing' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');

  const routing = (await api.view('channels', channel.id)).body.routing;
  expect(routing.defaultTeamId).toBe(teamId);
  expect(routing.capacity.defaultMaxOpen).toBe(4);
  expect(routing.rules).toEqual([
    expect.objectContaining({ name: 'Spanish', languages: ['es'], teamId: null }),
    expect.objectContaining({ name: 'Refunds', keywords: ['refund', 'money back'], vip: true, teamId, priority: 'high' }),
  ]);
  expect(routing.priority.points.vip).toBe(90);
  expect(routing.reassign).toEqual([{ teamId, afterMinutes: 20 }]);

  await page.reload();
  const reloaded = page.getByRole('form', { name: `Routing of ${channel.name}` });
  await expect(reloaded.getByLabel('Default team')).toHaveValue(teamId);
  await expect(reloaded.getByLabel('Rule 2 keywords')).toHaveValue('refund, money back');
  await expect(reloaded.getByLabel('Hand-back 1 after (minutes)')).toHaveValue('20');
  await expect(reloaded.getByLabel('Open conversations per agent')).toHaveValue('4');
});

test('an unsafe rule pattern is refused on the device, next to the field, and nothing is sent', async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const channel = await adminChannel(api);
  const writes = watchWrites(page, 'channels');
  await signInAs(page, ad);
  await openAdminScreen(page, 'Channel settings');
  await page.getByRole('link', { name: new RegExp(channel.name) }).click();
  const form = page.getByRole('form', { name: `Routing of ${channel.name}` });

  await form.getByRole('button', { name: 'Add rule' }).click();
  await form.getByLabel('Rule 1 pattern').fill('(a+)+$');
  await form.getByRole('button', { name: 'Save routing' }).click();

  await expect(form.getByRole('alert')).toContainText('Fix the highlighted fields; nothing was saved.');
  await expect(form.getByLabel('Rule 1 pattern')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Rule 1 pattern')).toHaveAccessibleDescription(/Nested repeats could stall the server/);
  await expect(form.getByLabel('Rule 1 pattern')).toBeFocused();
  expect(writes).toEqual([]);
  expect((await api.view('channels', channel.id)).body.routing).toBeNull();
});

test('a team deleted by someone else meanwhile is refused by the server, beside the field that names it', async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const doomed = await createTeam(api, `Night shift ${Date.now()}`);
  const channel = await adminChannel(api);
  await signInAs(page, ad);
  await openAdminScreen(page, 'Channel settings');
  await page.getByRole('link', { name: new RegExp(channel.name) }).click();
  const form = page.getByRole('form', { name: `Routing of ${channel.name}` });
  await form.getByLabel('Default team').selectOption(doomed);

  // The screen still lists the team, so only the server can know it is gone.
  expect((await api.delete('teams', doomed)).status).toBe(204);
  await form.getByRole('button', { name: 'Save routing' }).click();

  await expect(form.getByRole('alert')).toContainText('Fix the highlighted fields; nothing was saved.');
  await expect(form.getByLabel('Default team')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Default team')).toHaveAccessibleDescription('This team no longer exists; pick another.');
  expect((await api.view('channels', channel.id)).body.routing).toBeNull();
});

test('an agent who is not an admin gets no settings screens', async ({ page, env }) => {
  await signIn(page, env);
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('link', { name: 'Channels' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Admin settings' })).toHaveCount(0);
  await page.goto('/admin/channels');
  await expect(page.getByText('Only admins can change these settings.')).toBeVisible();
  await expect(page.getByRole('form')).toHaveCount(0);
});

test('offline, a settings form keeps its draft, says to connect, and saves once the connection is back', async ({ page, api, context }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const channel = await adminChannel(api);
  await signInAs(page, ad);
  await openAdminScreen(page, 'Channel settings');
  await page.getByRole('link', { name: new RegExp(channel.name) }).click();
  const form = page.getByRole('form', { name: `Routing of ${channel.name}` });
  await form.getByLabel('Open conversations per agent').fill('7');

  // The app works offline once its service worker controls the page (it registers after the first paint).
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await expect(page.getByText('You are offline. Connect to edit settings.')).toBeVisible();
  await form.getByRole('button', { name: 'Save routing' }).click();
  await expect(form.getByRole('alert')).toHaveText('You are offline. Connect to save.');
  expect((await api.view('channels', channel.id)).body.routing).toBeNull();

  await context.setOffline(false);
  await expect(page.getByText('You are offline. Connect to edit settings.')).toHaveCount(0);
  await expect(form.getByLabel('Open conversations per agent')).toHaveValue('7');
  await form.getByRole('button', { name: 'Save routing' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  expect((await api.view('channels', channel.id)).body.routing.capacity.defaultMaxOpen).toBe(7);
});

test('on a tablet the channel list stays beside the open settings', async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const channel = await adminChannel(api);
  await page.setViewportSize({ width: 1024, height: 768 });
  await signInAs(page, ad);
  await openAdminScreen(page, 'Channel settings');
  const list = page.getByRole('navigation', { name: 'Channels' });
  await list.getByRole('link', { name: new RegExp(channel.name) }).click();
  await expect(page.getByRole('form', { name: `Routing of ${channel.name}` })).toBeVisible();
  await expect(list.getByRole('link', { name: new RegExp(channel.name) })).toHaveAttribute('aria-current', 'page');
  const [listBox, formBox] = [await list.boundingBox(), await page.getByRole('form', { name: `Routing of ${channel.name}` }).boundingBox()];
  expect(listBox!.x + listBox!.width).toBeLessThanOrEqual(formBox!.x);
  await expect(page.getByRole('link', { name: 'All channels' })).toBeHidden();
});

test('beside the routing form, an admin sees the one message each situation gets, following their edits', async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const channel = await adminChannel(api);
  await signInAs(page, ad);
  await openAdminScreen(page, 'Channel settings');
  await page.getByRole('link', { name: new RegExp(channel.name) }).click();
  const form = page.getByRole('form', { name: `Routing of ${channel.name}` });
  const voice = form.getByRole('region', { name: 'What the customer will get' });
  const row = (situation: string) => voice.getByRole('row', { name: new RegExp(`^${situation}`) });
  const said = (situation: string) => row(situation).getByRole('cell').first();
  const who = (situation: string) => row(situation).getByRole('rowheader');

  // Computed by routing's own decision: a cover when the owner's shift ended, a one-person desk's agent even offline.
  await expect(who('Their agent’s shift ended · open · someone online')).toContainText('Who gets it: Ben takes it');
  await expect(who('New customer, one-person desk · open · nobody online')).toContainText('Who gets it: Ben, though offline, with a push');
  await expect(said('New customer, one-person desk · open · nobody online')).toHaveText(
    `Hi Ana! Thanks for writing to ${channel.name}. Nobody is available right now, but we'll reply as soon as we can.`,
  );
  await expect(who('New customer · open · nobody online')).toContainText('Who gets it: Waits in the queue; the team gets a push');
  await expect(said('New customer · open · nobody online')).toHaveText(
    `Hi Ana! Thanks for writing to ${channel.name}. Nobody is available right now, but we'll reply as soon as we can.`,
  );
  await expect(said('Returning customer · closed · someone online')).toHaveText("We're closed right now. We open Monday at 09:00 (UTC).");
  const offline = form.getByRole('group', { name: 'New customer, nobody online' });
  // Left empty, the branch sends its built-in text, shown as the field's placeholder.
  await expect(offline.getByLabel('Reply text')).toHaveAttribute('placeholder', "Nobody is available right now, but we'll reply as soon as we can.");
  await offline.getByLabel('Reply text').fill('We will answer first thing, {{customer_name}}.');
  await expect(said('Returning customer · open · nobody online')).toHaveText('We will answer first thing, Ana.');
  await offline.getByLabel('Send an automatic reply').uncheck();
  await expect(said('Returning customer · open · nobody online')).toHaveText('Nothing automatic');
});
