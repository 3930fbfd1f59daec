import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { drainStoredWebhooks } from '../support/stack';
import { postWebhook, textWebhook } from '../support/webhook-client';

let pb: RunningPocketBase;
let root: Api;
let teamId: string;
let channelId: string;
const agents: Array<{ id: string; email: string }> = [];
let customer = 0;

async function customerWrites(text = 'Hello, I need help'): Promise<string> {
  const n = ++customer;
  const from = `4470000${String(n).padStart(5, '0')}`;
  const response = await postWebhook(pb.url, JSON.stringify(textWebhook({ from, name: `Customer ${n}`, wamid: `wamid.routing.${n}`, text })));
  if (response.status !== 200) throw new Error(`webhook ${response.status}: ${response.text}`);
  return from;
}

/** Runs `count` customers at once, at most `inFlight` requests open at a time (a realistic burst from Meta). */
async function customersInParallel(count: number, inFlight = 16): Promise<void> {
  let started = 0;
  const lane = async () => {
    while (started < count) {
      started++;
      await customerWrites();
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, lane));
  // A burst is acknowledged faster than it is applied: drain what the route only stored, by several appliers at once.
  await drainStoredWebhooks(root, { appliers: 4, limit: 5 });
}

async function openCounts(): Promise<number[]> {
  const open = await root.list('conversations', 'status != "resolved" && assignee != ""');
  return agents.map((agent) => open.filter((c) => c.assignee === agent.id).length);
}

async function setAll(data: Record<string, unknown>) {
  for (const agent of agents) await root.update('agents', agent.id, data);
}

beforeAll(async () => {
  pb = await startPocketBase();
  root = new Api(pb.url, pb.superuserToken);
  teamId = await createTeam(root, 'Field team');
  const routing = {
    newCustomer: {
      agentsOnline: { teamId, algorithm: 'in_order', autoReply: { enabled: false } },
      agentsOffline: { teamId, algorithm: 'in_order', autoReply: { enabled: false } },
    },
  };
  channelId = await createChannel(root, { default_team: teamId, routing });
  for (let i = 0; i < 5; i++) agents.push(await createAgent(root, { name: `Router ${i}`, teams: [teamId], max_open: 100, status: 'online' }));
});
afterAll(async () => pb?.stop());

