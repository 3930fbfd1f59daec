// Every field of the channel's routing form changes what it says (issue #15): for each field, the same scenario runs
// twice on a real PocketBase, once with a baseline and once with only that field changed, and what the desk did
// differs the way the field promises (who got the customer, the team, the priority, the reply, the log...).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoutingSettingsInput } from '../../src/lib/schemas/routing';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { drainStoredWebhooks } from '../support/stack';
import { postWebhook, textWebhook } from '../support/webhook-client';

const HOUR = 3_600_000;
const SPANISH = 'Hola, necesito ayuda con mi pedido, por favor';

let pb: RunningPocketBase;
let root: Api;
let channelId: string;
const teams: Record<'A' | 'B' | 'F', string> = { A: '', B: '', F: '' };
const agents: Record<'ana' | 'ben' | 'olga', { id: string; email: string }> = {} as never;
type AgentName = keyof typeof agents;
let customer = 0;

/** Settings every run starts from: no automatic replies, everyone routed in order, no teams. */
const BASE: RoutingSettingsInput = {
  newCustomer: {
    agentsOnline: { teamId: null, algorithm: 'in_order', autoReply: { enabled: false } },
    agentsOffline: { teamId: null, algorithm: 'in_order', autoReply: { enabled: false } },
  },
  returningCustomer: { ownerUnavailable: 'team', teamId: null, algorithm: 'in_order', autoReply: { enabled: false } },
  backlog: { algorithm: 'in_order' },
};

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `change` laid over `base`, objects merged key by key, lists replaced. */
function merged(base: Plain, change: Plain): Plain {
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(change)) out[key] = isPlain(value) && isPlain(out[key]) ? merged(out[key] as Plain, value) : value;
  return out;
}

const nameOf = (agentId: string): string => (Object.entries(agents).find(([, a]) => a.id === agentId)?.[0] ?? agentId) || 'nobody';
const teamNameOf = (teamId: string): string => Object.entries(teams).find(([, id]) => id === teamId)?.[0] ?? (teamId || 'none');

async function ok<T>(response: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await response;
  if (status !== 200) throw new Error(`${status}: ${JSON.stringify(body)}`);
  return body;
}

/** A customer writes; returns their open conversation. */
async function writes(from: string, text: string, timestamp?: number): Promise<any> {
  const response = await postWebhook(pb.url, JSON.stringify(textWebhook({ from, name: 'Customer', wamid: `wamid.fields.${++customer}`, text, timestamp })));
  if (response.status !== 200) throw new Error(`webhook ${response.status}: ${response.text}`);
  await drainStoredWebhooks(root);
  const [conversation] = await root.list('conversations', `contact.wa_id = "${from}" && status != "resolved"`, '-created');
  return conversation;
}

const newNumber = () => `4471${String(++customer).padStart(7, '0')}`;

/** A first-time customer writes. */
const newCustomer = (text = 'Hello, I need help with my order', timestamp?: number) => writes(newNumber(), text, timestamp);

/** A customer who already exists (created the way an admin would), e.g. a VIP. */
async function knownCustomer(fields: Plain, text = 'Hello, I need help with my order'): Promise<any> {
  const from = newNumber();
  await ok(root.create('contacts', { wa_id: from, name: 'Known customer', ...fields }));
  return writes(from, text);
}

/** A customer of Olga's writes again after their last ticket was closed long ago. */
async function returningCustomer(before?: (first: any) => Promise<void>): Promise<any> {
  const from = newNumber();
  const first = await writes(from, 'My first question');
  await before?.(first);
  await ok(root.update('contacts', first.contact, { owner: agents.olga.id }));
  // Resolved long ago, so the next message opens a new ticket for a returning customer. Two writes: resolving
  // stamps resolved_at with the present, which would make the next message reopen this ticket instead.
  await ok(root.update('conversations', first.id, { status: 'resolved' }));
  await ok(root.update('conversations', first.id, { resolved_at: '2020-01-01 00:00:00.000Z' }));
  // The first ticket moved the round-robin clocks: set them back so only the field under test differs.
  await setClocks();
  return writes(from, 'Me again, a new question');
}

