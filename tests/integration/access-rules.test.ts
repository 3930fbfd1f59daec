import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type ApiResponse } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';

// Every API rule proven with real accounts against a real PocketBase: allowed and denied, per collection and role.
// The expectation tables below are written from the product's rules (README, "API rules"), not read off the
// migrations: a cell that disagrees is either a hole or a README that lies.
let pb: RunningPocketBase;
let root: Api;
const as: Record<string, Api> = {};
const ids: Record<string, string> = {};
/** Fixture records by collection and key, so a listing can be compared as keys. */
const fixtures: Record<string, Record<string, string>> = {};

/** The roles of every table, in column order. */
const ROLES = ['agentIn', 'agentOut', 'managerIn', 'managerOut', 'managerNoTeam', 'admin', 'guest'] as const;
type Role = (typeof ROLES)[number];
/** Who plays each role: agentIn/managerIn are in Team A, agentOut/managerOut in Team B. */
const PLAYER: Record<Exclude<Role, 'guest'>, string> = {
  agentIn: 'a1',
  agentOut: 'b1',
  managerIn: 'mA',
  managerOut: 'mB',
  managerNoTeam: 'm0',
  admin: 'admin',
};
const api = (role: Role) => (role === 'guest' ? new Api(pb.url, '') : as[PLAYER[role]]);
const self = (role: Role) => (role === 'guest' ? ids.a1 : ids[PLAYER[role]]);

async function make(collection: string, data: Record<string, unknown>, key?: string): Promise<string> {
  const response = await root.create(collection, data);
  if (response.status !== 200) throw new Error(`${collection}: ${JSON.stringify(response.body)}`);
  if (key) (fixtures[collection] ??= {})[key] = response.body.id;
  return response.body.id;
}

let seq = 0;
const unique = () => `${Date.now() % 1_000_000}${++seq}`;
const now = () => new Date().toISOString();

/** A customer and their conversation; `conversation: null` makes a customer who never wrote. */
async function customer(key: string, conversation: Record<string, unknown> | null, contactKey = key) {
  const contact = fixtures.contacts?.[contactKey] ?? (await make('contacts', { wa_id: `1555${unique()}`, name: `Customer ${contactKey}` }, contactKey));
  if (conversation) ids[key] = await make('conversations', { contact, channel: ids.channel, status: 'open', last_inbound_at: now(), ...conversation }, key);
}