describe('routing under concurrency (real PocketBase)', () => {
  it('spreads parallel new customers fairly with in_order: counts differ by at most one', async () => {
    await customersInParallel(101);
    const counts = await openCounts();
    expect(counts.reduce((a, b) => a + b, 0)).toBe(101);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('never pushes an agent over max_open: 200 open conversations over 5 agents of 30 leave 50 queued', async () => {
    await setAll({ max_open: 30 });
    await customersInParallel(99);
    const counts = await openCounts();
    expect(counts.every((count) => count <= 30)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(150);
    expect(await root.list('conversations', 'status != "resolved" && assignee = ""')).toHaveLength(50);
  });

  it('explains every decision in routing_events and notifies the assigned agent', async () => {
    const events = await root.list('routing_events', 'trigger = "inbound"');
    expect(events).toHaveLength(200);
    const queued = events.filter((event) => event.outcome === 'queued');
    expect(queued).toHaveLength(50);
    expect(queued[0].excluded.some((x: { reason: string }) => x.reason === 'at-capacity')).toBe(true);
    expect(await root.list('notifications', 'kind = "assigned"')).toHaveLength(150);
  });

  it('hands the backlog out, highest priority first, as soon as a conversation is resolved', async () => {
    const [urgentFrom] = [await customerWrites('URGENT my order never arrived, this is an emergency 😡')];
    const [urgent] = await root.list('conversations', `contact.wa_id = "${urgentFrom}"`);
    expect(urgent.assignee).toBe('');
    expect(urgent.priority).toBeGreaterThan(0);
    const [someone] = await root.list('conversations', `assignee = "${agents[0].id}"`);
    const agent = await root.as(agents[0].email, PASSWORD);
    expect((await agent.update('conversations', someone.id, { status: 'resolved' })).status).toBe(200);
    expect((await root.view('conversations', urgent.id)).body.assignee).toBe(agents[0].id);
    expect((await root.view('conversations', someone.id)).body.resolved_at).not.toBe('');
  });
});

describe('availability and manual control', () => {
  it('queues when everyone is offline and assigns when an agent goes online', async () => {
    await root.request('POST', '/api/collections/conversations/records'); // no-op: creation is closed to clients
    for (const c of await root.list('conversations', 'status != "resolved"')) await root.update('conversations', c.id, { status: 'resolved' });
    await setAll({ status: 'offline', max_open: 30 });
    const from = await customerWrites('Hola, necesito ayuda con mi pedido');
    const [waiting] = await root.list('conversations', `contact.wa_id = "${from}" && status != "resolved"`);
    expect(waiting.assignee).toBe('');
    const agent = await root.as(agents[2].email, PASSWORD);
    expect((await agent.update('agents', agents[2].id, { status: 'online' })).status).toBe(200);
    expect((await root.view('conversations', waiting.id)).body.assignee).toBe(agents[2].id);
    const [event] = await root.list('routing_events', `conversation = "${waiting.id}" && trigger = "backlog-sweep"`);
    expect(event.agent).toBe(agents[2].id);
  });

  it('sends a returning customer back to their owner when the owner is online', async () => {
    const [owned] = await root.list('conversations', `assignee = "${agents[2].id}" && status != "resolved"`);
    const contact = (await root.view('contacts', owned.contact)).body;
    expect(contact.owner).toBe(agents[2].id);
    await root.update('conversations', owned.id, { status: 'resolved', resolved_at: '2020-01-01 00:00:00.000Z' });
    await setAll({ status: 'online' });
    // Resolved long ago (the stored resolved_at is old), so the next message opens a new ticket for the returning customer.
    const res = await postWebhook(
      pb.url,
      JSON.stringify(textWebhook({ from: contact.wa_id, name: 'Back again', wamid: 'wamid.routing.returning', text: 'Me again' })),
    );
    expect(res.status).toBe(200);
    const [latest] = await root.list('conversations', `contact = "${contact.id}"`, '-created');
    expect(latest.assignee).toBe(agents[2].id);
  });

  it('lets an agent claim from the queue once; a second claim is refused', async () => {
    await setAll({ status: 'offline' });
    const from = await customerWrites('Anyone there?');
    const [waiting] = await root.list('conversations', `contact.wa_id = "${from}"`);
    await root.update('agents', agents[3].id, { status: 'online' });
    const a3 = await root.as(agents[3].email, PASSWORD);
    const a4 = await root.as(agents[4].email, PASSWORD);
    const current = (await root.view('conversations', waiting.id)).body;
    if (current.assignee === '') {
      expect((await a3.request('POST', `/api/pocketdesk/conversations/${waiting.id}/assign`, { action: 'claim' })).status).toBe(200);
    }
    await root.update('agents', agents[4].id, { status: 'online' });
    const second = await a4.request('POST', `/api/pocketdesk/conversations/${waiting.id}/assign`, { action: 'claim' });
    expect(second.status).toBe(409);
    expect(second.body.reason).toBe('already-assigned');
  });

  it('previews who would get a conversation without changing anything', async () => {
    const admin = await createAgent(root, { name: 'Route Admin', role: 'admin', teams: [teamId] });
    const api = await root.as(admin.email, PASSWORD);
    const [conversation] = await root.list('conversations', 'status != "resolved"');
    const before = await root.list('routing_events');
    const preview = await api.request('GET', `/api/pocketdesk/conversations/${conversation.id}/routing-preview`);
    expect(preview.status).toBe(200);
    expect(preview.body).toHaveProperty('outcome');
    expect(await root.list('routing_events')).toHaveLength(before.length);
  });
});

describe('reply-overdue reassignment', () => {
  it('hands a ticket back to routing when its agent has not answered within the team’s limit', async () => {
    await setAll({ status: 'online' });
    const routing = {
      newCustomer: {
        agentsOnline: { teamId, algorithm: 'in_order', autoReply: { enabled: false } },
        agentsOffline: { teamId, algorithm: 'in_order', autoReply: { enabled: false } },
      },
      reassign: [{ teamId, afterMinutes: 10 }],
    };
    expect((await root.update('channels', channelId, { routing })).status).toBe(200);
    const from = await customerWrites('waiting for an answer');
    const [conversation] = await root.list('conversations', `contact.wa_id = "${from}"`);
    expect(conversation.assignee).not.toBe('');
    const sweep = (minutes: number) => root.request('POST', '/api/pocketdesk/worker/sla-sweep', { now: Date.now() + minutes * 60_000 });
    await sweep(5);
    expect(await root.list('routing_events', `conversation = "${conversation.id}" && reason = "reply-overdue"`)).toHaveLength(0);
    await sweep(11);
    const [event] = await root.list('routing_events', `conversation = "${conversation.id}" && reason = "reply-overdue"`);
    expect(event).toMatchObject({ trigger: 'unassign', outcome: 'queued' });
    await root.update('channels', channelId, { routing: { ...routing, reassign: [] } });
  });
});

describe('presence', () => {
  it('sets an online agent away after hours of silence, never after minutes', async () => {
    const quiet = await createAgent(root, { name: 'Quiet Phone', teams: [teamId], status: 'online' });
    const api = await root.as(quiet.email, PASSWORD);
    const now = Date.now();
    expect((await api.update('agents', quiet.id, { last_seen: new Date(now).toISOString() })).status).toBe(200);
    await root.request('POST', '/api/pocketdesk/worker/presence-sweep', { now: now + 20 * 60_000 });
    expect((await root.view('agents', quiet.id)).body.status).toBe('online');
    await root.request('POST', '/api/pocketdesk/worker/presence-sweep', { now: now + 5 * 3600_000 });
    expect((await root.view('agents', quiet.id)).body.status).toBe('away');
  });
});

describe('bad settings', () => {
  it.each([
    [{ routing: { rules: [{ name: 'slow', pattern: '(a+)+$' }] } }, 'routing.rules.0.pattern'],
    [{ routing: { rules: [{ name: 'broken', pattern: '([a-z' }] } }, 'routing.rules.0.pattern'],
    [{ routing: { newCustomer: { agentsOnline: { teamId: 'nosuchteam00000' } } } }, 'routing.newCustomer.agentsOnline.teamId'],
    [{ routing: { capacity: { defaultMaxOpen: 0 } } }, 'routing.capacity.defaultMaxOpen'],
    [{ routing: { rules: [{ name: 'gone', agentId: 'deletedagent000' }] } }, 'routing.rules.0.agentId'],
    [{ timezone: 'Mars/Olympus_Mons' }, 'timezone'],
    [{ business_hours: { timezone: 'Europe/Madrid', weekly: { mon: [{ start: '25:00', end: '26:00' }] } } }, 'business_hours.weekly.mon.0.start'],
  ])('refuses %j at save time with a field error', async (patch, field) => {
    const response = await root.update('channels', channelId, patch);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.data)).toContain(field);
  });
});