const setAgent = (name: AgentName, data: Plain) => ok(root.update('agents', agents[name].id, data));

/** Nobody can take anything until `releaseShifts`: online, but their shifts ended an hour ago. */
async function shiftsEnded(...names: AgentName[]): Promise<void> {
  for (const name of names) await setAgent(name, { status: 'online', shift_ends_at: stored(Date.now() - HOUR) });
}

/** Ana and Ben's shifts start again without handing anything out, then capacity appears and the backlog is swept. */
async function releaseShiftsAndSweep(): Promise<void> {
  await setAgent('ana', { shift_ends_at: '' });
  await setAgent('ben', { shift_ends_at: '' });
  // More room for anyone hands out the waiting backlog (see afterAgentUpdate).
  await setAgent('olga', { max_open: 11 });
}

/** The texts the desk sent automatically into the conversation. */
async function botTexts(conversation: any): Promise<string[]> {
  return (await root.list('messages', `conversation = "${conversation.id}" && sender = "bot"`)).map((m) => String(m.text));
}

const assignee = async (conversation: any) => nameOf((await root.view('conversations', conversation.id)).body.assignee);

const stored = (ms: number) => new Date(ms).toISOString().replace('T', ' ');

/** Ana was given a customer longest ago but wrote a minute ago; Ben has been quiet for five hours: round robin picks Ana, "most waiting" picks Ben. */
async function setClocks(): Promise<void> {
  const now = Date.now();
  await setAgent('ana', { last_assigned_at: stored(now - 10 * HOUR), last_message_at: stored(now - 60_000) });
  await setAgent('ben', { last_assigned_at: stored(now - 5 * HOUR), last_message_at: '' });
}

async function reset(): Promise<void> {
  for (const c of await root.list('conversations', 'status != "resolved"')) await ok(root.update('conversations', c.id, { status: 'resolved' }));
  await setAgent('ana', { status: 'online', shift_ends_at: '', max_open: 10 });
  await setAgent('ben', { status: 'online', shift_ends_at: '', max_open: 10 });
  await setAgent('olga', { status: 'offline', shift_ends_at: '', max_open: 10, last_assigned_at: '', last_message_at: '' });
  await setClocks();
}

interface FieldCase {
  field: string;
  /** The scenario's own settings, on top of BASE. */
  base?: RoutingSettingsInput;
  /** Only the field under test. */
  change: RoutingSettingsInput;
  /** Runs the scenario and reports what the desk did. */
  observe: () => Promise<unknown>;
  before: unknown;
  after: unknown;
}

const rule = (over: Plain) => ({ rules: [{ name: 'Rule', ...over }] });
const ruleChange = (base: Plain, change: Plain) => ({ base: rule(base), change: rule({ ...base, ...change }) });
const who = (text?: string) => async () => assignee(await newCustomer(text));
const priorityOf = (text: string) => async () => (await newCustomer(text)).priority;
const hasText = (text: string, scenario: () => Promise<any>) => async () => (await botTexts(await scenario())).some((t) => t.includes(text));

/** A conversation assigned to Ana, then the service sweep runs `minutes` later. */
async function sweptAfter(minutes: number): Promise<any> {
  const conversation = await newCustomer();
  await ok(root.request('POST', '/api/pocketdesk/worker/sla-sweep', { now: Date.parse(conversation.last_inbound_at.replace(' ', 'T')) + minutes * 60_000 }));
  return (await root.view('conversations', conversation.id)).body;
}