beforeAll(async () => {
  pb = await startPocketBase();
  root = new Api(pb.url, pb.superuserToken);
  ids.teamA = await make('teams', { name: 'Team A' }, 'teamA');
  ids.teamB = await make('teams', { name: 'Team B' }, 'teamB');
  ids.channel = await createChannel(root, { default_team: ids.teamA, access_token: 'secret-meta-token' });
  (fixtures.channels ??= {}).channel = ids.channel;
  ids.channel2 = await createChannel(root, { name: 'Second line', phone_number_id: '106540352242923' });
  fixtures.channels.channel2 = ids.channel2;
  for (const [key, spec] of Object.entries({
    a1: { name: 'Agent One', teams: [ids.teamA] },
    a2: { name: 'Agent Two', teams: [ids.teamA] },
    b1: { name: 'Agent Bee', teams: [ids.teamB] },
    mA: { name: 'Manager A', role: 'manager' as const, teams: [ids.teamA] },
    mB: { name: 'Manager B', role: 'manager' as const, teams: [ids.teamB] },
    m0: { name: 'Manager Nowhere', role: 'manager' as const, teams: [] },
    mAB: { name: 'Manager Both', role: 'manager' as const, teams: [ids.teamA, ids.teamB] },
    admin: { name: 'The Admin', role: 'admin' as const, teams: [ids.teamA] },
  })) {
    // Offline: an agent coming online would have routing hand out the queues the tables rely on.
    const agent = await createAgent(root, { status: 'offline', ...spec });
    ids[key] = agent.id;
    (fixtures.agents ??= {})[key] = agent.id;
    as[key] = await root.as(agent.email, PASSWORD);
  }

  // Conversations (and their customers, same key): who holds each one decides who sees the customer.
  await customer('mine', { assignee: ids.a1, team: ids.teamA });
  await customer('queueA', { team: ids.teamA });
  await customer('teammates', { assignee: ids.a2, team: ids.teamA });
  await customer('bees', { assignee: ids.b1, team: ids.teamB });
  await customer('queueB', { team: ids.teamB });
  await customer('closed', { assignee: ids.a1, team: ids.teamA, last_inbound_at: new Date(Date.now() - 48 * 3600_000).toISOString() });
  await customer('teamless', { assignee: ids.a2 });
  await customer('offered', { team: ids.teamB, offered_to: ids.a1, offer_expires_at: new Date(Date.now() + 3600_000).toISOString() });
  // One customer, two conversations: Team B's unassigned queue and a Team A colleague's. Neither alone shows the
  // customer to Agent One; a rule that mixed the two rows ("unassigned" from one, "my team" from the other) would.
  await customer('mixed1', { team: ids.teamB }, 'mixed');
  await customer('mixed2', { assignee: ids.a2, team: ids.teamA, channel: ids.channel2 }, 'mixed');
  await customer('orphan', null);

  // What hangs off conversations: one of each on five of them.
  for (const key of ['mine', 'teammates', 'bees', 'offered', 'teamless']) {
    await make('messages', { conversation: ids[key], direction: 'in', type: 'text', text: `from ${key}`, status: 'received', sender: 'customer' }, key);
    await make('notes', { conversation: ids[key], author: ids.a2, body: `about ${key}` }, key);
    await make('routing_events', { conversation: ids[key], trigger: 'inbound', outcome: 'assigned' }, key);
  }
  const review = (conversation: string, agent: string, team: string, status: string) => ({
    conversation: ids[conversation],
    agent: ids[agent],
    team: team ? ids[team] : '',
    status,
  });
  await make('qa_reviews', review('mine', 'a1', 'teamA', 'done'), 'rA');
  await make('qa_reviews', review('teammates', 'a2', 'teamA', 'pending'), 'rA2');
  await make('qa_reviews', review('bees', 'b1', 'teamB', 'done'), 'rB');
  await make('qa_reviews', review('teamless', 'a2', '', 'done'), 'rNone');
  for (const key of ['a1', 'b1', 'admin'])
    await make('notifications', { agent: ids[key], conversation: ids.mine, kind: 'assigned', status: 'sent', title: 'New' }, key);
  for (const key of ['a1', 'b1']) await make('push_subscriptions', { agent: ids[key], endpoint: `https://push.test/${key}`, p256dh: 'key', auth: 'auth' }, key);
  await make('push_deliveries', { notification: fixtures.notifications.a1, subscription: fixtures.push_subscriptions.a1, status: 'sent' }, 'delivery');
  await make('audit_log', { actor_kind: 'system', action: 'test', summary: 'fixture' }, 'entry');
  await make('webhook_events', { body_hash: 'fixture-hash', status: 'processed', raw: '{"phone":"15550001111"}' }, 'event');
  await make('labels', { name: 'fixture-label' }, 'label');
  await make('templates', { name: 'fixture_template', language: 'en_US', category: 'utility', parameter_format: 'positional', status: 'approved' }, 'template');
  await make('canned_replies', { shortcut: 'fixture', body: 'Hello' }, 'reply');
  // The desk's one settings row comes with the schema (its migration), never through the API.
  fixtures.desk_settings = { desk: 'desksettings001' };
  // Compatibility names for the behaviour tests at the end.
  ids.contact = fixtures.contacts.mine;
  ids.closedWindow = ids.closed;
  as.manager = as.mA;
});
afterAll(async () => pb?.stop());

/** A listing as fixture keys (records the write tests add are not fixtures and are left out), or the error status. */
async function listKeys(role: Role, collection: string): Promise<string | number> {
  const response = await api(role).request('GET', `/api/collections/${collection}/records?perPage=500`);
  if (response.status !== 200) return response.status;
  const byId = new Map(Object.entries(fixtures[collection] ?? {}).map(([key, id]) => [id, key]));
  return (response.body.items as { id: string }[])
    .flatMap((item) => byId.get(item.id) ?? [])
    .sort()
    .join(' ');
}

