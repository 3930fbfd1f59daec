// The routing form's "New customer, nobody online → Algorithm" does what it says (issue #15): chosen in the app, it
// decides who gets the night's queue when agents come back.
import { expect, signInAs, test } from './fixtures';
import { adminChannel, openAdminScreen } from './admin';
import { storedMessage } from './customers';
import { freshTeam } from './workspace';
import { postWebhook, textWebhook } from '../support/webhook-client';

const HOUR = 3_600_000;
const stored = (ms: number) => new Date(ms).toISOString().replace('T', ' ');

test('the algorithm chosen for "nobody online" hands out the waiting customers when agents come online', async ({ page, api }) => {
  const { ad, ana, ben, teamId } = await freshTeam(api, {
    ad: { role: 'admin', status: 'online', inTeam: false },
    ana: { status: 'online' },
    ben: { status: 'online' },
  });
  const team = (await api.view('teams', teamId)).body.name as string;
  const channel = await adminChannel(api);
  await signInAs(page, ad);
  await openAdminScreen(page, 'Channel settings');
  await page.getByRole('link', { name: new RegExp(channel.name) }).click();
  const form = page.getByRole('form', { name: `Routing of ${channel.name}` });
  const night = form.getByRole('group', { name: 'New customer, nobody online' });
  await expect(night.getByText(/when agents come online, this algorithm hands these conversations out/)).toBeVisible();
  await night.getByLabel('Team').selectOption({ label: team });
  await night.getByLabel('How to pick the agent').selectOption({ label: 'Longest idle agent' });
  await form.getByRole('button', { name: 'Save routing' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');

  // Ana was given a customer longest ago (round robin and the default backlog pick her) but wrote a minute ago;
  // Ben has been idle for five hours: "Longest idle agent" picks Ben.
  const now = Date.now();
  await api.update('agents', ana.id, { last_assigned_at: stored(now - 10 * HOUR), last_message_at: stored(now - 60_000) });
  await api.update('agents', ben.id, { last_assigned_at: stored(now - 5 * HOUR), last_message_at: '' });
  // Nobody anywhere can take a customer: every online agent's shift ended an hour ago (put back below).
  const online = await api.list('agents', 'status = "online" && (shift_ends_at = "" || shift_ends_at > @now)');
  try {
    for (const agent of online) await api.update('agents', agent.id, { shift_ends_at: stored(now - HOUR) });
    const pnid = (await api.view('channels', channel.id)).body.phone_number_id as string;
    const wamid = `wamid.e2e.night.${now}`;
    const response = await postWebhook(
      api.url,
      JSON.stringify(textWebhook({ pnid, from: `1777${now % 10_000_000}`, name: 'Night owl', wamid, text: 'Hello, anyone there?' })),
    );
    expect(response.status).toBe(200);
    const message = await storedMessage(api, wamid);
    const waiting = (await api.view('conversations', message.conversation)).body;
    expect(waiting).toMatchObject({ assignee: '', team: teamId });

    // Ana and Ben are back; more room for Ben hands out the waiting queue.
    await api.update('agents', ana.id, { shift_ends_at: '' });
    await api.update('agents', ben.id, { shift_ends_at: '' });
    await api.update('agents', ben.id, { max_open: 11 });
    await expect.poll(async () => (await api.view('conversations', waiting.id)).body.assignee).toBe(ben.id);
  } finally {
    for (const agent of online) await api.update('agents', agent.id, { shift_ends_at: agent.shift_ends_at });
  }
});
