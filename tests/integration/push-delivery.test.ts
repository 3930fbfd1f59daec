import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { Api } from '../support/api';
import { startMockPushService, type MockPushService } from '../support/mock-push-service';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { eventually } from '../support/stack';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';

const vapid = webpush.generateVAPIDKeys();

let pb: RunningPocketBase;
let api: Api;
let mock: MockPushService;
let worker: WorkerProcess;
let channelId: string;
let teamId: string;
let seq = 0;

/** The real worker process, trusting the mock's certificate through NODE_EXTRA_CA_CERTS. */
function startWorker(env: Record<string, string> = {}): WorkerProcess {
  return spawnWorker(pb.url, {
    WORKER_SWEEP_MS: '200',
    WORKER_LEASE_MS: '2000',
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: 'mailto:ops@pocketdesk.test',
    NODE_EXTRA_CA_CERTS: mock.caFile,
    ...env,
  });
}

async function newAgent(): Promise<{ id: string; client: Api }> {
  const { id, email } = await createAgent(api, { name: `Push Agent ${++seq}`, teams: [teamId] });
  return { id, client: await api.as(email, PASSWORD) };
}

async function created(response: { status: number; body: any }): Promise<string> {
  if (response.status !== 200) throw new Error(JSON.stringify(response.body));
  return response.body.id;
}

async function conversationFor(assignee: string, customer = `Customer ${++seq}`): Promise<string> {
  const contact = await created(await api.create('contacts', { wa_id: `3461${String(++seq).padStart(7, '0')}`, name: customer }));
  return created(
    await api.create('conversations', { contact, channel: channelId, team: teamId, status: 'open', assignee, last_inbound_at: new Date().toISOString() }),
  );
}

/** A device subscribes the way the PWA does: as the agent, with the mock's endpoint and keys. */
async function subscribeDevice(agent: { id: string; client: Api }): Promise<{ id: string; endpoint: string }> {
  const subscription = mock.subscribe(vapid.publicKey);
  const id = await created(
    await agent.client.create('push_subscriptions', {
      agent: agent.id,
      endpoint: subscription.endpoint,
      p256dh: subscription.keys.p256dh,
      auth: subscription.keys.auth,
      user_agent: 'vitest',
    }),
  );
  return { id, endpoint: subscription.endpoint };
}

async function notify(agentId: string, conversationId: string, data: Record<string, unknown> = {}): Promise<string> {
  return created(
    await api.create('notifications', {
      agent: agentId,
      conversation: conversationId,
      kind: 'assigned',
      title: `Notice ${++seq}`,
      body: 'My order never arrived',
      url: `/conversations/${conversationId}`,
      status: 'pending',
      attempts: 0,
      ...data,
    }),
  );
}

const notification = async (id: string) => (await api.view('notifications', id)).body;
const settled = (id: string, status = 'sent') =>
  eventually(async () => ((await notification(id)).status === status ? notification(id) : null), `notification ${id} ${status}`);
const payloads = (endpoint: string) => mock.received(endpoint).map((push) => JSON.parse(push.payload!));

beforeAll(async () => {
  pb = await startPocketBase({ VAPID_PUBLIC_KEY: vapid.publicKey });
  api = new Api(pb.url, pb.superuserToken);
  mock = await startMockPushService();
  teamId = await createTeam(api, 'Support');
  channelId = await createChannel(api, { name: 'Shop', default_team: teamId });
  worker = startWorker();
});

afterAll(async () => {
  await worker?.kill();
  await mock?.close();
  await pb?.stop();
});

