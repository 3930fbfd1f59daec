import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../src/lib/domain/integrations/endpoint-address';
import { verifySignature } from '../../src/worker/webhook-signature';
import { Api } from '../support/api';
import { postWebhook, textWebhook } from '../support/webhook-client';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { eventually } from '../support/stack';
import { startReceiver, type Receiver } from '../support/webhook-receiver';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';

// Outbound webhooks end to end: real PocketBase, the real worker, a receiver on 127.0.0.1 (hence
// POCKETDESK_ALLOW_PRIVATE_WEBHOOKS on both), and a second PocketBase without that setting for the SSRF refusals.

let pb: RunningPocketBase;
let root: Api;
let admin: Api;
let adminId: string;
let receiver: Receiver;
let worker: WorkerProcess;
let channelId: string;
let teamId: string;
let seq = 0;

const WORKER_ENV = {
  POCKETDESK_ALLOW_PRIVATE_WEBHOOKS: '1',
  WORKER_WEBHOOK_RETRY_BASE_MS: '200',
  WORKER_WEBHOOK_TIMEOUT_MS: '1000',
  WORKER_SWEEP_MS: '200',
  WORKER_LEASE_MS: '3000',
};

async function ok<T = any>(response: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await response;
  if (status !== 200) throw new Error(`${status} ${JSON.stringify(body)}`);
  return body;
}

async function endpoint(path: string, events: string[], extra: Record<string, unknown> = {}): Promise<{ id: string; secret: string }> {
  const created = await ok(
    admin.create('webhook_endpoints', { name: `Receiver ${path}`, kind: 'webhook', url: `${receiver.url}${path}`, events, active: true, ...extra }),
  );
  const { secret } = await ok(admin.request('POST', `/api/pocketdesk/integrations/endpoints/${created.id}/secret`));
  return { id: created.id, secret };
}

async function conversation(team = teamId): Promise<{ id: string; contact: string }> {
  const contact = await ok(root.create('contacts', { wa_id: `3462${String(++seq).padStart(7, '0')}`, name: `Customer ${seq}` }));
  const created = await ok(root.create('conversations', { contact: contact.id, channel: channelId, team, status: 'open' }));
  return { id: created.id, contact: contact.id };
}

const inbound = (conversationId: string, text: string) =>
  ok(root.create('messages', { conversation: conversationId, direction: 'in', type: 'text', text, status: 'received', wamid: `wamid.it${++seq}` }));

/** Every event the desk wrote for this endpoint, in the desk's order. */
async function eventsFor(endpointId: string): Promise<Array<{ event: string; type: string; order_key: string; seq: number; status: string }>> {
  return root.list('webhook_deliveries', `endpoint = "${endpointId}"`, 'seq');
}

beforeAll(async () => {
  pb = await startPocketBase({ POCKETDESK_ALLOW_PRIVATE_WEBHOOKS: '1' });
  root = new Api(pb.url, pb.superuserToken);
  teamId = await createTeam(root, 'Support');
  channelId = await createChannel(root, { default_team: teamId });
  const created = await createAgent(root, { name: 'Integration Admin', role: 'admin', teams: [teamId] });
  adminId = created.id;
  admin = await root.as(created.email, PASSWORD);
  receiver = await startReceiver();
  worker = spawnWorker(pb.url, WORKER_ENV);
});
afterAll(async () => {
  await worker?.kill();
  await receiver?.close();
  await pb?.stop();
});