const sorted = (keys: string) => keys.split(' ').filter(Boolean).sort().join(' ');
const ALL_CONVERSATIONS = 'mine queueA teammates bees queueB closed teamless offered mixed1 mixed2';
const ALL_AGENTS = 'a1 a2 b1 mA mB m0 mAB admin';

// Columns: agentIn, agentOut, managerIn, managerOut, managerNoTeam, admin, guest. A number is the error status.
const LISTS: [string, (string | number)[]][] = [
  [
    'conversations',
    [
      'mine queueA closed offered',
      'bees queueB offered mixed1',
      'mine queueA teammates closed mixed2',
      'bees queueB offered mixed1',
      '',
      ALL_CONVERSATIONS,
      '',
    ],
  ],
  [
    'contacts',
    [
      'mine queueA closed offered',
      'bees queueB offered mixed',
      'mine queueA teammates closed mixed',
      'bees queueB offered mixed',
      '',
      'mine queueA teammates bees queueB closed teamless offered mixed orphan',
      '',
    ],
  ],
  ['messages', ['mine offered', 'bees offered', 'mine teammates', 'bees offered', '', 'mine teammates bees offered teamless', '']],
  ['notes', ['mine offered', 'bees offered', 'mine teammates', 'bees offered', '', 'mine teammates bees offered teamless', '']],
  ['routing_events', ['mine offered', 'bees offered', 'mine teammates', 'bees offered', '', 'mine teammates bees offered teamless', '']],
  ['qa_reviews', ['rA', 'rB', 'rA rA2', 'rB', '', 'rA rA2 rB rNone', '']],
  ['notifications', ['a1', 'b1', '', '', '', 'admin', '']],
  ['push_subscriptions', ['a1', 'b1', '', '', '', '', '']],
  ['push_deliveries', [403, 403, 403, 403, 403, 403, 403]],
  ['audit_log', ['', '', '', '', '', 'entry', '']],
  ['webhook_events', ['', '', '', '', '', 'event', '']],
  ['teams', ['teamA teamB', 'teamA teamB', 'teamA teamB', 'teamA teamB', 'teamA teamB', 'teamA teamB', '']],
  ['agents', [ALL_AGENTS, ALL_AGENTS, ALL_AGENTS, ALL_AGENTS, ALL_AGENTS, ALL_AGENTS, '']],
  ['labels', ['label', 'label', 'label', 'label', 'label', 'label', '']],
  ['channels', Array(6).fill('channel channel2').concat([''])],
  ['templates', ['template', 'template', 'template', 'template', 'template', 'template', '']],
  ['canned_replies', ['reply', 'reply', 'reply', 'reply', 'reply', 'reply', '']],
  ['desk_settings', Array(6).fill('desk').concat([''])],
];

describe('who lists what', () => {
  it.each(LISTS)('%s', async (collection, expected) => {
    const actual: Record<string, string | number> = {};
    for (const role of ROLES) actual[role] = await listKeys(role, collection);
    expect(actual).toEqual(Object.fromEntries(ROLES.map((role, i) => [role, typeof expected[i] === 'string' ? sorted(expected[i] as string) : expected[i]])));
  });
});

type Operation = (client: Api, role: Role) => Promise<ApiResponse>;
const view =
  (collection: string, key: string): Operation =>
  (client) =>
    client.view(collection, fixtures[collection][key]);
const update =
  (collection: string, key: string, data: (role: Role) => Record<string, unknown>): Operation =>
  (client, role) =>
    client.update(collection, fixtures[collection][key], data(role));
const create =
  (collection: string, data: (role: Role) => Record<string, unknown>): Operation =>
  (client, role) =>
    client.create(collection, data(role));
/** Deletes a fresh record made for each role, so every role gets its own try. */
const removeFresh =
  (collection: string, data: () => Record<string, unknown>): Operation =>
  async (client) =>
    client.delete(collection, await make(collection, data()));
const scores = { greeting: 2, resolution: 4, tone: 2, accuracy: 2 };

