import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';

// No lost updates between the records API and the server's own writers. PocketBase's records API reads a record,
// applies the request's fields and saves every column; a sweep that commits in between (its own transaction, under
// the writer lock) had its columns written back to what the request read. POCKETDESK_TEST_INTERLEAVE turns on the
// seam that runs a real sweep at exactly that moment (src/pocketbase/interleave-seam.ts): no timing involved.

const HOUR = 3_600_000;
let pb: RunningPocketBase;
let root: Api;
let teamId: string;
let channelId: string;
let customers = 0;

const interleave = (sweep: string, at?: number) => ({ 'X-Test-Interleave': at === undefined ? sweep : `${sweep}@${at}` });

async function conversation(data: Record<string, unknown>): Promise<string> {
  const contact = await root.create('contacts', { wa_id: `1555000${String(++customers).padStart(4, '0')}`, name: `Customer ${customers}` });
  expect(contact.status).toBe(200);
  const created = await root.create('conversations', {
    channel: channelId,
    contact: contact.body.id,
    team: teamId,
    status: 'open',
    last_inbound_at: new Date().toISOString(),
    ...data,
  });
  expect(created.status).toBe(200);
  return created.body.id;
}

beforeAll(async () => {
  pb = await startPocketBase({ POCKETDESK_TEST_INTERLEAVE: '1' });
  root = new Api(pb.url, pb.superuserToken);
  teamId = await createTeam(root, 'Front desk');
  channelId = await createChannel(root, { default_team: teamId });
});
afterAll(async () => pb?.stop());

describe('an edit from the app while a sweep commits', () => {
  it('keeps the away status the presence sweep set while an admin changes the agent’s capacity', async () => {
    const admin = await createAgent(root, { name: 'Ada Admin', role: 'admin', status: 'away' });
    const quiet = await createAgent(root, { name: 'Quinn Quiet', teams: [teamId], status: 'online' });
    expect((await root.update('agents', quiet.id, { last_seen: new Date().toISOString() })).status).toBe(200);
    const adminApi = await root.as(admin.email, PASSWORD);

    // Two days of silence: the sweep sets Quinn away between the request's read and its save.
    const saved = await adminApi.request(
      'PATCH',
      `/api/collections/agents/records/${quiet.id}`,
      { max_open: 3 },
      interleave('presence', Date.now() + 48 * HOUR),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const after = (await root.view('agents', quiet.id)).body;
    expect(after).toMatchObject({ status: 'away', max_open: 3 });
    // What the app is answered (and what realtime carries) is the row as stored, not the request's stale copy.
    expect(saved.body).toMatchObject({ status: 'away', max_open: 3 });
    await root.update('agents', admin.id, { status: 'offline' });
  });

  it('keeps the assignment the backlog sweep made while the team’s manager changes the conversation’s priority', async () => {
    const taker = await createAgent(root, { name: 'Tess Taker', teams: [teamId], status: 'online' });
    const mate = await createAgent(root, { name: 'Mo Manager', role: 'manager', teams: [teamId], status: 'offline', max_open: 0 });
    // Waiting, with Tess online and free: the next backlog sweep hands it to her.
    const queued = await conversation({ priority: 1 });
    const mateApi = await root.as(mate.email, PASSWORD);

    const saved = await mateApi.request('PATCH', `/api/collections/conversations/records/${queued}`, { priority: 4 }, interleave('backlog'));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const after = (await root.view('conversations', queued)).body;
    expect(after).toMatchObject({ assignee: taker.id, priority: 4 });
    expect(saved.body).toMatchObject({ assignee: taker.id, priority: 4 });
  });

  it('refuses a teammate’s change to a waiting conversation the backlog sweep handed to someone else meanwhile', async () => {
    const taker = await createAgent(root, { name: 'Tina Taker', teams: [teamId], status: 'online' });
    const mate = await createAgent(root, { name: 'Max Mate', teams: [teamId], status: 'offline', max_open: 0 });
    const queued = await conversation({ priority: 1 });
    const mateApi = await root.as(mate.email, PASSWORD);
    // Allowed when PocketBase read it (waiting in Max's team); by the time it is written it is Tina's.
    const refused = await mateApi.request('PATCH', `/api/collections/conversations/records/${queued}`, { priority: 4 }, interleave('backlog'));
    expect(refused.status, JSON.stringify(refused.body)).toBe(404);
    const after = (await root.view('conversations', queued)).body;
    expect(after).toMatchObject({ assignee: taker.id, priority: 1 });
    // Without a sweep in between the same change is Max's to make.
    const other = await conversation({ priority: 1, team: teamId });
    await root.update('agents', taker.id, { status: 'offline' });
    expect((await mateApi.update('conversations', other, { priority: 4 })).status).toBe(200);
  });

  it('keeps a snooze the sweep woke while the owner changes the priority, so it is not woken (and pushed) twice', async () => {
    const owner = await createAgent(root, { name: 'Sam Snoozer', teams: [teamId], status: 'away' });
    const until = Date.now() + HOUR;
    const id = await conversation({ assignee: owner.id, snooze_reason: 'until-time', snoozed_until: new Date(until).toISOString() });
    const ownerApi = await root.as(owner.email, PASSWORD);

    const saved = await ownerApi.request('PATCH', `/api/collections/conversations/records/${id}`, { priority: 2 }, interleave('snooze', until + 60_000));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const after = (await root.view('conversations', id)).body;
    expect(after).toMatchObject({ snooze_reason: '', snoozed_until: '', priority: 2 });
    const pushes = await root.list('notifications', `conversation = "${id}" && kind = "snooze"`);
    expect(pushes).toHaveLength(1);
    // A second sweep finds nothing due: the wake was not written back as a snooze.
    const again = await root.request('POST', '/api/pocketdesk/worker/snooze-sweep', { now: until + 120_000 });
    expect(again.body).toEqual({ count: 0 });
  });
});

describe('the records API still behaves as before', () => {
  it('writes what the request changed and leaves the rest', async () => {
    const agent = await createAgent(root, { name: 'Plain Pat', teams: [teamId], status: 'away' });
    const id = await conversation({ assignee: agent.id, priority: 1 });
    const api = await root.as(agent.email, PASSWORD);
    const saved = await api.update('conversations', id, { priority: 3, status: 'resolved' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const after = (await root.view('conversations', id)).body;
    expect(after).toMatchObject({ priority: 3, status: 'resolved', assignee: agent.id });
    // The lifecycle hooks still see the change (resolving stamps when).
    expect(after.resolved_at).not.toBe('');
  });

  it('still refuses what the guards refuse', async () => {
    const admin = await createAgent(root, { name: 'Guard Gil', role: 'admin', status: 'away' });
    const api = await root.as(admin.email, PASSWORD);
    const refused = await api.update('agents', admin.id, { api_key: true });
    expect(refused.status).toBe(400);
    expect((await root.view('agents', admin.id)).body.api_key).toBe(false);
  });

  it('changes a password through the records API (the auth fields go through the same path)', async () => {
    const agent = await createAgent(root, { name: 'Pass Pia', status: 'away' });
    const api = await root.as(agent.email, PASSWORD);
    const changed = await api.update('agents', agent.id, { oldPassword: PASSWORD, password: 'another-password-456', passwordConfirm: 'another-password-456' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    await expect(root.as(agent.email, 'another-password-456')).resolves.toBeInstanceOf(Api);
  });
});
