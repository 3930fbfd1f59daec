import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';

// API keys act through accounts of their own in `agents`: the collection rules and desk routes must treat an
// `agent` key as an agent of its teams and an `admin` key as an admin, refuse a read-only key's every write, audit
// every use, and stop a revoked key at once.

let pb: RunningPocketBase;
let root: Api;
let adminPerson: Api;
let teamId: string;
let channelId: string;
let labelId: string;
let seq = 0;

interface Actor {
  api: Api;
  id: string;
}
const actors: Record<string, Actor> = {};

async function freshConversation(lastInboundMsAgo = 60_000): Promise<string> {
  const contact = (await root.create('contacts', { wa_id: `3467${String(++seq).padStart(7, '0')}`, name: `Customer ${seq}` })).body.id;
  const created = await root.create('conversations', {
    contact,
    channel: channelId,
    team: teamId,
    status: 'open',
    last_inbound_at: new Date(Date.now() - lastInboundMsAgo).toISOString(),
  });
  return created.body.id;
}

async function newKey(access: string, extra: Record<string, unknown> = {}): Promise<{ id: string; key: string; agent_id: string }> {
  const response = await adminPerson.request('POST', '/api/pocketdesk/integrations/api-keys', {
    name: `${access} key ${++seq}`,
    access,
    expiresInDays: 30,
    teams: [teamId],
    ...extra,
  });
  if (response.status !== 200) throw new Error(JSON.stringify(response.body));
  return response.body;
}

beforeAll(async () => {
  pb = await startPocketBase();
  root = new Api(pb.url, pb.superuserToken);
  teamId = await createTeam(root, 'Support');
  channelId = await createChannel(root, { default_team: teamId });
  await freshConversation();
  labelId = (await root.create('labels', { name: 'vip', color: '#ff0000' })).body.id;
  const admin = await createAgent(root, { name: 'Key Admin', role: 'admin' });
  adminPerson = await root.as(admin.email, PASSWORD);
  const agent = await createAgent(root, { name: 'Team Agent', role: 'agent', teams: [teamId] });
  actors['agent person'] = { api: await root.as(agent.email, PASSWORD), id: agent.id };
  actors['admin person'] = { api: adminPerson, id: admin.id };
  for (const access of ['read-only', 'agent', 'admin']) {
    const key = await newKey(access);
    actors[`${access} key`] = { api: new Api(pb.url, key.key), id: key.agent_id };
  }
});
afterAll(async () => pb?.stop());

type Operation = (actor: Actor) => Promise<number>;

const operations: Record<string, Operation> = {
  'list open conversations': async ({ api }) => {
    const response = await api.request('GET', `/api/collections/conversations/records?filter=${encodeURIComponent('status = "open"')}`);
    return response.status === 200 && response.body.items.length > 0 ? 200 : response.status === 200 ? 204 : response.status;
  },
  'add a label': async ({ api }) => (await api.update('conversations', await freshConversation(), { 'labels+': labelId })).status,
  'assign to a colleague (desk route)': async ({ api }) =>
    (await api.request('POST', `/api/pocketdesk/conversations/${await freshConversation()}/assign`, { action: 'assign', agentId: actors['agent person'].id }))
      .status,
  'reply inside the 24-hour window': async ({ api, id }) => {
    const conversation = await freshConversation();
    await root.update('conversations', conversation, { assignee: id });
    return (await api.create('messages', { conversation, direction: 'out', author: id, type: 'text', text: 'On its way' })).status;
  },
  'reply after the window closed': async ({ api, id }) => {
    const conversation = await freshConversation(25 * 3_600_000);
    await root.update('conversations', conversation, { assignee: id });
    const response = await api.create('messages', { conversation, direction: 'out', author: id, type: 'text', text: 'Late' });
    return response.status === 400 && response.body.reason === 'window-closed' ? 4001 : response.status;
  },
  'create a channel (admins only)': async ({ api }) =>
    (await api.create('channels', { name: `C${++seq}`, phone_number_id: `90000${seq}`, timezone: 'UTC', waba_id: '102290129340398' })).status,
  'read the audit trail (admins only)': async ({ api }) => {
    const response = await api.request('GET', '/api/collections/audit_log/records');
    return response.status === 200 && response.body.items.length > 0 ? 200 : response.status === 200 ? 204 : response.status;
  },
  'create an API key': async ({ api }) =>
    (await api.request('POST', '/api/pocketdesk/integrations/api-keys', { name: 'x', access: 'admin', expiresInDays: 1 })).status,
};

// [operation, read-only key, agent key, admin key]; agent and admin keys must match the people of their role.
const expected: Array<[string, number, number, number]> = [
  ['list open conversations', 200, 200, 200],
  ['add a label', 403, 200, 200],
  ['assign to a colleague (desk route)', 403, 403, 200],
  ['reply inside the 24-hour window', 403, 200, 200],
  ['reply after the window closed', 403, 4001, 4001],
  ['create a channel (admins only)', 403, 400, 200],
  ['read the audit trail (admins only)', 200, 204, 200],
  ['create an API key', 403, 403, 403],
];

describe('API keys against the collection rules and desk routes', () => {
  it.each(expected)('%s: read-only %i, agent %i, admin %i', async (name, readOnly, agentKey, adminKey) => {
    const run = operations[name];
    expect([await run(actors['read-only key']), await run(actors['agent key']), await run(actors['admin key'])]).toEqual([readOnly, agentKey, adminKey]);
    if (name !== 'create an API key') {
      expect(await run(actors['agent person'])).toBe(agentKey);
      expect(await run(actors['admin person'])).toBe(adminKey);
    }
  });

  it('audits every use of a key, refused ones included', async () => {
    const key = await newKey('read-only');
    const api = new Api(pb.url, key.key);
    await api.request('GET', '/api/collections/labels/records');
    await api.create('labels', { name: 'nope' });
    const rows = await root.list('audit_log', `actor = "${key.agent_id}"`, 'created');
    expect(rows.map((r) => r.action)).toEqual(['api-key-use', 'api-key-refused']);
    expect(rows[0].summary).toContain('GET /api/collections/labels/records');
    expect(JSON.stringify(rows)).not.toContain(key.key);
    const [stored] = await root.list('api_keys', `agent = "${key.agent_id}"`);
    expect(stored.last_used_at).not.toBe('');
    expect(JSON.stringify(stored)).not.toContain(key.key);
  });

  it('stops a revoked key at once', async () => {
    const key = await newKey('admin');
    const api = new Api(pb.url, key.key);
    expect((await api.request('GET', '/api/collections/channels/records')).body.items.length).toBeGreaterThan(0);
    expect((await adminPerson.request('POST', `/api/pocketdesk/integrations/api-keys/${key.id}/revoke`)).status).toBe(200);
    const after = await api.request('GET', '/api/collections/channels/records');
    expect(after.status === 401 || (after.status === 200 && after.body.items.length === 0)).toBe(true);
    expect((await api.create('labels', { name: 'after-revoke' })).status).not.toBe(200);
  });

  it('keeps the api_key flag out of reach of the collection API', async () => {
    const agent = await createAgent(root, { name: `Flag Agent ${++seq}` });
    expect((await adminPerson.update('agents', agent.id, { api_key: true })).status).toBe(400);
  });
});