// Columns as above; 200/204 allowed, 400 a create the rule refuses, 403 nobody but the system, 404 not yours (or
// not visible to you at all). `after` puts the fixture back for the next row.
const WRITES: [string, Operation, number[], (() => Promise<unknown>)?][] = [
  // contacts: what an agent may see and change follows the customer's conversations.
  ['contacts: view a customer of Agent One', view('contacts', 'mine'), [200, 404, 200, 404, 404, 200, 404]],
  ['contacts: view a customer who never wrote', view('contacts', 'orphan'), [404, 404, 404, 404, 404, 200, 404]],
  ['contacts: create', create('contacts', () => ({ wa_id: `1444${unique()}`, name: 'New' })), [400, 400, 400, 400, 400, 200, 400]],
  ['contacts: mark a Team A queue customer VIP', update('contacts', 'queueA', () => ({ vip: true })), [200, 404, 200, 404, 404, 200, 404]],
  [
    'contacts: rename / opt out a Team B customer',
    update('contacts', 'bees', () => ({ name: 'Renamed', marketing_opt_out: true })),
    [404, 200, 404, 200, 404, 200, 404],
  ],
  ['contacts: change the phone number WhatsApp gave', update('contacts', 'mine', () => ({ wa_id: '19999999999' })), [404, 404, 404, 404, 404, 404, 404]],
  [
    'contacts: pin a Team A customer to a Team A agent',
    update('contacts', 'mine', () => ({ owner: ids.a2 })),
    [404, 404, 200, 404, 404, 200, 404],
    () => root.update('contacts', fixtures.contacts.mine, { owner: '' }),
  ],
  [
    'contacts: pin a Team B customer to a Team A agent',
    update('contacts', 'bees', () => ({ owner: ids.a2 })),
    [404, 404, 404, 404, 404, 200, 404],
    () => root.update('contacts', fixtures.contacts.bees, { owner: '' }),
  ],
  ['contacts: delete', removeFresh('contacts', () => ({ wa_id: `1333${unique()}` })), [404, 404, 404, 404, 404, 204, 404]],
  // conversations
  ['conversations: view a teammate’s conversation', view('conversations', 'teammates'), [404, 404, 200, 404, 404, 200, 404]],
  ['conversations: view a team-less conversation', view('conversations', 'teamless'), [404, 404, 404, 404, 404, 200, 404]],
  [
    'conversations: park a Team A queue conversation',
    update('conversations', 'queueA', () => ({ status: 'pending' })),
    [200, 404, 200, 404, 404, 200, 404],
    () => root.update('conversations', ids.queueA, { status: 'open' }),
  ],
  // Ownership moves only through the desk routes, which authorize and check capacity (desk-authorization.test.ts).
  ['conversations: set the assignee', update('conversations', 'mine', () => ({ assignee: ids.a1 })), [404, 404, 404, 404, 404, 404, 404]],
  [
    'conversations: move to another team',
    update('conversations', 'queueA', () => ({ team: ids.teamB })),
    [404, 404, 404, 404, 404, 404, 404],
    () => root.update('conversations', ids.queueA, { team: ids.teamA }),
  ],
  [
    'conversations: move to another customer',
    update('conversations', 'mine', () => ({ contact: fixtures.contacts.orphan })),
    [404, 404, 404, 404, 404, 404, 404],
    () => root.update('conversations', ids.mine, { contact: fixtures.contacts.mine }),
  ],
  [
    'conversations: create',
    create('conversations', () => ({ contact: fixtures.contacts.orphan, channel: ids.channel, status: 'open' })),
    [403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'conversations: delete',
    removeFresh('conversations', () => ({ contact: fixtures.contacts.teamless, channel: ids.channel, status: 'resolved', assignee: ids.a2 })),
    [404, 404, 404, 404, 404, 204, 404],
  ],
  // messages, notes, routing events: as their conversation
  ['messages: view one in a teammate’s conversation', view('messages', 'teammates'), [404, 404, 200, 404, 404, 200, 404]],
  [
    'messages: reply in Agent One’s conversation as oneself',
    create('messages', (role) => ({ conversation: ids.mine, direction: 'out', author: self(role), type: 'text', text: 'Hi' })),
    [200, 400, 200, 400, 400, 200, 400],
  ],
  ['messages: edit', update('messages', 'mine', () => ({ text: 'changed' })), [403, 403, 403, 403, 403, 403, 403]],
  ['messages: delete', (client) => client.delete('messages', fixtures.messages.mine), [403, 403, 403, 403, 403, 403, 403]],
  ['notes: view one in a teammate’s conversation', view('notes', 'teammates'), [404, 404, 200, 404, 404, 200, 404]],
  [
    'notes: write one in the Team A queue as oneself',
    create('notes', (role) => ({ conversation: ids.queueA, author: self(role), body: 'Seen' })),
    [200, 400, 200, 400, 400, 200, 400],
  ],
  ['notes: edit a colleague’s note', update('notes', 'mine', () => ({ body: 'changed' })), [404, 404, 404, 404, 404, 404, 404]],
  ['notes: delete a colleague’s note', (client) => client.delete('notes', fixtures.notes.mine), [404, 404, 404, 404, 404, 404, 404]],
  ['routing_events: view one in a teammate’s conversation', view('routing_events', 'teammates'), [404, 404, 200, 404, 404, 200, 404]],
  ['routing_events: create', create('routing_events', () => ({ conversation: ids.mine, outcome: 'assigned' })), [403, 403, 403, 403, 403, 403, 403]],
  // QA reviews: the team's supervisors score them; the agent reads their finished ones.
  ['qa_reviews: score a Team A review', update('qa_reviews', 'rA2', () => ({ scores, feedback: 'Good' })), [404, 404, 200, 404, 404, 200, 404]],
  ['qa_reviews: score a team-less review', update('qa_reviews', 'rNone', () => ({ scores, feedback: 'Good' })), [404, 404, 404, 404, 404, 200, 404]],
  ['qa_reviews: hand a review to another agent', update('qa_reviews', 'rA', () => ({ scores, agent: ids.b1 })), [404, 404, 404, 404, 404, 404, 404]],
  ['qa_reviews: create', create('qa_reviews', () => ({ conversation: ids.queueA, agent: ids.a1, status: 'pending' })), [403, 403, 403, 403, 403, 403, 403]],
  // own records only
  ['notifications: view Agent One’s', view('notifications', 'a1'), [200, 404, 404, 404, 404, 404, 404]],
  ['notifications: mark Agent One’s read', update('notifications', 'a1', () => ({ read_at: now() })), [200, 404, 404, 404, 404, 404, 404]],
  ['notifications: change Agent One’s status', update('notifications', 'a1', () => ({ status: 'failed' })), [404, 404, 404, 404, 404, 404, 404]],
  [
    'notifications: create',
    create('notifications', (role) => ({ agent: self(role), kind: 'assigned', status: 'pending' })),
    [403, 403, 403, 403, 403, 403, 403],
  ],
  [
    'push_subscriptions: subscribe oneself',
    create('push_subscriptions', (role) => ({ agent: self(role), endpoint: `https://push.test/${role}`, p256dh: 'k', auth: 'a' })),
    [200, 200, 200, 200, 200, 200, 400],
  ],
  [
    'push_subscriptions: subscribe a colleague',
    create('push_subscriptions', (role) => ({ agent: ids.a2, endpoint: `https://push.test/x-${role}`, p256dh: 'k', auth: 'a' })),
    [400, 400, 400, 400, 400, 400, 400],
  ],
  ['push_subscriptions: view Agent One’s', view('push_subscriptions', 'a1'), [200, 404, 404, 404, 404, 404, 404]],
  [
    'push_subscriptions: delete Agent Bee’s',
    (client) => client.delete('push_subscriptions', fixtures.push_subscriptions.b1),
    [404, 204, 404, 404, 404, 404, 404],
  ],
  ['push_deliveries: view', view('push_deliveries', 'delivery'), [403, 403, 403, 403, 403, 403, 403]],
  // admin-only records
  ['audit_log: view', view('audit_log', 'entry'), [404, 404, 404, 404, 404, 200, 404]],
  ['audit_log: edit', update('audit_log', 'entry', () => ({ summary: 'covered up' })), [403, 403, 403, 403, 403, 403, 403]],
  ['webhook_events: view', view('webhook_events', 'event'), [404, 404, 404, 404, 404, 200, 404]],
  [
    'webhook_events: replay a failed delivery through the app',
    async (client) =>
      client.request(
        'POST',
        `/api/pocketdesk/webhooks/${await make('webhook_events', { body_hash: `failed-${unique()}`, status: 'failed', raw: '{}' })}/replay`,
      ),
    [403, 403, 403, 403, 403, 200, 401],
  ],
  ['channels: health lines', (client) => client.request('GET', '/api/pocketdesk/channels/health'), [403, 403, 403, 403, 403, 200, 401]],
  ['teams: weekly QA settings of Team A', (client) => client.request('POST', `/api/pocketdesk/teams/${ids.teamA}/qa`, {}), [403, 403, 200, 403, 403, 200, 401]],
  ['webhook_events: create', create('webhook_events', (role) => ({ body_hash: `forged-${role}`, status: 'processed' })), [403, 403, 403, 403, 403, 403, 403]],
  // configuration: every agent reads it; admins (labels and canned replies: managers too) change it
  ['teams: create', create('teams', (role) => ({ name: `Team ${role}` })), [400, 400, 400, 400, 400, 200, 400]],
  ['teams: rename', update('teams', 'teamB', () => ({ name: 'Team B' })), [404, 404, 404, 404, 404, 200, 404]],
  // Teams go only through the remove route, which moves their conversations first.
  ['teams: delete', removeFresh('teams', () => ({ name: `Spare ${unique()}` })), [403, 403, 403, 403, 403, 403, 403]],
  [
    'teams: remove through the app',
    async (client) => client.request('POST', `/api/pocketdesk/teams/${await make('teams', { name: `Spare ${unique()}` })}/remove`, {}),
    [403, 403, 403, 403, 403, 200, 401],
  ],
  ['labels: create', create('labels', (role) => ({ name: `label-${role}` })), [400, 400, 200, 200, 200, 200, 400]],
  ['labels: delete', removeFresh('labels', () => ({ name: `spare-${unique()}` })), [404, 404, 204, 204, 204, 204, 404]],
  ['canned_replies: edit', update('canned_replies', 'reply', () => ({ body: 'Hello there' })), [404, 404, 200, 200, 200, 200, 404]],
  ['channels: view', view('channels', 'channel'), [200, 200, 200, 200, 200, 200, 404]],
  // The desk's own settings (business name, time zone): everyone signed in reads, admins change, nobody adds or removes.
  ['desk_settings: view', view('desk_settings', 'desk'), [200, 200, 200, 200, 200, 200, 404]],
  [
    'desk_settings: rename the business',
    update('desk_settings', 'desk', (role) => ({ business_name: `Shop of ${role}`, timezone: 'UTC' })),
    [404, 404, 404, 404, 404, 200, 404],
  ],
  ['desk_settings: add a second row', create('desk_settings', () => ({ business_name: 'Another', timezone: 'UTC' })), [403, 403, 403, 403, 403, 403, 403]],
  ['desk_settings: delete', (client) => client.delete('desk_settings', fixtures.desk_settings.desk), [403, 403, 403, 403, 403, 403, 403]],
  ['channels: rename', update('channels', 'channel', () => ({ name: 'Main line' })), [404, 404, 404, 404, 404, 200, 404]],
  // Numbers connected from the app (first-run setup and the channels screen): admins only, secrets never returned.
  [
    'channels: add a number',
    create('channels', () => ({
      name: 'New line',
      phone_number_id: `77${unique()}`,
      waba_id: '102290129340398',
      timezone: 'UTC',
      access_token: 'EAAG-new-line-token',
    })),
    [400, 400, 400, 400, 400, 200, 400],
  ],
  [
    'channels: switch a number off',
    async (client) =>
      client.update('channels', await make('channels', { name: 'Spare line', phone_number_id: `78${unique()}`, timezone: 'UTC', waba_id: '102290129340398' }), {
        disabled: true,
      }),
    [404, 404, 404, 404, 404, 200, 404],
  ],
  [
    'channels: what to paste into Meta',
    (client) => client.request('GET', `/api/pocketdesk/channels/${ids.channel}/connection`),
    [403, 403, 403, 403, 403, 200, 401],
  ],
  // A number without a token: the check answers `no-token` without calling the Graph API.
  [
    'channels: check the connection',
    async (client) =>
      client.request(
        'POST',
        `/api/pocketdesk/channels/${await make('channels', { name: 'Tokenless', phone_number_id: `79${unique()}`, timezone: 'UTC', waba_id: '102290129340398' })}/check-connection`,
      ),
    [403, 403, 403, 403, 403, 200, 401],
  ],
  [
    'templates: create',
    create('templates', (role) => ({
      name: `t_${role.toLowerCase()}`,
      language: 'en_US',
      category: 'utility',
      parameter_format: 'positional',
      status: 'approved',
    })),
    [400, 400, 400, 400, 400, 200, 400],
  ],
  // agents
  ['agents: view a colleague', view('agents', 'a2'), [200, 200, 200, 200, 200, 200, 404]],
  ['agents: go away (own shift state)', (client, role) => client.update('agents', self(role), { status: 'away' }), [200, 200, 200, 200, 200, 200, 404]],
  ['agents: raise own capacity', (client, role) => client.update('agents', self(role), { max_open: 999 }), [404, 404, 404, 404, 404, 200, 404]],
  [
    'agents: jump the round-robin line',
    (client, role) => client.update('agents', self(role), { last_assigned_at: '2000-01-01 00:00:00.000Z' }),
    [404, 404, 404, 404, 404, 200, 404],
  ],
  ['agents: change a colleague', update('agents', 'a2', () => ({ status: 'offline' })), [404, 404, 404, 404, 404, 200, 404]],
  ['agents: change own role', (client, role) => client.update('agents', self(role), { role: 'manager' }), [404, 404, 404, 404, 404, 404, 404]],
  ['agents: deactivate through the collection', update('agents', 'a2', () => ({ deactivated_at: now() })), [404, 404, 404, 404, 404, 404, 404]],
  [
    'agents: invite through the app',
    (client, role) =>
      client.request('POST', '/api/pocketdesk/agents', {
        name: 'Invited',
        email: `${role}@app-invite.test`,
        role: 'agent',
        teams: [],
        skills: [],
        languages: [],
        max_open: 3,
      }),
    [403, 403, 403, 403, 403, 200, 401],
  ],
  [
    'agents: deactivate a colleague through the app',
    async (client) =>
      client.request('POST', `/api/pocketdesk/agents/${(await createAgent(root, { name: `Spare ${unique()}`, status: 'offline' })).id}/deactivate`, {}),
    [403, 403, 403, 403, 403, 200, 401],
  ],
  [
    'agents: invite',
    create('agents', (role) => ({ email: `${role}@invite.test`, password: PASSWORD, passwordConfirm: PASSWORD, name: 'New', role: 'agent' })),
    [400, 400, 400, 400, 400, 200, 400],
  ],
];

describe('who may do what', () => {
  it.each(WRITES)('%s', async (_name, operation, expected, after) => {
    const actual: Record<string, number> = {};
    for (const role of ROLES) actual[role] = (await operation(api(role), role)).status;
    await after?.();
    expect(actual).toEqual(Object.fromEntries(ROLES.map((role, i) => [role, expected[i]])));
  });
});

describe('customer owners', () => {
  const setOwner = (owner: string) => root.update('contacts', fixtures.contacts.mixed, { owner });

  it('lets a manager of both teams move a customer from a Team A owner to a Team B owner', async () => {
    await setOwner(ids.a2);
    expect((await as.mAB.update('contacts', fixtures.contacts.mixed, { owner: ids.b1 })).status).toBe(200);
    expect((await root.view('contacts', fixtures.contacts.mixed)).body.owner).toBe(ids.b1);
  });

  it('refuses a manager whose teams do not include the current owner’s', async () => {
    await setOwner(ids.b1);
    expect((await as.mA.update('contacts', fixtures.contacts.mixed, { owner: ids.a2 })).status).toBe(404);
    expect((await root.view('contacts', fixtures.contacts.mixed)).body.owner).toBe(ids.b1);
  });

  it('lets a manager clear the owner when the owner is in their team', async () => {
    await setOwner(ids.a2);
    expect((await as.mA.update('contacts', fixtures.contacts.mixed, { owner: '' })).status).toBe(200);
    expect((await root.view('contacts', fixtures.contacts.mixed)).body.owner).toBe('');
  });

  it('refuses an agent pinning even their own customer', async () => {
    expect((await as.a1.update('contacts', fixtures.contacts.mine, { owner: ids.a1 })).status).toBe(404);
  });
});

describe('agents’ private fields', () => {
  it('shows a colleague’s email to admins only', async () => {
    expect((await as.a1.view('agents', ids.a2)).body.email).toBeUndefined();
    expect((await as.mA.view('agents', ids.a2)).body.email).toBeUndefined();
    expect((await as.admin.view('agents', ids.a2)).body.email).toBe('agent.two@pocketdesk.test');
  });
});

describe('the queue', () => {
  it('still expands the customer of every conversation an agent sees (the queue’s expand=contact)', async () => {
    const expanded = await as.a1.request('GET', `/api/collections/conversations/records?perPage=500&expand=contact`);
    const contacts = (expanded.body.items as { expand?: { contact?: { id: string } } }[]).map((item) => item.expand?.contact?.id);
    expect(contacts.sort()).toEqual(['mine', 'queueA', 'closed', 'offered'].map((key) => fixtures.contacts[key]).sort());
  });
});

describe('conversations', () => {
  it('does not let an agent take ownership by editing the record', async () => {
    expect((await as.a1.update('conversations', ids.queueA, { assignee: ids.a1 })).status).toBe(404);
    expect((await root.view('conversations', ids.queueA)).body.assignee).toBe('');
  });

  it('lets an agent resolve their own conversation', async () => {
    expect((await as.a1.update('conversations', ids.mine, { status: 'resolved' })).status).toBe(200);
    await root.update('conversations', ids.mine, { status: 'open' });
  });

  it('lets a manager reassign within their teams through the assign route, not the collection', async () => {
    expect((await as.manager.update('conversations', ids.teammates, { assignee: ids.a1 })).status).toBe(404);
    expect((await root.view('conversations', ids.teammates)).body.assignee).toBe(ids.a2);
    const moved = await as.manager.request('POST', `/api/pocketdesk/conversations/${ids.teammates}/assign`, { action: 'assign', agentId: ids.a1 });
    expect(moved.status).toBe(200);
    expect((await root.view('conversations', ids.teammates)).body.assignee).toBe(ids.a1);
    await root.update('conversations', ids.teammates, { assignee: ids.a2 });
  });
});

const denied = (status: number) => [400, 403, 404].includes(status);

describe('messages and notes', () => {
  const clientId = () => Math.random().toString(36).slice(2, 17).padEnd(15, '0');

  it('queues an agent reply in their conversation and resets server-owned fields', async () => {
    const response = await as.a1.create('messages', {
      id: clientId(),
      conversation: ids.mine,
      direction: 'out',
      author: ids.a1,
      type: 'text',
      text: 'Hello!',
      status: 'read',
      wamid: 'wamid.forged',
    });
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
    const response = await as.a1.create('messages', {
      id: clientId(),
      conversation: ids.closedWindow,
      direction: 'out',
      author: ids.a1,
      type: 'text',
      text: 'Late',
    });
    expect(response.status).toBe(400);
    expect(response.body.reason).toBe('window-closed');
    expect(await root.list('messages', `conversation = "${ids.closedWindow}"`)).toHaveLength(0);
  });

  it('refuses replies in someone else’s conversation, as someone else, or posing as the customer', async () => {
    expect(denied((await as.a1.create('messages', { conversation: ids.teammates, direction: 'out', author: ids.a1, type: 'text', text: 'x' })).status)).toBe(
      true,
    );
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
    expect(channel.body.verify_token).toBeUndefined();
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

  it('allows no public sign-up: the stock users collection is gone and agents cannot self-register', async () => {
    const anonymous = new Api(pb.url, '');
    expect((await anonymous.request('GET', '/api/collections/users/records')).status).toBe(404);
    expect(denied((await anonymous.create('agents', { email: 'x@y.z', password: PASSWORD, passwordConfirm: PASSWORD, name: 'X', role: 'admin' })).status)).toBe(
      true,
    );
  });

  it('answers an unknown API path with a JSON 404 instead of the app', async () => {
    const response = await fetch(`${pb.url}/api/no-such-route`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { reason: string }).reason).toBe('unknown-route');
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
