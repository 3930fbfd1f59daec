import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { drainStoredWebhooks } from '../support/stack';
import { postWebhook, textWebhook } from '../support/webhook-client';

// Presence that survives a pocket (issue #15): shift schedules set agents online and off through the presence sweep,
// run here through its worker route with an injected `now` (the cron runs the same code every minute).

const HOUR = 3_600_000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
let pb: RunningPocketBase;
let root: Api;
let teamId: string;
let channelId: string;
let wamid = 0;

const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);
/** A UTC schedule with one span on the weekday `from` falls on, from `from` to `to` (overnight when it wraps). */
const spanSchedule = (from: number, to: number) => ({
  timezone: 'UTC',
  weekly: { [WEEKDAYS[new Date(from).getUTCDay()]!]: [{ start: clock(from), end: clock(to) }] },
});
const always = { timezone: 'UTC', weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, [{ start: '00:00', end: '24:00' }]])) };

async function sweep(now: number): Promise<void> {
  const response = await root.request('POST', '/api/pocketdesk/worker/presence-sweep', { now });
  expect(response.status).toBe(200);
}
async function statusOf(id: string): Promise<string> {
  return (await root.view('agents', id)).body.status;
}
async function customerWrites(from: string, text = 'Hello again'): Promise<any> {
  const response = await postWebhook(pb.url, JSON.stringify(textWebhook({ from, name: `Customer ${from}`, wamid: `wamid.shift.${++wamid}`, text })));
  expect(response.status).toBe(200);
  await drainStoredWebhooks(root);
  const contact = (await root.list('contacts', `wa_id = "${from}"`))[0];
  return (await root.list('conversations', `contact = "${contact.id}" && status != "resolved"`))[0];
}
async function saveSchedule(api: Api, agentId: string, schedule: unknown) {
  return api.request('POST', `/api/pocketdesk/agents/${agentId}/shift-schedule`, { schedule });
}

beforeAll(async () => {
  pb = await startPocketBase();
  root = new Api(pb.url, pb.superuserToken);
  teamId = await createTeam(root, 'Shop floor');
  channelId = await createChannel(root, { default_team: teamId });
});
afterAll(async () => pb?.stop());

describe('an agent on shift whose phone sleeps', () => {
  it('stays online after 5 silent hours and gets the new customer, while an agent without a schedule goes away', async () => {
    const onShift = await createAgent(root, { name: 'Pocket Phone', teams: [teamId], status: 'online' });
    const noSchedule = await createAgent(root, { name: 'Desk Phone', teams: [teamId], status: 'online' });
    const now = Date.now();
    for (const agent of [onShift, noSchedule]) {
      const api = await root.as(agent.email, PASSWORD);
      expect((await api.update('agents', agent.id, { last_seen: new Date(now).toISOString() })).status).toBe(200);
    }
    const own = await root.as(onShift.email, PASSWORD);
    expect((await saveSchedule(own, onShift.id, always)).status).toBe(200);

    await sweep(now + 5 * HOUR);
    expect(await statusOf(onShift.id)).toBe('online');
    expect(await statusOf(noSchedule.id)).toBe('away');
    const conversation = await customerWrites('447700100001', 'Hi, first time here');
    expect(conversation.assignee).toBe(onShift.id);

    // Out of the way of the next tests.
    expect((await saveSchedule(own, onShift.id, null)).status).toBe(200);
    await root.update('agents', onShift.id, { status: 'offline' });
    await root.update('agents', noSchedule.id, { status: 'offline' });
    await root.update('conversations', conversation.id, { status: 'resolved' });
  });
});

