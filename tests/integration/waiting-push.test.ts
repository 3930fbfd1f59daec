import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { notificationClickPath } from '../../src/lib/domain/notifications/notification-url';
import { Api } from '../support/api';
import { startMockPushService, type MockPushService } from '../support/mock-push-service';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { drainStoredWebhooks, eventually } from '../support/stack';
import { postWebhook, textWebhook } from '../support/webhook-client';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';

// Push for waiting work and the one-person shop, through real PocketBase, the real worker and the mock push
// service: what each agent's phone received. The channels keep a fresh install's routing and auto-replies.

const vapid = webpush.generateVAPIDKeys();
const MIN = 60_000;

let mock: MockPushService;
let customers = 0;

interface Desk {
  pb: RunningPocketBase;
  root: Api;
  worker: WorkerProcess;
}

async function startDesk(): Promise<Desk> {
  const pb = await startPocketBase({ VAPID_PUBLIC_KEY: vapid.publicKey });
  const worker = spawnWorker(pb.url, {
    WORKER_SWEEP_MS: '200',
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: 'mailto:ops@pocketdesk.test',
    NODE_EXTRA_CA_CERTS: mock.caFile,
  });
  return { pb, root: new Api(pb.url, pb.superuserToken), worker };
}

async function stopDesk(desk: Desk | undefined): Promise<void> {
  await desk?.worker.kill();
  await desk?.pb.stop();
}

/** A device subscribes the way the PWA does: as the agent, with the mock's endpoint and keys. */
async function subscribeDevice(desk: Desk, agent: { id: string; email: string }): Promise<string> {
  const client = await desk.root.as(agent.email, PASSWORD);
  const subscription = mock.subscribe(vapid.publicKey);
  const response = await client.create('push_subscriptions', {
    agent: agent.id,
    endpoint: subscription.endpoint,
    p256dh: subscription.keys.p256dh,
    auth: subscription.keys.auth,
    user_agent: 'vitest',
  });
  if (response.status !== 200) throw new Error(JSON.stringify(response.body));
  return subscription.endpoint;
}

/** A new customer writes; returns their conversation once the webhook was applied. */
async function customerWrites(desk: Desk, text = 'Hello, is anyone there?'): Promise<string> {
  const n = ++customers;
  const from = `4477100${String(n).padStart(5, '0')}`;
  const response = await postWebhook(desk.pb.url, JSON.stringify(textWebhook({ from, name: `Waiting ${n}`, wamid: `wamid.waiting.${n}`, text })));
  if (response.status !== 200) throw new Error(`webhook ${response.status}`);
  await drainStoredWebhooks(desk.root);
  const [conversation] = await desk.root.list('conversations', `contact.wa_id = "${from}"`);
  return conversation.id;
}

const pushesTo = (endpoint: string) => mock.received(endpoint).map((push) => JSON.parse(push.payload!));
const sweep = async (desk: Desk, now = Date.now()) =>
  (await desk.root.request('POST', '/api/pocketdesk/worker/waiting-push-sweep', { now })).body.count as number;

beforeAll(async () => {
  mock = await startMockPushService();
});
afterAll(async () => mock?.close());

