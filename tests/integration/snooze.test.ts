import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { postWebhook, textWebhook } from '../support/webhook-client';

// Snooze against a real PocketBase: the route (through the desk authorization), the sweep with injected time, a
// customer's message waking it at once, the owner's push on every wake, and the fields kept out of the collection API.

let pb: RunningPocketBase;
let root: Api;
let owner: Api;
let ownerId: string;
let teammate: Api;
let outsider: Api;
let manager: Api;
let seq = 0;

const dateOf = (stored: string) => (stored ? Date.parse(stored.replace(' ', 'T')) : null);
const conversation = async (id: string) => (await root.view('conversations', id)).body;
const snooze = (client: Api, id: string, body: unknown) => client.request('POST', `/api/pocketdesk/conversations/${id}/snooze`, body);
const sweep = (now: number) => root.request('POST', '/api/pocketdesk/worker/snooze-sweep', { now });
const snoozePushes = (id: string) => root.list('notifications', `conversation = "${id}" && kind = "snooze"`);

async function customerWrites(from: string, text = 'Any news on my order?'): Promise<string> {
  const response = await postWebhook(pb.url, JSON.stringify(textWebhook({ from, name: `Customer ${from}`, wamid: `wamid.snooze.${++seq}`, text })));
  if (response.status !== 200) throw new Error(`webhook ${response.status}: ${response.text}`);
  const [found] = await root.list('conversations', `contact.wa_id = "${from}"`, '-created');
  return found.id;
}

/** A new customer's conversation, assigned to the owner. */
async function ownersConversation(): Promise<{ id: string; from: string }> {
  const from = `3463${String(++seq).padStart(7, '0')}`;
  const id = await customerWrites(from, 'Hello');
  if ((await conversation(id)).assignee !== ownerId) {
    const assigned = await root.request('POST', `/api/pocketdesk/conversations/${id}/assign`, { action: 'assign', agentId: ownerId });
    if (assigned.status !== 200) throw new Error(JSON.stringify(assigned.body));
  }
  return { id, from };
}

beforeAll(async () => {
  pb = await startPocketBase();
  root = new Api(pb.url, pb.superuserToken);
  const teamId = await createTeam(root, 'Snooze team');
  const other = await createTeam(root, 'Other team');
  const made = await createAgent(root, { name: 'Snooze Owner', teams: [teamId], status: 'online' });
  ownerId = made.id;
  owner = await root.as(made.email, PASSWORD);
  teammate = await root.as((await createAgent(root, { name: 'Snooze Teammate', teams: [teamId], status: 'away' })).email, PASSWORD);
  outsider = await root.as((await createAgent(root, { name: 'Snooze Outsider', teams: [other], status: 'away' })).email, PASSWORD);
  manager = await root.as((await createAgent(root, { name: 'Snooze Manager', role: 'manager', teams: [teamId], status: 'away' })).email, PASSWORD);
  const route = { teamId, algorithm: 'in_order', autoReply: { enabled: false } };
  await createChannel(root, {
    default_team: teamId,
    timezone: 'Europe/Madrid',
    routing: { newCustomer: { agentsOnline: route, agentsOffline: route }, backlog: { algorithm: 'in_order' } },
  });
});
afterAll(async () => pb?.stop());