const cases = (): FieldCase[] => [
  { field: 'defaultTeamId', change: { defaultTeamId: teams.B }, observe: who(), before: 'ana', after: 'ben' },
  {
    field: 'capacity.defaultMaxOpen',
    base: { newCustomer: { agentsOnline: { teamId: teams.A } }, capacity: { defaultMaxOpen: 10 } },
    change: { capacity: { defaultMaxOpen: 1 } },
    observe: async () => {
      // Ana has no capacity of her own: the channel's default applies. Her first customer fills a capacity of one.
      await setAgent('ana', { max_open: 0 });
      await newCustomer();
      return assignee(await newCustomer());
    },
    before: 'ana',
    after: 'nobody',
  },
  // Two words are Spanish with some doubt (about two in three).
  {
    field: 'language.minConfidence',
    base: { language: { minConfidence: 0.5 } },
    change: { language: { minConfidence: 0.9 } },
    observe: async () => (await newCustomer('Hola amigo')).language,
    before: 'es',
    after: '',
  },
  {
    field: 'backlog.algorithm',
    base: { newCustomer: { agentsOnline: { teamId: teams.F } } },
    change: { backlog: { algorithm: 'most_waiting' } },
    observe: async () => {
      // Olga is online (so this is not the nobody-online branch) but not in the field team; Ana and Ben are off shift.
      await setAgent('olga', { status: 'online' });
      await shiftsEnded('ana', 'ben');
      const waiting = await newCustomer();
      expect(waiting.assignee).toBe('');
      await releaseShiftsAndSweep();
      return assignee(waiting);
    },
    before: 'ana',
    after: 'ben',
  },
  {
    field: 'newCustomer.agentsOnline.teamId',
    base: { newCustomer: { agentsOnline: { teamId: teams.A } } },
    change: { newCustomer: { agentsOnline: { teamId: teams.B } } },
    observe: who(),
    before: 'ana',
    after: 'ben',
  },
  {
    field: 'newCustomer.agentsOnline.algorithm',
    change: { newCustomer: { agentsOnline: { algorithm: 'most_waiting' } } },
    observe: who(),
    before: 'ana',
    after: 'ben',
  },
  {
    field: 'newCustomer.agentsOnline.autoReply.enabled',
    base: { newCustomer: { agentsOnline: { autoReply: { enabled: false, text: 'Welcome, someone is here (online reply).' } } } },
    change: { newCustomer: { agentsOnline: { autoReply: { enabled: true } } } },
    observe: hasText('(online reply)', () => newCustomer()),
    before: false,
    after: true,
  },
  {
    field: 'newCustomer.agentsOnline.autoReply.text',
    base: { newCustomer: { agentsOnline: { autoReply: { enabled: true, text: 'Welcome, someone is here.' } } } },
    change: { newCustomer: { agentsOnline: { autoReply: { text: 'Welcome! Changed online text.' } } } },
    observe: hasText('Changed online text', () => newCustomer()),
    before: false,
    after: true,
  },
  {
    field: 'newCustomer.agentsOffline.teamId',
    base: { newCustomer: { agentsOffline: { teamId: teams.A } } },
    change: { newCustomer: { agentsOffline: { teamId: teams.B } } },
    observe: async () => {
      await setAgent('ana', { status: 'offline' });
      await setAgent('ben', { status: 'offline' });
      return teamNameOf((await newCustomer()).team);
    },
    before: 'A',
    after: 'B',
  },
  {
    field: 'newCustomer.agentsOffline.algorithm',
    base: { newCustomer: { agentsOffline: { teamId: teams.F } } },
    change: { newCustomer: { agentsOffline: { algorithm: 'most_waiting' } } },
    observe: async () => {
      // Nobody can take anyone: the conversation waits, and is handed out when Ana and Ben are back together.
      await shiftsEnded('ana', 'ben');
      const waiting = await newCustomer();
      expect(waiting.assignee).toBe('');
      await releaseShiftsAndSweep();
      return assignee(waiting);
    },
    before: 'ana',
    after: 'ben',
  },
  {
    field: 'newCustomer.agentsOffline.autoReply.enabled',
    base: { newCustomer: { agentsOffline: { autoReply: { enabled: false, text: 'Nobody is here right now (night reply).' } } } },
    change: { newCustomer: { agentsOffline: { autoReply: { enabled: true } } } },
    observe: hasText('(night reply)', async () => {
      await setAgent('ana', { status: 'offline' });
      await setAgent('ben', { status: 'offline' });
      return newCustomer();
    }),
    before: false,
    after: true,
  },
  {
    field: 'newCustomer.agentsOffline.autoReply.text',
    base: { newCustomer: { agentsOffline: { autoReply: { enabled: true, text: 'Nobody is here right now.' } } } },
    change: { newCustomer: { agentsOffline: { autoReply: { text: 'Changed night text.' } } } },
    observe: hasText('Changed night text', async () => {
      await setAgent('ana', { status: 'offline' });
      await setAgent('ben', { status: 'offline' });
      return newCustomer();
    }),
    before: false,
    after: true,
  },
  {
    field: 'returningCustomer.ownerUnavailable',
    change: { returningCustomer: { ownerUnavailable: 'keep-owner' } },
    observe: async () => assignee(await returningCustomer()),
    before: 'ana',
    after: 'olga',
  },
  {
    field: 'returningCustomer.teamId',
    base: { returningCustomer: { teamId: teams.A } },
    change: { returningCustomer: { teamId: teams.B } },
    observe: async () => assignee(await returningCustomer()),
    before: 'ana',
    after: 'ben',
  },
  {
    field: 'returningCustomer.algorithm',
    change: { returningCustomer: { algorithm: 'most_waiting' } },
    observe: async () => assignee(await returningCustomer()),
    before: 'ana',
    after: 'ben',
  },
  {
    field: 'returningCustomer.autoReply.enabled',
    base: { returningCustomer: { autoReply: { enabled: false, text: 'A colleague will help you (returning reply).' } } },
    change: { returningCustomer: { autoReply: { enabled: true } } },
    observe: hasText('(returning reply)', () => returningCustomer()),
    before: false,
    after: true,
  },
  {
    field: 'returningCustomer.autoReply.text',
    base: { returningCustomer: { autoReply: { enabled: true, text: 'A colleague will help you.' } } },
    change: { returningCustomer: { autoReply: { text: 'Changed returning text.' } } },
    observe: hasText('Changed returning text', () => returningCustomer()),
    before: false,
    after: true,
  },
  {
    field: 'rules.name',
    ...ruleChange({ teamId: teams.A }, { name: 'Renamed rule' }),
    observe: async () => {
      const conversation = await newCustomer();
      return (await root.list('routing_events', `conversation = "${conversation.id}" && trigger = "inbound"`))[0].rule;
    },
    before: 'Rule',
    after: 'Renamed rule',
  },
  { field: 'rules.enabled', ...ruleChange({ teamId: teams.B, enabled: true }, { enabled: false }), observe: who(), before: 'ben', after: 'ana' },
  {
    field: 'rules.keywords',
    ...ruleChange({ teamId: teams.B, keywords: ['refund'] }, { keywords: ['invoice'] }),
    observe: who('I want a refund'),
    before: 'ben',
    after: 'ana',
  },
  {
    field: 'rules.pattern',
    ...ruleChange({ teamId: teams.B, pattern: 'order #\\d+' }, { pattern: 'parcel #\\d+' }),
    observe: who('Where is order #123?'),
    before: 'ben',
    after: 'ana',
  },
  {
    field: 'rules.languages',
    ...ruleChange({ teamId: teams.B, languages: ['es'] }, { languages: ['pt'] }),
    observe: who(SPANISH),
    before: 'ben',
    after: 'ana',
  },
  {
    field: 'rules.vip',
    ...ruleChange({ teamId: teams.B, vip: true }, { vip: false }),
    observe: async () => assignee(await knownCustomer({ vip: true })),
    before: 'ben',
    after: 'ana',
  },
  {
    field: 'rules.businessHours',
    ...ruleChange({ teamId: teams.B, businessHours: 'inside' }, { businessHours: 'outside' }),
    observe: who(),
    before: 'ben',
    after: 'ana',
  },
  { field: 'rules.teamId', ...ruleChange({ teamId: teams.A }, { teamId: teams.B }), observe: who(), before: 'ana', after: 'ben' },
  { field: 'rules.agentId', ...ruleChange({ agentId: null }, { agentId: '$ben' }), observe: who(), before: 'ana', after: 'ben' },
  { field: 'rules.priority', ...ruleChange({ priority: null }, { priority: 'urgent' }), observe: priorityOf('Hello'), before: 100, after: 600 },
  {
    field: 'rules.skills',
    ...ruleChange({ skills: [] }, { skills: ['billing'] }),
    observe: async () => {
      const conversation = await newCustomer();
      return [await assignee(conversation), conversation.required_skills];
    },
    before: ['ana', []],
    after: ['ben', ['billing']],
  },
  {
    field: 'rules.stop',
    base: {
      rules: [
        { name: 'First', priority: 'high', stop: false },
        { name: 'Second', teamId: '$B' },
      ],
    },
    change: {
      rules: [
        { name: 'First', priority: 'high', stop: true },
        { name: 'Second', teamId: '$B' },
      ],
    },
    observe: who(),
    before: 'ben',
    after: 'ana',
  },
  { field: 'priority.urgencyWords', change: { priority: { urgencyWords: ['kaboom'] } }, observe: priorityOf('Kaboom, my parcel'), before: 100, after: 140 },
  { field: 'priority.angryEmoji', change: { priority: { angryEmoji: ['🙄'] } }, observe: priorityOf('Where is it 🙄'), before: 100, after: 130 },
  {
    field: 'priority.points.urgencyWords',
    change: { priority: { points: { urgencyWords: 100 } } },
    observe: priorityOf('This is urgent'),
    before: 140,
    after: 200,
  },
  {
    field: 'priority.points.angryEmoji',
    change: { priority: { points: { angryEmoji: 100 } } },
    observe: priorityOf('Where is it 😡'),
    before: 130,
    after: 200,
  },
  {
    field: 'priority.points.vip',
    change: { priority: { points: { vip: 100 } } },
    observe: async () => (await knownCustomer({ vip: true })).priority,
    before: 150,
    after: 200,
  },
  {
    field: 'priority.points.escalation',
    base: { escalationTeams: [teams.B] },
    change: { priority: { points: { escalation: 0 } } },
    observe: async () =>
      // Escalated on an earlier ticket: the new one starts with the points (not only this ticket's own handovers).
      (
        await returningCustomer(async (first) => {
          const ana = await root.as(agents.ana.email, PASSWORD);
          expect(await assignee(first)).toBe('ana');
          await ok(ana.request('POST', `/api/pocketdesk/conversations/${first.id}/assign`, { action: 'escalate', teamId: teams.B }));
        })
      ).priority,
    before: 140,
    after: 100,
  },
  {
    field: 'priority.points.windowClosing',
    change: { priority: { points: { windowClosing: 10 } } },
    observe: async () => (await sweptAfter(23 * 60)).priority,
    before: 160,
    after: 110,
  },
  {
    field: 'priority.windowClosingMinutes',
    change: { priority: { windowClosingMinutes: 30 } },
    observe: async () => (await sweptAfter(23 * 60)).priority,
    before: 160,
    after: 100,
  },
  {
    field: 'reassign',
    base: { newCustomer: { agentsOnline: { teamId: teams.A } }, reassign: [{ teamId: teams.A, afterMinutes: 60 }] },
    change: { reassign: [{ teamId: teams.A, afterMinutes: 5 }] },
    observe: async () => {
      const conversation = await sweptAfter(10);
      return (await root.list('routing_events', `conversation = "${conversation.id}" && reason = "reply-overdue"`)).length;
    },
    before: 0,
    after: 1,
  },
  {
    field: 'escalationTeams',
    change: { escalationTeams: [teams.B] },
    observe: async () => {
      const conversation = await newCustomer();
      const ana = await root.as(agents.ana.email, PASSWORD);
      return (await ana.request('POST', `/api/pocketdesk/conversations/${conversation.id}/assign`, { action: 'escalate', teamId: teams.B })).status;
    },
    before: 403,
    after: 200,
  },
];