describe('outbound webhooks', () => {
  it('signs every delivery with the endpoint secret over timestamp.body, in the documented envelope', async () => {
    const { id, secret } = await endpoint('/signed', ['conversation.created', 'message.received']);
    const { id: conversationId } = await conversation();
    await inbound(conversationId, 'Where is my order?');
    await eventually(async () => receiver.uniqueEvents('/signed').length >= 2, 'two deliveries');
    const [first, second] = receiver.requests('/signed');
    for (const request of [first, second]) {
      expect(verifySignature(secret, String(request.headers['pocketdesk-signature']), request.body, Math.floor(Date.now() / 1000))).toBe(true);
      expect(verifySignature('whsec_wrong', String(request.headers['pocketdesk-signature']), request.body, Math.floor(Date.now() / 1000))).toBe(false);
      expect(request.headers['pocketdesk-event-id']).toBe(JSON.parse(request.body).id);
    }
    const [created, received] = receiver.uniqueEvents('/signed');
    expect(created).toMatchObject({
      type: 'conversation.created',
      version: 1,
      data: { conversation: { id: conversationId, channel_id: channelId, status: 'open' } },
    });
    expect(received).toMatchObject({
      type: 'message.received',
      data: { conversation_id: conversationId, message: { text: 'Where is my order?', direction: 'in' } },
    });
    expect(Date.parse(received.occurred_at)).not.toBeNaN();
    // The secret is in no answer, not even the superuser's, and not in the audit trail.
    const seen = await ok(root.view('webhook_endpoints', id));
    expect(seen.secret).toBeUndefined();
    expect(seen.secret_set).toBe(true);
    const audit = await root.list('audit_log', `collection_name = "webhook_endpoints"`);
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(pb.logs()).not.toContain(secret);
    expect(worker.logs()).not.toContain(secret);
  });

  it('gets every event to a receiver that was down for a while, each conversation in order across the retries', async () => {
    receiver.setMode('/flaky', 'down');
    const { id } = await endpoint('/flaky', ['*']);
    // A team of its own with its only agent away: routing never hands these conversations out on its own, so every
    // event below is one the test caused, in the order it caused them.
    const quietTeam = await createTeam(root, `Ordering ${++seq}`);
    const agent = await createAgent(root, { name: `Order Agent ${++seq}`, teams: [quietTeam], status: 'offline' });
    const conversations = [await conversation(quietTeam), await conversation(quietTeam)];
    for (const { id: conversationId } of conversations) {
      await inbound(conversationId, 'first');
      await ok(root.update('conversations', conversationId, { assignee: agent.id }));
      await inbound(conversationId, 'second');
      await ok(root.update('conversations', conversationId, { status: 'resolved' }));
      await ok(root.update('conversations', conversationId, { status: 'open' }));
    }
    // Down: several attempts fail and nothing later in a conversation overtakes its first event.
    await eventually(async () => receiver.requests('/flaky').length >= 6, 'failed attempts');
    // The endpoint takes every event, and earlier tests' conversations may still be moving: judge only this test's.
    const keys = new Set([...conversations.map((c) => c.id), ...conversations.map((c) => c.contact)]);
    const subjectOf = (event: any): string => event.data?.conversation?.id ?? event.data?.conversation_id ?? event.data?.contact?.id ?? '';
    const heads = receiver.requests('/flaky').map((r) => JSON.parse(r.body));
    expect(heads.some((event) => keys.has(subjectOf(event)))).toBe(true);
    const firstTypes = new Set(heads.filter((event) => keys.has(subjectOf(event))).map((event) => event.type));
    expect(firstTypes.has('conversation.reopened')).toBe(false);
    receiver.setMode('/flaky', 'ok');
    const ours = async () => (await eventsFor(id)).filter((d) => keys.has(d.order_key));
    const expected = await ours();
    expect(expected).toHaveLength(14);
    const ids = new Set(expected.map((d) => d.event));
    const arrivedOfOurs = () => receiver.uniqueEvents('/flaky').filter((e) => ids.has(e.id));
    await eventually(async () => arrivedOfOurs().length === expected.length, 'every event', 60_000);
    const got = arrivedOfOurs();
    for (const key of keys) {
      const desk = expected.filter((d) => d.order_key === key).map((d) => d.event);
      const arrived = got.filter((e) => expected.find((d) => d.event === e.id)?.order_key === key).map((e) => e.id);
      expect(arrived).toEqual(desk);
    }
    expect(got.filter((e) => e.data?.conversation?.id === conversations[0].id).map((e) => e.type)).toEqual([
      'conversation.created',
      'conversation.assigned',
      'conversation.resolved',
      'conversation.reopened',
    ]);
    // The receiver has answered before the worker reports it, so the desk's record of it catches up a moment later.
    await eventually(async () => (await ours()).every((d) => d.status === 'delivered'), 'every delivery recorded as delivered');
    expect(await ours()).toHaveLength(expected.length);
  });

  it('tells each change of a conversation once, though ingestion saves the same conversation more than once', async () => {
    const { id } = await endpoint('/ingest', ['*']);
    const from = `3468${String(++seq).padStart(7, '0')}`;
    const post = async (text: string) => {
      const body = JSON.stringify(textWebhook({ from, name: 'Webhook Customer', wamid: `wamid.ingest.${++seq}`, text }));
      expect((await postWebhook(pb.url, body)).status).toBe(200);
    };
    await post('Hello');
    const [message] = await eventually(async () => {
      const found = await root.list('messages', `text = "Hello" && conversation.contact.wa_id = "${from}"`);
      return found.length ? found : null;
    }, 'the first message applied');
    const conversationId = message.conversation;
    await ok(root.update('conversations', conversationId, { status: 'resolved' }));
    await post('Me again');
    await eventually(
      async () => (await root.list('messages', `text = "Me again" && conversation = "${conversationId}"`)).length > 0,
      'the second message applied',
    );
    const types = (await root.list('integration_events', `order_key = "${conversationId}"`, 'seq')).map((e) => e.type);
    const count = (type: string) => types.filter((t) => t === type).length;
    expect(count('conversation.created')).toBe(1);
    expect(count('conversation.reopened')).toBe(1);
    expect(count('conversation.resolved')).toBe(1);
    expect(count('message.received')).toBe(2);
    expect(count('conversation.transferred')).toBe(0);
    await eventually(async () => receiver.uniqueEvents('/ingest').length === (await eventsFor(id)).length, 'every ingestion event delivered');
  });

  it('pauses an endpoint that answers 410, tells the admins, and delivers what waited once resumed', async () => {
    receiver.setMode('/gone', 'gone');
    const { id } = await endpoint('/gone', ['contact.created']);
    await ok(root.create('contacts', { wa_id: `3463${String(++seq).padStart(7, '0')}`, name: 'Gone Customer' }));
    const paused = await eventually(async () => {
      const seen = await ok(admin.view('webhook_endpoints', id));
      return seen.active === false ? seen : null;
    }, 'the pause');
    expect(paused.paused_reason).toBe('gone');
    const told = await root.list('notifications', `agent = "${adminId}" && kind = "integration"`);
    expect(told.length).toBeGreaterThanOrEqual(1);
    const requestsWhilePaused = receiver.requests('/gone').length;
    await ok(root.create('contacts', { wa_id: `3463${String(++seq).padStart(7, '0')}`, name: 'Second Customer' }));
    receiver.setMode('/gone', 'ok');
    await ok(admin.update('webhook_endpoints', id, { active: true }));
    await eventually(async () => receiver.uniqueEvents('/gone').length === 2, 'both contacts after the resume');
    expect(receiver.requests('/gone').length).toBeGreaterThan(requestsWhilePaused);
  });

  it('times out a hanging receiver and retries until it answers', async () => {
    receiver.hangOnce('/slow');
    const { id } = await endpoint('/slow', ['contact.created']);
    await ok(root.create('contacts', { wa_id: `3464${String(++seq).padStart(7, '0')}`, name: 'Slow Customer' }));
    const [delivery] = await eventually(
      async () => {
        const rows = (await eventsFor(id)).filter((d) => d.status === 'delivered');
        return rows.length ? rows : null;
      },
      'the retried delivery',
      30_000,
    );
    expect(delivery).toMatchObject({ status: 'delivered', response_code: 200 });
    expect((delivery as any).attempts).toBeGreaterThanOrEqual(2);
    expect(receiver.requests('/slow').length).toBeGreaterThanOrEqual(2);
  });

  it('replays a delivery on request, with the same event id', async () => {
    const { id } = await endpoint('/replay', ['contact.created']);
    await ok(root.create('contacts', { wa_id: `3465${String(++seq).padStart(7, '0')}`, name: 'Replay Customer' }));
    const [delivery] = await eventually(async () => {
      const rows = (await eventsFor(id)).filter((d) => d.status === 'delivered');
      return rows.length ? rows : null;
    }, 'the first delivery');
    const replay = await ok(admin.request('POST', `/api/pocketdesk/integrations/deliveries/${(delivery as any).id}/replay`));
    expect(replay.id).toBeTruthy();
    await eventually(async () => receiver.requests('/replay').length === 2, 'the replay');
    const [a, b] = receiver.requests('/replay').map((r) => JSON.parse(r.body).id);
    expect(a).toBe(b);
  });

  it('drops pending deliveries carrying an erased customer’s data and tells only the erasure', async () => {
    const { id } = await endpoint('/erase', ['*']);
    await ok(admin.update('webhook_endpoints', id, { active: false }));
    const { id: conversationId, contact } = await conversation();
    await inbound(conversationId, 'My address is 12 Secret Street');
    await ok(admin.request('POST', `/api/pocketdesk/contacts/${contact}/erase`));
    const waiting = await eventsFor(id);
    expect(waiting.filter((d) => d.status === 'pending').map((d) => d.type)).toEqual(['contact.erased']);
    await ok(admin.update('webhook_endpoints', id, { active: true }));
    await eventually(async () => receiver.uniqueEvents('/erase').length === 1, 'the erasure event');
    expect(receiver.uniqueEvents('/erase')[0]).toMatchObject({ type: 'contact.erased', data: { contact_id: contact } });
    expect(
      receiver
        .requests('/erase')
        .map((r) => r.body)
        .join(),
    ).not.toContain('Secret Street');
  });

  it('tells a chat target about breaches and bad ratings with a link to the conversation', async () => {
    const created = await ok(
      admin.create('webhook_endpoints', {
        name: 'Team chat',
        kind: 'chat',
        url: `${receiver.url}/chat`,
        events: ['sla.breached', 'csat.negative', 'conversation.waiting'],
        team: teamId,
        wait_minutes: 0,
        active: true,
      }),
    );
    expect(created.secret_set).toBe(false);
    const { id: conversationId } = await conversation();
    await ok(root.request('POST', '/api/pocketdesk/worker/integration-sweep'));
    await ok(root.update('conversations', conversationId, { sla_breached: true }));
    await ok(root.update('conversations', conversationId, { csat_rating: 1 }));
    await ok(root.update('conversations', conversationId, { csat_rating: 5 }));
    await ok(root.request('POST', '/api/pocketdesk/worker/integration-sweep'));
    await eventually(async () => receiver.requests('/chat').filter((r) => r.body.includes(conversationId)).length >= 3, 'three chat lines');
    const lines = receiver
      .requests('/chat')
      .map((r) => JSON.parse(r.body).text as string)
      .filter((t) => t.includes(conversationId));
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toMatch(/waited/);
    expect(lines.join('\n')).toMatch(/SLA breached/);
    expect(lines.join('\n')).toMatch(/rated the conversation 1\/5/);
    expect(lines.every((l) => l.includes(`/conversations/${conversationId}|`))).toBe(true);
  });

  it('refuses to send to a name that resolves to a private address unless the worker allows it', async () => {
    const name = hostname();
    const [resolved] = await lookup(name, { all: true });
    expect(isPublicAddress(resolved.address)).toBe(false);
    const port = new URL(receiver.url).port;
    // A second worker without the setting takes the endpoint's deliveries once the first one is gone.
    await worker.kill();
    worker = spawnWorker(pb.url, { ...WORKER_ENV, POCKETDESK_ALLOW_PRIVATE_WEBHOOKS: '' });
    const { id } = await endpoint('/ssrf', ['contact.created'], { url: `http://${name}:${port}/ssrf` });
    await ok(root.create('contacts', { wa_id: `3466${String(++seq).padStart(7, '0')}`, name: 'SSRF Customer' }));
    const paused = await eventually(async () => {
      const seen = await ok(admin.view('webhook_endpoints', id));
      return seen.active === false ? seen : null;
    }, 'the refusal');
    expect(paused.paused_reason).toBe('address-refused');
    expect(receiver.requests('/ssrf')).toHaveLength(0);
    const [delivery] = await eventsFor(id);
    expect(delivery).toMatchObject({ status: 'pending', last_error: 'private-address' });
  });
});