describe('push for waiting work', () => {
  let desk: Desk;
  let teamId: string;
  let ana: { id: string; email: string };
  let ben: { id: string; email: string };
  let cid: { id: string; email: string };
  let admin: { id: string; email: string };
  const phones: Record<string, string> = {};
  const waiting: string[] = [];

  beforeAll(async () => {
    desk = await startDesk();
    teamId = await createTeam(desk.root, 'Support');
    await createChannel(desk.root, { default_team: teamId, routing: { newCustomer: { agentsOnline: { teamId }, agentsOffline: { teamId } } } });
    // Switched off while the customers arrive, so the one-minute cron cannot announce the first one alone.
    await desk.root.update('teams', teamId, { settings: { waitingPush: { enabled: false, everyMinutes: 15 } } });
    ana = await createAgent(desk.root, { name: 'Ana Waiting', teams: [teamId], status: 'offline' });
    ben = await createAgent(desk.root, { name: 'Ben Waiting', teams: [teamId], status: 'away' });
    cid = await createAgent(desk.root, { name: 'Cid Waiting', teams: [teamId], status: 'offline' });
    admin = await createAgent(desk.root, { name: 'Ada Admin', role: 'admin', status: 'offline' });
    for (const agent of [ana, ben, admin]) phones[agent.id] = await subscribeDevice(desk, agent);
  });
  afterAll(async () => stopDesk(desk));

  it('lets an admin set the team’s waiting push, refusing what the sweep could not read', async () => {
    const asAdmin = await desk.root.as(admin.email, PASSWORD);
    const refused = await asAdmin.update('teams', teamId, { settings: { waitingPush: { enabled: true, everyMinutes: 0 } } });
    expect(refused.status).toBe(400);
    expect(refused.body.data['settings.waitingPush.everyMinutes'].code).toBe('too-small');
    const saved = await asAdmin.update('teams', teamId, { settings: { waitingPush: { enabled: false, everyMinutes: 15 } } });
    expect(saved.status).toBe(200);
    expect(saved.body.settings.waitingPush).toEqual({ enabled: false, everyMinutes: 15 });
  });

  it('tells each subscribed agent of the team once that 3 customers wait, with a Claim button', async () => {
    for (let i = 0; i < 3; i++) waiting.push(await customerWrites(desk));
    expect(await desk.root.list('conversations', `team = "${teamId}" && assignee = "" && status = "open"`)).toHaveLength(3);
    await desk.root.update('teams', teamId, { settings: { waitingPush: { enabled: true, everyMinutes: 15 } } });
    await sweep(desk);

    for (const agent of [ana, ben]) {
      const [push] = await eventually(async () => (pushesTo(phones[agent.id]).length ? pushesTo(phones[agent.id]) : null), `${agent.email}'s waiting push`);
      expect(push).toMatchObject({
        kind: 'waiting',
        title: '3 customers waiting',
        count: 3,
        tag: 'waiting',
        actions: ['claim'],
        url: `/conversations/${waiting[0]}`,
      });
    }
    const rows = await desk.root.list('notifications', 'kind = "waiting"');
    expect(rows.map((row) => row.agent).sort()).toEqual([ana.id, ben.id].sort());
    expect(rows.every((row) => row.team === teamId && row.count === 3)).toBe(true);
    // Cid has no device; the admin is not in the team.
    expect(pushesTo(phones[admin.id])).toEqual([]);
  });

  it('pushes nothing again within 15 minutes, even for a new customer, then once with the new count', async () => {
    expect(await sweep(desk)).toBe(0);
    waiting.push(await customerWrites(desk));
    expect(await sweep(desk, Date.now() + 5 * MIN)).toBe(0);
    expect(await desk.root.list('notifications', 'kind = "waiting"')).toHaveLength(2);

    expect(await sweep(desk, Date.now() + 16 * MIN)).toBe(2);
    const second = await eventually(async () => (pushesTo(phones[ana.id]).length === 2 ? pushesTo(phones[ana.id])[1] : null), 'the second waiting push');
    expect(second).toMatchObject({ title: '4 customers waiting', count: 4 });
    // The same customers are not announced again: nobody new since.
    expect(await sweep(desk, Date.now() + 40 * MIN)).toBe(0);
    expect(pushesTo(phones[ben.id])).toHaveLength(2);
  });

  it('claims the first customer in line from the Claim button, through the claim route and its checks', async () => {
    const [push] = pushesTo(phones[ana.id]);
    expect(notificationClickPath(push.url, 'claim')).toBe(`/conversations/${waiting[0]}?claim=1`);
    // The page the button opens claims with the agent's own session: claiming is for agents on shift, so it puts
    // the agent (off shift: that is why the push came) on shift first.
    const asAna = await desk.root.as(ana.email, PASSWORD);
    const offShift = await asAna.request('POST', `/api/pocketdesk/conversations/${waiting[0]}/assign`, { action: 'claim' });
    expect([offShift.status, offShift.body.reason]).toEqual([409, 'offline']);
    expect((await asAna.update('agents', ana.id, { status: 'online' })).status).toBe(200);
    // Coming on shift may already hand her the queue, first in line first (the backlog sweep): then it is hers already.
    const claimed = await asAna.request('POST', `/api/pocketdesk/conversations/${waiting[0]}/assign`, { action: 'claim' });
    expect(claimed.status === 200 || claimed.body.reason === 'already-yours').toBe(true);
    expect((await desk.root.view('conversations', waiting[0])).body.assignee).toBe(ana.id);
    const asBen = await desk.root.as(ben.email, PASSWORD);
    const late = await asBen.request('POST', `/api/pocketdesk/conversations/${waiting[0]}/assign`, { action: 'claim' });
    expect(late.status).toBe(409);
    expect(late.body.reason).toBe('already-assigned');
  });

  it('sends an SLA breach of a team without managers to the admins, even while an agent owns the conversation', async () => {
    const channel = (await desk.root.list('channels'))[0].id;
    await desk.root.request('PATCH', `/api/collections/channels/records/${channel}`, {
      service: {
        sla: { policies: [{ firstResponseMinutes: 5, businessHoursOnly: false, escalation: { notifyManager: true, raisePriorityTo: null, reassign: false } }] },
      },
    });
    await desk.root.request('POST', '/api/pocketdesk/worker/sla-sweep', { now: Date.now() + 10 * MIN });
    const alerts = await desk.root.list('notifications', `kind = "sla" && conversation = "${waiting[0]}"`);
    expect(alerts.map((row) => row.agent)).toEqual([admin.id]);
    // Ana owns it: the admin's alert is still pushed, not dropped as someone else's conversation.
    const push = await eventually(
      async () => pushesTo(phones[admin.id]).find((p) => p.kind === 'sla' && p.conversationId === waiting[0]),
      'the admin’s SLA push',
    );
    expect(push.url).toBe(`/conversations/${waiting[0]}`);
    expect(alerts.map((row) => row.agent)).not.toContain(cid.id);
  });
});

