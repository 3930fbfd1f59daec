import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';

// Every API rule proven with real accounts against a real PocketBase: allowed and denied.
let pb: RunningPocketBase;
let root: Api;
const as: Record<string, Api> = {};
const ids: Record<string, string> = {};

async function conversation(key: string, data: Record<string, unknown>) {
  const response = await root.create('conversations', { contact: ids.contact, channel: ids.channel, status: 'open', last_inbound_at: new Date().toISOString(), ...data });
  if (response.status !== 200) throw new Error(JSON.stringify(response.body));
  ids[key] = response.body.id;
}

const idsOf = (items: Array<{ id: string }>) => items.map((item) => item.id).sort();
const denied = (status: number) => [400, 403, 404].includes(status);

beforeAll(async () => {
  pb = await startPocketBase();
  root = new Api(pb.url, pb.superuserToken);
  ids.teamA = await createTeam(root, 'Team A');
  ids.teamB = await createTeam(root, 'Team B');
  ids.channel = await createChannel(root, { default_team: ids.teamA, access_token: 'secret-meta-token' });
  for (const [key, spec] of Object.entries({
    a1: { name: 'Agent One', teams: [ids.teamA] },
    a2: { name: 'Agent Two', teams: [ids.teamA] },
    b1: { name: 'Agent Bee', teams: [ids.teamB] },
    manager: { name: 'Manager A', role: 'manager' as const, teams: [ids.teamA] },
    admin: { name: 'The Admin', role: 'admin' as const, teams: [ids.teamA] },
  })) {
    const agent = await createAgent(root, spec);
    ids[key] = agent.id;
    as[key] = await root.as(agent.email, PASSWORD);
  }
  const contact = await root.create('contacts', { wa_id: '15550009999', name: 'Customer' });
  ids.contact = contact.body.id;
  const other = await root.create('contacts', { wa_id: '15550008888', name: 'Other customer' });
  await conversation('mine', { assignee: ids.a1, team: ids.teamA });
  await conversation('teammates', { assignee: ids.a2, team: ids.teamA, contact: other.body.id });
  const c3 = await root.create('contacts', { wa_id: '15550007777' });
  await conversation('queueA', { team: ids.teamA, contact: c3.body.id });
  const c4 = await root.create('contacts', { wa_id: '15550006666' });
  await conversation('queueB', { team: ids.teamB, contact: c4.body.id });
  const c5 = await root.create('contacts', { wa_id: '15550005555' });
  await conversation('closedWindow', { assignee: ids.a1, team: ids.teamA, contact: c5.body.id, last_inbound_at: new Date(Date.now() - 48 * 3600_000).toISOString() });
});
afterAll(async () => pb?.stop());

describe('conversations', () => {
  it('shows an agent their own conversations and their teams’ unassigned queue only', async () => {
    expect(idsOf(await as.a1.list('conversations'))).toEqual([ids.mine, ids.queueA, ids.closedWindow].sort());
  });

  it('hides a teammate’s conversation from an agent', async () => {
    expect((await as.a1.view('conversations', ids.teammates)).status).toBe(404);
  });

  it('shows a manager everything in their teams and nothing else', async () => {
    expect(idsOf(await as.manager.list('conversations'))).toEqual([ids.mine, ids.teammates, ids.queueA, ids.closedWindow].sort());
  });

  it('shows an admin everything', async () => {
    expect(await as.admin.list('conversations')).toHaveLength(5);
  });

  it('does not let an agent take ownership by editing the record', async () => {
    expect(denied((await as.a1.update('conversations', ids.queueA, { assignee: ids.a1 })).status)).toBe(true);
    expect((await root.view('conversations', ids.queueA)).body.assignee).toBe('');
  });

  it('lets an agent resolve their own conversation', async () => {
    expect((await as.a1.update('conversations', ids.mine, { status: 'resolved' })).status).toBe(200);
    await root.update('conversations', ids.mine, { status: 'open' });
  });

  it('lets a manager reassign within their teams', async () => {
    expect((await as.manager.update('conversations', ids.teammates, { assignee: ids.a1 })).status).toBe(200);
    await root.update('conversations', ids.teammates, { assignee: ids.a2 });
  });

  it('lets nobody but the system create conversations through the API', async () => {
    expect((await as.admin.create('conversations', { contact: ids.contact, channel: ids.channel, status: 'open' })).status).toBe(403);
  });
});

describe('agents', () => {
  it('lets an agent change their own shift state', async () => {
    expect((await as.a1.update('agents', ids.a1, { status: 'away' })).status).toBe(200);
  });

  it.each(['a1', 'manager'])('never lets %s raise their own role or capacity', async (who) => {
    expect(denied((await as[who].update('agents', ids[who], { role: 'admin' })).status)).toBe(true);
    expect(denied((await as[who].update('agents', ids[who], { max_open: 999 })).status)).toBe(true);
    expect((await root.view('agents', ids[who])).body.role).not.toBe('admin');
  });

  it('does not let an agent edit a colleague', async () => {
    expect(denied((await as.a1.update('agents', ids.a2, { status: 'offline' })).status)).toBe(true);
  });

  it('lets only an admin invite agents and set roles', async () => {
    const invite = { email: 'new@pocketdesk.test', password: PASSWORD, passwordConfirm: PASSWORD, name: 'New', role: 'agent' };
    expect(denied((await as.manager.create('agents', invite)).status)).toBe(true);
    const created = await as.admin.create('agents', invite);
    expect(created.status).toBe(200);
    expect((await as.admin.update('agents', created.body.id, { role: 'manager' })).status).toBe(200);
  });
});