/** Fills in ids the table names before they exist (`$ben`, `$B`). */
function withIds(settings: unknown): unknown {
  if (Array.isArray(settings)) return settings.map(withIds);
  if (isPlain(settings)) return Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, withIds(v)]));
  if (settings === '$ben') return agents.ben.id;
  if (settings === '$B') return teams.B;
  return settings;
}

async function observeWith(settings: Plain, observe: () => Promise<unknown>): Promise<unknown> {
  await reset();
  await ok(root.update('channels', channelId, { routing: withIds(settings) }));
  return observe();
}

beforeAll(async () => {
  pb = await startPocketBase();
  root = new Api(pb.url, pb.superuserToken);
  teams.A = await createTeam(root, 'Team A');
  teams.B = await createTeam(root, 'Team B');
  teams.F = await createTeam(root, 'Field team');
  // The service sweep's SLA part only measures here: no breach escalation changes priority or owner.
  const service = { sla: { policies: [{ escalation: { notifyManager: false, raisePriorityTo: null, reassign: false } }] } };
  channelId = await createChannel(root, { service });
  agents.ana = await createAgent(root, { name: 'Ana Fields', teams: [teams.A, teams.F] });
  agents.ben = await createAgent(root, { name: 'Ben Fields', teams: [teams.B, teams.F], skills: ['billing'] });
  agents.olga = await createAgent(root, { name: 'Olga Fields', status: 'offline' });
});
afterAll(async () => pb?.stop());