describe('web push delivery through the worker', () => {
  it('pushes a pending notification, encrypted for the device, with TTL, urgency and topic', async () => {
    const agent = await newAgent();
    const device = await subscribeDevice(agent);
    const conversationId = await conversationFor(agent.id, 'Maria Lopez');
    const id = await notify(agent.id, conversationId, { title: 'Maria Lopez' });

    const sent = await settled(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, claimed_until: '' });
    const [push] = mock.received(device.endpoint);
    expect(mock.received(device.endpoint)).toHaveLength(1);
    expect(JSON.parse(push.payload!)).toEqual({
      title: 'Maria Lopez',
      body: 'Shop · My order never arrived',
      url: `/conversations/${conversationId}`,
      tag: `conversation-${conversationId}`,
      conversationId,
      kind: 'assigned',
    });
    expect(push.headers).toEqual({ ttl: 3600, urgency: 'high', topic: `c-${conversationId}` });
    expect(await api.list('push_deliveries', `notification = "${id}"`)).toMatchObject([{ subscription: device.id, status: 'sent', http_status: 201 }]);
    expect((await api.view('push_subscriptions', device.id)).body.last_success_at).not.toBe('');
    expect(mock.rejections()).toEqual([]);
  });

  it('keeps a long multilingual message within the push size limit', async () => {
    const agent = await newAgent();
    const device = await subscribeDevice(agent);
    const conversationId = await conversationFor(agent.id);
    const id = await notify(agent.id, conversationId, { kind: 'message', title: '👩🏽‍💻'.repeat(40), body: 'Ünïcödé 語 "quotes" \\ '.repeat(23) });

    await settled(id);
    const [payload] = payloads(device.endpoint);
    expect(Buffer.byteLength(mock.received(device.endpoint)[0].payload!, 'utf8')).toBeLessThanOrEqual(3993);
    expect(payload.kind).toBe('message');
    expect(payload.title.startsWith('👩🏽‍💻')).toBe(true);
    expect(mock.received(device.endpoint)[0].headers).toMatchObject({ urgency: 'normal' });
    expect(mock.rejections()).toEqual([]);
  });

  it('forgets a device its push service reports gone (410) and still reaches the others', async () => {
    const agent = await newAgent();
    const gone = await subscribeDevice(agent);
    const kept = await subscribeDevice(agent);
    mock.failNext(gone.endpoint, 410);
    const id = await notify(agent.id, await conversationFor(agent.id));

    await settled(id);
    expect((await api.view('push_subscriptions', gone.id)).status).toBe(404);
    expect(mock.requests(gone.endpoint).map((push) => push.status)).toEqual([410]);
    expect(mock.received(kept.endpoint)).toHaveLength(1);
    expect(await api.list('push_deliveries', `notification = "${id}"`)).toMatchObject([{ subscription: kept.id, status: 'sent' }]);
  });

  it('fails a notification whose only device is gone (404)', async () => {
    const agent = await newAgent();
    const gone = await subscribeDevice(agent);
    mock.failNext(gone.endpoint, 404);
    const id = await notify(agent.id, await conversationFor(agent.id));

    expect(await settled(id, 'failed')).toMatchObject({ attempts: 1 });
    expect((await api.view('push_subscriptions', gone.id)).status).toBe(404);
  });

  it.each([
    [500, {}],
    [429, { 'retry-after': '1' }],
  ])('retries after %i and then delivers exactly once', async (status, headers) => {
    const agent = await newAgent();
    const device = await subscribeDevice(agent);
    mock.failNext(device.endpoint, status, 1, headers);
    const id = await notify(agent.id, await conversationFor(agent.id));

    expect(await settled(id)).toMatchObject({ attempts: 2 });
    expect(mock.requests(device.endpoint).map((push) => push.status)).toEqual([status, 201]);
    expect(mock.received(device.endpoint)).toHaveLength(1);
    expect(await api.list('push_deliveries', `notification = "${id}"`)).toHaveLength(1);
  });

  it('delivers what was written while the worker was down exactly once to every device', async () => {
    await worker.kill();
    const agent = await newAgent();
    const devices = [await subscribeDevice(agent), await subscribeDevice(agent)];
    const conversations = [await conversationFor(agent.id), await conversationFor(agent.id), await conversationFor(agent.id)];
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) ids.push(await notify(agent.id, conversations[i % 3], { title: `While down #${i}` }));
    expect((await Promise.all(ids.map(notification))).every((n) => n.status === 'pending')).toBe(true);

    worker = startWorker();
    await Promise.all(ids.map((id) => settled(id)));
    for (const device of devices) {
      const titles = payloads(device.endpoint).map((payload) => payload.title);
      expect(titles.sort()).toEqual(ids.map((_, i) => `While down #${i}`).sort());
    }
    expect(await api.list('push_deliveries', ids.map((id) => `notification = "${id}"`).join(' || '))).toHaveLength(ids.length * devices.length);
  });

  it('does not push a notification that went stale before delivery', async () => {
    await worker.kill();
    const agent = await newAgent();
    const colleague = await newAgent();
    const device = await subscribeDevice(agent);
    const reassigned = await conversationFor(agent.id);
    const resolved = await conversationFor(agent.id);
    const answered = await conversationFor(agent.id);
    const ids = {
      reassigned: await notify(agent.id, reassigned, { title: 'Reassigned' }),
      resolved: await notify(agent.id, resolved, { title: 'Resolved' }),
      answered: await notify(agent.id, answered, { title: 'Answered' }),
    };
    await api.update('conversations', reassigned, { assignee: colleague.id });
    await api.update('conversations', resolved, { status: 'resolved' });
    await api.update('conversations', answered, { last_outbound_at: new Date(Date.now() + 1000).toISOString() });
    const fresh = await notify(agent.id, await conversationFor(agent.id), { title: 'Still relevant' });

    worker = startWorker();
    await Promise.all(Object.values(ids).map((id) => settled(id, 'stale')));
    await settled(fresh);
    expect(payloads(device.endpoint).map((payload) => payload.title)).toEqual(['Still relevant']);
    expect(await api.list('push_deliveries', `notification = "${ids.reassigned}"`)).toEqual([]);
  });

  it('pushes an offer with Accept and Decline, and drops one that moved on before it went out', async () => {
    await worker.kill();
    const agent = await newAgent();
    const colleague = await newAgent();
    const device = await subscribeDevice(agent);
    const offered = await conversationFor('');
    const movedOn = await conversationFor('');
    await api.update('conversations', offered, { offered_to: agent.id, offer_expires_at: new Date(Date.now() + 60_000).toISOString() });
    await api.update('conversations', movedOn, { offered_to: agent.id, offer_expires_at: new Date(Date.now() + 60_000).toISOString() });
    const live = await notify(agent.id, offered, { kind: 'offer', title: 'Live offer' });
    const stale = await notify(agent.id, movedOn, { kind: 'offer', title: 'Moved on' });
    // The agent declined it (or it lapsed) and the next colleague holds it now.
    await api.update('conversations', movedOn, { offered_to: colleague.id, offer_declined: [agent.id] });

    worker = startWorker();
    await settled(stale, 'stale');
    await settled(live);
    const [push] = mock.received(device.endpoint);
    expect(mock.received(device.endpoint)).toHaveLength(1);
    expect(JSON.parse(push.payload!)).toMatchObject({ title: 'Live offer', kind: 'offer', url: `/conversations/${offered}`, actions: ['accept', 'decline'] });
    expect(push.headers).toEqual({ ttl: 120, urgency: 'high', topic: `c-${offered}` });
  });

  it('takes over a notification whose worker died holding an expired lease', async () => {
    const agent = await newAgent();
    const device = await subscribeDevice(agent);
    const id = await notify(agent.id, await conversationFor(agent.id), { claimed_by: 'dead-worker', claimed_until: new Date(Date.now() - 1000).toISOString() });

    await settled(id);
    expect(mock.received(device.endpoint)).toHaveLength(1);
  });

  it('fails a notification for an agent without any device, without a push', async () => {
    const agent = await newAgent();
    const id = await notify(agent.id, await conversationFor(agent.id));

    expect(await settled(id, 'failed')).toMatchObject({ attempts: 0 });
  });

  it('records a device answer once even when a worker reports it twice', async () => {
    await worker.kill();
    const agent = await newAgent();
    const device = await subscribeDevice(agent);
    const id = await notify(agent.id, await conversationFor(agent.id));
    try {
      const claim = await api.request('POST', '/api/pocketdesk/worker/claim-notifications', { worker: 'manual', limit: 200 });
      const item = claim.body.items.find((claimed: { id: string }) => claimed.id === id);
      expect(item).toMatchObject({ stale: null, subscriptions: [{ id: device.id, endpoint: device.endpoint }] });
      expect((await notification(id)).claimed_by).toBe('manual');
      const report = { worker: 'manual', results: [{ id, devices: [{ subscription: device.id, outcome: 'sent', httpStatus: 201 }] }] };
      expect((await api.request('POST', '/api/pocketdesk/worker/push-results', report)).body).toEqual({ items: [{ id, status: 'sent' }] });
      expect((await api.request('POST', '/api/pocketdesk/worker/push-results', report)).status).toBe(200);
      expect(await api.list('push_deliveries', `notification = "${id}"`)).toHaveLength(1);
      expect(await notification(id)).toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      worker = startWorker();
    }
  });

  it('runs without web push, saying so once, when no VAPID keys are set', async () => {
    const bare = startWorker({ VAPID_PUBLIC_KEY: '', VAPID_PRIVATE_KEY: '' });
    try {
      await eventually(async () => bare.logs().includes('ready'), 'the worker without push to start');
      expect(bare.logs().match(/push: disabled/g)).toHaveLength(1);
    } finally {
      await bare.kill();
    }
  });

  it('lets only a superuser (the worker) claim notifications or record results', async () => {
    const agent = await newAgent();
    expect((await agent.client.request('POST', '/api/pocketdesk/worker/claim-notifications', {})).status).toBe(403);
    expect((await agent.client.request('POST', '/api/pocketdesk/worker/push-results', { worker: 'x', results: [] })).status).toBe(403);
    expect((await api.request('POST', '/api/pocketdesk/worker/push-results', { results: 'nope' })).body).toMatchObject({
      status: 400,
      reason: 'invalid-push-results',
    });
  });
});
