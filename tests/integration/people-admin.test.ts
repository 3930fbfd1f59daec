import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deactivateAgent, emptyInvite, inviteAgent, reactivateAgent, removeTeam } from '../../src/lib/client/people-api';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';

// People from the app: the admin screens' own calls against a real PocketBase, per role, and what they change.
let server: RunningPocketBase;
let root: Api;
const ids: Record<string, string> = {};
const as: Record<string, PocketBase> = {};

async function signIn(email: string, password = PASSWORD): Promise<PocketBase> {
  const pb = new PocketBase(server.url);
  pb.autoCancellation(false);
  await pb.collection('agents').authWithPassword(email, password);
  return pb;
}

beforeAll(async () => {
  server = await startPocketBase();
  root = new Api(server.url, server.superuserToken);
  ids.front = await createTeam(root, 'Front desk');
  ids.back = await createTeam(root, 'Back office');
  ids.channel = await createChannel(root, { default_team: ids.front });
  for (const [key, role] of [
    ['admin', 'admin'],
    ['manager', 'manager'],
    ['agent', 'agent'],
  ] as const) {
    const person = await createAgent(root, { name: `The ${key}`, role, teams: [ids.front], status: 'offline' });
    ids[key] = person.id;
    as[key] = await signIn(person.email);
  }
});
afterAll(async () => server?.stop());

const invite = (email: string) => ({ ...emptyInvite(), name: 'Nora Nueva', email, teams: [ids.front], skills: 'billing', languages: 'es' });

describe('inviting a colleague', () => {
  it('creates the account and hands out a temporary password that signs in', async () => {
    const result = await inviteAgent(as.admin, invite('nora@shop.test'));
    if (!result.ok) throw new Error(JSON.stringify(result));
    const nora = await signIn('nora@shop.test', result.value.temporaryPassword);
    expect(nora.authStore.record).toMatchObject({ name: 'Nora Nueva', role: 'agent', teams: [ids.front], skills: ['billing'], languages: ['es'] });
    const [entry] = await root.list('audit_log', `action = "invite" && record_id = "${result.value.id}"`);
    expect(entry.summary).toBe('The admin invited Nora Nueva (nora@shop.test) as agent');
  });

  it.each(['manager', 'agent'])('refuses a %s and creates nobody', async (role) => {
    const result = await inviteAgent(as[role], invite(`${role}-made@shop.test`));
    expect(result).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await root.list('agents', `email = "${role}-made@shop.test"`)).toEqual([]);
  });

  it('answers field errors for a bad email or a taken one, and creates nobody', async () => {
    const bad = await root.request('POST', '/api/pocketdesk/agents', { ...invite('not-an-email'), skills: [], languages: [] });
    expect(bad.status).toBe(401);
    const asAdmin = new Api(server.url, as.admin.authStore.token);
    const refused = await asAdmin.request('POST', '/api/pocketdesk/agents', {
      name: 'X',
      email: 'not-an-email',
      role: 'agent',
      teams: [],
      skills: [],
      languages: [],
      max_open: 3,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.data.email.code).toBeTruthy();
    const taken = await inviteAgent(as.admin, invite('the.agent@pocketdesk.test'));
    expect(taken).toMatchObject({ ok: false, errors: { email: { code: 'not-unique' } } });
    expect(await root.list('agents', 'name = "X"')).toEqual([]);
  });
});

describe('roles', () => {
  it('lets an admin change a colleague’s role but never their own', async () => {
    await expect(as.admin.collection('agents').update(ids.admin, { role: 'agent' })).rejects.toMatchObject({ status: 404 });
    expect((await root.view('agents', ids.admin)).body.role).toBe('admin');
    await as.admin.collection('agents').update(ids.manager, { role: 'agent' });
    expect((await root.view('agents', ids.manager)).body.role).toBe('agent');
    await root.update('agents', ids.manager, { role: 'manager' });
  });

  it('still lets an admin save their own teams and capacity', async () => {
    await as.admin.collection('agents').update(ids.admin, { max_open: 7, teams: [ids.front, ids.back] });
    expect((await root.view('agents', ids.admin)).body.max_open).toBe(7);
  });
});