describe('every routing field changes what it says (real PocketBase)', () => {
  it.each(cases().map((c) => [c.field, c] as const))(
    '%s',
    async (_, c) => {
      // The table is built before the ids exist: build it again now that they do.
      const current = cases().find((x) => x.field === c.field)!;
      const base = merged(BASE as Plain, (current.base ?? {}) as Plain);
      expect(await observeWith(base, current.observe)).toEqual(current.before);
      expect(await observeWith(merged(base, current.change as Plain), current.observe)).toEqual(current.after);
    },
    60_000,
  );

  it('moves a conversation whose window is closing ahead in the queue when the service sweep runs', async () => {
    await observeWith(merged(BASE as Plain, {}), async () => undefined);
    await setAgent('ana', { status: 'offline' });
    await setAgent('ben', { status: 'offline' });
    const second = Math.floor(Date.now() / 1000);
    const calm = await newCustomer('Hello, a question', second - 60);
    const angry = await newCustomer('Where is my parcel 😡', second);
    const queue = async () => (await root.list('conversations', 'status != "resolved" && assignee = ""', '-priority,last_inbound_at')).map((c) => c.id);
    expect(await queue()).toEqual([angry.id, calm.id]);
    // Exactly 120 minutes left for the calm customer's window; the angry customer wrote a little later.
    const now = Date.parse(calm.last_inbound_at.replace(' ', 'T')) + 22 * HOUR;
    expect((await root.request('POST', '/api/pocketdesk/worker/sla-sweep', { now })).status).toBe(200);
    expect(await queue()).toEqual([calm.id, angry.id]);
    // The customer writes again: a new window, and the points come off at the next sweep.
    await writes((await root.view('contacts', calm.contact)).body.wa_id, 'Still there?');
    await root.request('POST', '/api/pocketdesk/worker/sla-sweep', { now: Date.now() });
    expect((await root.view('conversations', calm.id)).body.priority).toBe(100);
  });
});