describe('the toggle overrides the schedule until the next boundary', () => {
  it('keeps an agent away for the rest of the shift, then off, then online at the next shift start', async () => {
    const agent = await createAgent(root, { name: 'Toggle Tess', teams: [teamId], status: 'offline' });
    const api = await root.as(agent.email, PASSWORD);
    const now = Date.now();
    const start = Math.floor((now - HOUR) / 60_000) * 60_000;
    const end = Math.floor((now + HOUR) / 60_000) * 60_000;
    expect((await saveSchedule(api, agent.id, spanSchedule(start, end))).status).toBe(200);
    await sweep(now);
    expect(await statusOf(agent.id)).toBe('online');

    expect((await api.update('agents', agent.id, { status: 'away' })).status).toBe(200);
    expect(Date.parse((await root.view('agents', agent.id)).body.status_override_until)).toBe(end);
    await sweep(now + 30 * 60_000);
    expect(await statusOf(agent.id)).toBe('away');
    await sweep(end + 60_000);
    expect(await statusOf(agent.id)).toBe('offline');
    expect((await root.view('agents', agent.id)).body.status_override_until).toBe('');
    await sweep(start + 7 * 24 * HOUR);
    expect(await statusOf(agent.id)).toBe('online');

    expect((await api.update('agents', agent.id, { status_override_until: new Date(now).toISOString() })).status).not.toBe(200);
    expect((await saveSchedule(api, agent.id, null)).status).toBe(200);
    await root.update('agents', agent.id, { status: 'offline' });
  });

  it('refuses a schedule with a bad time beside the field, and a colleague who is not their manager', async () => {
    const agent = await createAgent(root, { name: 'Field Errors', teams: [teamId], status: 'offline' });
    const api = await root.as(agent.email, PASSWORD);
    const bad = await saveSchedule(api, agent.id, { weekly: { mon: [{ start: '25:00', end: '26:00' }] } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.data)).toContain('schedule.weekly.mon.0.start');
    const colleague = await createAgent(root, { name: 'Nosy Colleague', teams: [teamId], status: 'offline' });
    expect((await saveSchedule(await root.as(colleague.email, PASSWORD), agent.id, always)).status).toBe(403);
    const manager = await createAgent(root, { name: 'Team Manager', role: 'manager', teams: [teamId], status: 'offline' });
    const saved = await saveSchedule(await root.as(manager.email, PASSWORD), agent.id, { weekly: { tue: [{ start: '09:00', end: '17:00' }] } });
    expect(saved.status).toBe(200);
    // No zone given: the desk's (the channel's) time zone.
    expect((await root.view('agents', agent.id)).body.shift_schedule.timezone).toBe('UTC');
    await saveSchedule(api, agent.id, null);
  });
});

describe("an owner's shift ends", () => {
  it('sends their returning customers to a cover (even with keep-owner), and hands them back at the next shift start', async () => {
    const routing = { returningCustomer: { ownerUnavailable: 'keep-owner' } };
    expect((await root.update('channels', channelId, { routing })).status).toBe(200);
    const owner = await createAgent(root, { name: 'Shop Owner', teams: [teamId], status: 'online' });
    const cover = await createAgent(root, { name: 'Weekend Cover', teams: [teamId], status: 'offline' });
    const customers = ['447700200001', '447700200002'];
    for (const from of customers) {
      const first = await customerWrites(from, 'Hi, I bought a lamp');
      expect(first.assignee).toBe(owner.id);
      await root.update('conversations', first.id, { status: 'resolved' });
    }

    const now = Date.now();
    const nextShift = Math.floor((now + 2 * HOUR) / 60_000) * 60_000;
    const ownerApi = await root.as(owner.email, PASSWORD);
    expect((await saveSchedule(ownerApi, owner.id, spanSchedule(nextShift, nextShift + 2 * HOUR))).status).toBe(200);
    await sweep(now);
    expect(await statusOf(owner.id)).toBe('offline');
    await root.update('agents', cover.id, { status: 'online' });

    const covered = [];
    for (const from of customers) {
      const conversation = await customerWrites(from, 'The lamp flickers');
      expect(conversation.assignee).toBe(cover.id);
      expect(conversation.covering_for).toBe(owner.id);
      covered.push(conversation.id);
    }

    // Without the team setting nothing comes back; with it, both come back with one notification.
    await root.update('teams', teamId, { hand_back_to_owner: true });
    const notificationsBefore = (await root.list('notifications', `agent = "${owner.id}"`)).length;
    await sweep(nextShift + 60_000);
    expect(await statusOf(owner.id)).toBe('online');
    for (const id of covered) {
      const conversation = (await root.view('conversations', id)).body;
      expect(conversation.assignee).toBe(owner.id);
      expect(conversation.covering_for).toBe('');
      const events = await root.list('routing_events', `conversation = "${id}" && trigger = "hand-back"`);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ agent: owner.id, reason: 'owner-shift-started' });
    }
    const notifications = await root.list('notifications', `agent = "${owner.id}"`, '-created');
    expect(notifications.length).toBe(notificationsBefore + 1);
    // Said by the owner's device in its own language (push-wording.ts); the English travels as the fallback.
    expect(notifications[0]).toMatchObject({ kind: 'assigned', wording: { key: 'handed-back', count: 2 } });
  });
});