describe('snooze (real PocketBase)', () => {
  it('snoozes until a preset and wakes at that time by the sweep, with a push to the owner', async () => {
    const { id } = await ownersConversation();
    const before = Date.now();
    const snoozed = await snooze(owner, id, { preset: 'one-hour' });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body).toMatchObject({ ok: true, reason: 'until-time' });
    const until = snoozed.body.until as number;
    expect(until).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(dateOf((await conversation(id)).snoozed_until)).toBe(Math.floor(until));
    expect((await conversation(id)).snooze_reason).toBe('until-time');

    expect((await sweep(until - 60_000)).status).toBe(200);
    expect((await conversation(id)).snooze_reason).toBe('until-time');
    expect(await snoozePushes(id)).toEqual([]);

    const woke = await sweep(until + 1_000);
    expect(woke.body.count).toBeGreaterThanOrEqual(1);
    expect(await conversation(id)).toMatchObject({ snooze_reason: '', snoozed_until: '', status: 'open', assignee: ownerId });
    expect(await snoozePushes(id)).toMatchObject([{ agent: ownerId, kind: 'snooze', status: 'pending', url: `/conversations/${id}` }]);
  });

  it('wakes at once when the customer writes, whatever the time, with one push', async () => {
    const { id, from } = await ownersConversation();
    expect((await snooze(owner, id, { untilCustomerWrites: true })).body).toEqual({ ok: true, reason: 'until-customer', until: null });
    await sweep(Date.now() + 365 * 86_400_000);
    expect((await conversation(id)).snooze_reason).toBe('until-customer');

    await customerWrites(from, 'Here is the photo you asked for');
    expect(await conversation(id)).toMatchObject({ snooze_reason: '', last_message_preview: 'Here is the photo you asked for' });
    const pushes = await root.list('notifications', `conversation = "${id}" && status = "pending" && (kind = "snooze" || kind = "message")`);
    expect(pushes).toMatchObject([{ agent: ownerId, kind: 'snooze', body: 'Here is the photo you asked for' }]);
  });

  it('lets the owner and the manager who runs it snooze, and nobody else', async () => {
    const { id } = await ownersConversation();
    // A colleague's conversation is invisible to a teammate (the same answer as no conversation at all).
    expect(await snooze(teammate, id, { preset: 'next-week' })).toMatchObject({ status: 404, body: { reason: 'not-found' } });
    expect(await snooze(outsider, id, { preset: 'next-week' })).toMatchObject({ status: 404, body: { reason: 'not-found' } });
    // Back in the team's queue (nobody online to take it), the teammate sees it but may not hide it from everyone.
    await root.update('agents', ownerId, { status: 'away' });
    expect((await manager.request('POST', `/api/pocketdesk/conversations/${id}/assign`, { action: 'unassign' })).status).toBe(200);
    expect(await snooze(teammate, id, { preset: 'next-week' })).toMatchObject({ status: 403, body: { reason: 'not-assignee' } });
    await root.update('agents', ownerId, { status: 'online' });
    expect((await snooze(new Api(pb.url, ''), id, { preset: 'next-week' })).status).toBe(401);
    expect((await conversation(id)).snooze_reason).toBe('');
    expect((await snooze(manager, id, { preset: 'next-week' })).status).toBe(200);
    expect((await conversation(id)).snooze_reason).toBe('until-time');
  });

  it('keeps the snooze fields out of the collection API, even for the owner', async () => {
    const { id } = await ownersConversation();
    const edited = await owner.update('conversations', id, { snooze_reason: 'until-customer' });
    expect(edited.status).toBeGreaterThanOrEqual(400);
    expect((await conversation(id)).snooze_reason).toBe('');
  });

  it('refuses times that make no sense and bodies it cannot read, with reasons', async () => {
    const { id } = await ownersConversation();
    expect(await snooze(owner, id, { until: Date.now() + 60_000 })).toMatchObject({ status: 400, body: { reason: 'too-soon' } });
    expect(await snooze(owner, id, { until: Date.now() + 200 * 86_400_000 })).toMatchObject({ status: 400, body: { reason: 'too-far' } });
    expect(await snooze(owner, id, { preset: 'someday' })).toMatchObject({ status: 400, body: { reason: 'invalid-snooze' } });
    expect(await snooze(owner, id, {})).toMatchObject({ status: 400, body: { reason: 'invalid-snooze' } });
    expect((await conversation(id)).snooze_reason).toBe('');
  });

  it('takes a custom time, wakes by hand without a push, and ends with a resolution', async () => {
    const { id } = await ownersConversation();
    const until = Date.now() + 3 * 86_400_000;
    expect((await snooze(owner, id, { until })).body).toEqual({ ok: true, reason: 'until-time', until });
    expect((await snooze(owner, id, { wake: true })).body).toEqual({ ok: true, reason: null, until: null });
    expect((await conversation(id)).snooze_reason).toBe('');

    expect((await snooze(owner, id, { until })).status).toBe(200);
    expect((await owner.update('conversations', id, { status: 'resolved' })).status).toBe(200);
    expect(await conversation(id)).toMatchObject({ status: 'resolved', snooze_reason: '', snoozed_until: '' });
    expect(await snooze(owner, id, { preset: 'one-hour' })).toMatchObject({ status: 409, body: { reason: 'resolved' } });
    await sweep(until + 1_000);
    expect(await snoozePushes(id)).toEqual([]);
  });
});