describe('messages and notes', () => {
  const clientId = () => Math.random().toString(36).slice(2, 17).padEnd(15, '0');

  it('queues an agent reply in their conversation and resets server-owned fields', async () => {
    const response = await as.a1.create('messages', { id: clientId(), conversation: ids.mine, direction: 'out', author: ids.a1, type: 'text', text: 'Hello!', status: 'read', wamid: 'wamid.forged' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'queued', wamid: '', sender: 'agent' });
  });

  it('treats a retried create with the same client id as already sent', async () => {
    const id = clientId();
    const reply = { id, conversation: ids.mine, direction: 'out', author: ids.a1, type: 'text', text: 'Once' };
    expect((await as.a1.create('messages', reply)).status).toBe(200);
    const retry = await as.a1.create('messages', reply);
    expect(retry.status).toBe(400);
    expect(retry.body.data.id.code).toBe('validation_not_unique');
    expect(await root.list('messages', `text = "Once"`)).toHaveLength(1);
  });

  it('refuses free-form text outside the 24-hour window with reason window-closed', async () => {
    const response = await as.a1.create('messages', { id: clientId(), conversation: ids.closedWindow, direction: 'out', author: ids.a1, type: 'text', text: 'Late' });
    expect(response.status).toBe(400);
    expect(response.body.reason).toBe('window-closed');
    expect(await root.list('messages', `conversation = "${ids.closedWindow}"`)).toHaveLength(0);
  });

  it('refuses replies in someone else’s conversation, as someone else, or posing as the customer', async () => {
    expect(denied((await as.a1.create('messages', { conversation: ids.teammates, direction: 'out', author: ids.a1, type: 'text', text: 'x' })).status)).toBe(true);
    expect(denied((await as.a1.create('messages', { conversation: ids.mine, direction: 'out', author: ids.a2, type: 'text', text: 'x' })).status)).toBe(true);
    expect(denied((await as.a1.create('messages', { conversation: ids.mine, direction: 'in', author: ids.a1, type: 'text', text: 'x' })).status)).toBe(true);
  });

  it('never lets an agent edit or delete a message', async () => {
    const [message] = await root.list('messages', `conversation = "${ids.mine}"`);
    expect((await as.a1.update('messages', message.id, { text: 'changed' })).status).toBe(403);
    expect((await as.a1.delete('messages', message.id)).status).toBe(403);
  });

  it('lets an agent write notes only under their own name', async () => {
    expect((await as.a1.create('notes', { conversation: ids.mine, author: ids.a1, body: 'Called the customer' })).status).toBe(200);
    expect(denied((await as.a1.create('notes', { conversation: ids.mine, author: ids.a2, body: 'Forged' })).status)).toBe(true);
  });
});

describe('configuration and secrets', () => {
  it('never returns a channel access token, not even to an admin', async () => {
    const channel = await as.admin.view('channels', ids.channel);
    expect(channel.status).toBe(200);
    expect(channel.body.access_token).toBeUndefined();
  });

  it('lets only admins configure channels and templates', async () => {
    expect(denied((await as.manager.update('channels', ids.channel, { name: 'Hacked' })).status)).toBe(true);
    expect((await as.admin.update('channels', ids.channel, { name: 'Main line' })).status).toBe(200);
    const template = { name: 'hello_world', language: 'en_US', category: 'utility', parameter_format: 'positional', status: 'approved' };
    expect(denied((await as.a1.create('templates', template)).status)).toBe(true);
    expect((await as.admin.create('templates', template)).status).toBe(200);
  });

  it('shows raw webhooks to admins only', async () => {
    expect((await as.a1.request('GET', '/api/collections/webhook_events/records')).body.items).toEqual([]);
    expect((await as.admin.request('GET', '/api/collections/webhook_events/records')).status).toBe(200);
  });

  it('lets only an admin pin a contact’s owner', async () => {
    expect(denied((await as.a1.update('contacts', ids.contact, { owner: ids.a1 })).status)).toBe(true);
    expect((await as.a1.update('contacts', ids.contact, { vip: true })).status).toBe(200);
    expect((await as.admin.update('contacts', ids.contact, { owner: ids.a1 })).status).toBe(200);
  });

  it('allows no public sign-up: the stock users collection is gone and agents cannot self-register', async () => {
    const anonymous = new Api(pb.url, '');
    expect((await anonymous.request('GET', '/api/collections/users/records')).status).toBe(404);
    expect(denied((await anonymous.create('agents', { email: 'x@y.z', password: PASSWORD, passwordConfirm: PASSWORD, name: 'X', role: 'admin' })).status)).toBe(true);
  });

  it('answers an unknown API path with a JSON 404 instead of the app', async () => {
    const response = await fetch(`${pb.url}/api/no-such-route`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { reason: string }).reason).toBe("unknown-route");
  });

  it('sends security headers with a same-origin CSP on the PWA', async () => {
    const response = await fetch(`${pb.url}/`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers a deep link into the app with its index page and the same headers', async () => {
    const response = await fetch(`${pb.url}/conversations/abc123`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await response.text()).toContain('<html');
  });
});