describe('deactivating a colleague', () => {
  it('sends their open conversations back to routing, keeps their history and stops their sign-in', async () => {
    const leaver = await createAgent(root, { name: 'Leo Leaver', teams: [ids.front], status: 'online' });
    const stayer = await createAgent(root, { name: 'Sam Stayer', teams: [ids.front], status: 'offline' });
    const session = await signIn(leaver.email);
    const contact = (await root.create('contacts', { wa_id: '15550009991', name: 'Carla', owner: leaver.id })).body.id;
    const open = (await root.create('conversations', { contact, channel: ids.channel, status: 'open', team: ids.front, assignee: leaver.id })).body.id;
    const closed = (await root.create('conversations', { contact, channel: ids.channel, status: 'resolved', team: ids.front, assignee: leaver.id })).body.id;
    await root.create('messages', { conversation: open, direction: 'out', type: 'text', text: 'Hi Carla', status: 'sent', author: leaver.id, sender: 'agent' });
    await root.update('agents', stayer.id, { status: 'online' });

    const result = await deactivateAgent(as.admin, leaver.id);
    expect(result).toMatchObject({ ok: true, value: { requeued: 1 } });
    // Back to routing: the one colleague online and in the team takes it.
    expect((await root.view('conversations', open)).body.assignee).toBe(stayer.id);
    expect((await root.view('conversations', closed)).body.assignee).toBe(leaver.id);
    // The customer no longer belongs to the leaver: whoever routing gave them to becomes their owner.
    expect((await root.view('contacts', contact)).body.owner).toBe(stayer.id);
    expect(await root.list('messages', `author = "${leaver.id}"`)).toHaveLength(1);
    await expect(signIn(leaver.email)).rejects.toMatchObject({ status: 403 });
    await expect(session.collection('agents').authRefresh()).rejects.toMatchObject({ status: 401 });

    const back = await reactivateAgent(as.admin, leaver.id);
    if (!back.ok) throw new Error(JSON.stringify(back));
    expect((await signIn(leaver.email, back.value.temporaryPassword)).authStore.isValid).toBe(true);
  });

  it('refuses deactivating oneself, and non-admins, changing nothing', async () => {
    expect(await deactivateAgent(as.admin, ids.admin)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await deactivateAgent(as.manager, ids.agent)).toMatchObject({ ok: false, reason: 'forbidden' });
    for (const id of [ids.admin, ids.agent]) expect((await root.view('agents', id)).body.deactivated_at).toBe('');
  });

  it('never lets the collection API deactivate (the route moves conversations first)', async () => {
    await expect(as.admin.collection('agents').update(ids.agent, { deactivated_at: '2026-01-01 00:00:00.000Z' })).rejects.toMatchObject({ status: 404 });
  });
});

describe('removing a team', () => {
  it('moves the team’s conversations and channels to the chosen team, then removes it', async () => {
    const doomed = await createTeam(root, 'Doomed');
    const channel = await createChannel(root, {
      name: 'Doomed line',
      phone_number_id: '106540352249999',
      default_team: doomed,
      routing: { escalationTeams: [doomed] },
    });
    const contact = (await root.create('contacts', { wa_id: '15550009992', name: 'Dora' })).body.id;
    const conversation = (await root.create('conversations', { contact, channel, status: 'open', team: doomed })).body.id;

    expect(await removeTeam(as.admin, doomed, null)).toMatchObject({ ok: false, errors: { moveTo: { code: 'move-target-required' } } });
    expect((await root.view('teams', doomed)).status).toBe(200);
    expect(await removeTeam(as.manager, doomed, ids.back)).toMatchObject({ ok: false, reason: 'forbidden' });

    expect(await removeTeam(as.admin, doomed, ids.back)).toMatchObject({ ok: true, value: { moved: 1 } });
    expect((await root.view('teams', doomed)).status).toBe(404);
    expect((await root.view('conversations', conversation)).body.team).toBe(ids.back);
    const moved = (await root.view('channels', channel)).body;
    expect(moved.default_team).toBe(ids.back);
    expect(moved.routing.escalationTeams).toEqual([ids.back]);
  });

  it('removes an empty team without a target; the collection API cannot delete teams', async () => {
    const empty = await createTeam(root, 'Empty');
    await expect(as.admin.collection('teams').delete(empty)).rejects.toMatchObject({ status: 403 });
    expect(await removeTeam(as.admin, empty, null)).toMatchObject({ ok: true });
    expect((await root.view('teams', empty)).status).toBe(404);
  });
});