describe('the one-person shop', () => {
  let desk: Desk;
  let kofi: { id: string; email: string };
  let phone: string;

  beforeAll(async () => {
    desk = await startDesk();
    await createChannel(desk.root);
    kofi = await createAgent(desk.root, { name: 'Kofi Alone', status: 'offline' });
    phone = await subscribeDevice(desk, kofi);
  });
  afterAll(async () => stopDesk(desk));

  it('gives a new customer at night to the offline sole agent, and pushes it to their phone', async () => {
    const conversation = await customerWrites(desk, 'Are you open tomorrow?');
    const record = (await desk.root.view('conversations', conversation)).body;
    expect(record.assignee).toBe(kofi.id);
    const push = await eventually(async () => pushesTo(phone).find((p) => p.conversationId === conversation), 'the assignment push');
    expect(push).toMatchObject({ kind: 'assigned', url: `/conversations/${conversation}` });
    // Assigned, so never announced as waiting.
    expect(await sweep(desk)).toBe(0);
  });

  it('gives them every next customer too, and the SLA alerts nobody else could get', async () => {
    const conversation = await customerWrites(desk, 'One more question');
    expect((await desk.root.view('conversations', conversation)).body.assignee).toBe(kofi.id);
    const channel = (await desk.root.list('channels'))[0].id;
    await desk.root.request('PATCH', `/api/collections/channels/records/${channel}`, {
      service: {
        sla: { policies: [{ firstResponseMinutes: 5, businessHoursOnly: false, escalation: { notifyManager: true, raisePriorityTo: null, reassign: false } }] },
      },
    });
    await desk.root.request('POST', '/api/pocketdesk/worker/sla-sweep', { now: Date.now() + 10 * MIN });
    expect((await desk.root.list('notifications', `kind = "sla" && conversation = "${conversation}"`)).map((row) => row.agent)).toEqual([kofi.id]);
  });
});