describe('endpoint URLs without POCKETDESK_ALLOW_PRIVATE_WEBHOOKS', () => {
  let strict: RunningPocketBase;
  let strictAdmin: Api;
  beforeAll(async () => {
    strict = await startPocketBase();
    const api = new Api(strict.url, strict.superuserToken);
    const created = await createAgent(api, { name: 'Strict Admin', role: 'admin' });
    strictAdmin = await api.as(created.email, PASSWORD);
  });
  afterAll(async () => strict?.stop());

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://10.0.0.5/hook',
    'http://169.254.169.254/latest',
    'http://[::1]/hook',
    'ftp://example.com/hook',
  ])('refuses %s', async (url) => {
    const response = await strictAdmin.create('webhook_endpoints', { name: 'Bad', kind: 'webhook', url, events: ['*'], active: true });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.data)).toEqual(['url']);
  });

  it('accepts a public https address and keeps it from agents', async () => {
    const response = await strictAdmin.create('webhook_endpoints', {
      name: 'CRM',
      kind: 'webhook',
      url: 'https://crm.example.com/hooks/pocketdesk',
      events: ['conversation.created'],
      active: true,
    });
    expect(response.status).toBe(200);
    const api = new Api(strict.url, strict.superuserToken);
    const agent = await createAgent(api, { name: 'Plain Agent' });
    const asAgent = await api.as(agent.email, PASSWORD);
    expect((await asAgent.request('GET', '/api/collections/webhook_endpoints/records')).body.items).toEqual([]);
    expect(
      (await asAgent.create('webhook_endpoints', { name: 'Mine', kind: 'webhook', url: 'https://x.example.com/', events: ['*'], active: true })).status,
    ).toBe(400);
  });
});
