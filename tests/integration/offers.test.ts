import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { postWebhook, textWebhook } from '../support/webhook-client';

// Offers against a real PocketBase: routing offers, agents accept or decline, the sweep expires (with injected
// time), and owners who asked for it hear about new customer messages.

let pb: RunningPocketBase;
let root: Api;
let channelId: string;
let seq = 0;

interface Member {
  id: string;
  client: Api;
}

/** A team that uses offers, its online agents, and the channel routing new customers to it by round robin. */
async function offerTeam(size: number, team: Record<string, unknown> = {}): Promise<{ teamId: string; members: Member[] }> {
  const teamId = await createTeam(root, `Offers ${++seq}`);
  const saved = await root.update('teams', teamId, { assignment_mode: 'offer', ...team });
  if (saved.status !== 200) throw new Error(JSON.stringify(saved.body));
  const members: Member[] = [];
  for (let i = 0; i < size; i++) {
    const { id, email } = await createAgent(root, { name: `Offer Agent ${seq}-${i}`, teams: [teamId], status: 'online', max_open: 5 });
    members.push({ id, client: await root.as(email, PASSWORD) });
  }
  const route = { teamId, algorithm: 'in_order', autoReply: { enabled: false } };
  const routed = await root.update('channels', channelId, {
    default_team: teamId,
    routing: { newCustomer: { agentsOnline: route, agentsOffline: route }, backlog: { algorithm: 'in_order' } },
  });
  if (routed.status !== 200) throw new Error(JSON.stringify(routed.body));
  return { teamId, members };
}

/** A customer writes; returns their conversation. */
async function customerWrites(from = `3462${String(++seq).padStart(7, '0')}`, text = 'Is my order ready?'): Promise<{ id: string; from: string }> {
  const response = await postWebhook(pb.url, JSON.stringify(textWebhook({ from, name: `Customer ${from}`, wamid: `wamid.offer.${++seq}`, text })));
  if (response.status !== 200) throw new Error(`webhook ${response.status}: ${response.text}`);
  const [conversation] = await root.list('conversations', `contact.wa_id = "${from}"`, '-created');
  return { id: conversation.id, from };
}

const conversation = async (id: string) => (await root.view('conversations', id)).body;
const answer = (member: Member, conversationId: string, value: string) =>
  member.client.request('POST', `/api/pocketdesk/conversations/${conversationId}/offer`, { answer: value });
const sweep = (now: number) => root.request('POST', '/api/pocketdesk/worker/offer-sweep', { now });
const routingLog = (conversationId: string) => root.list('routing_events', `conversation = "${conversationId}"`, 'created,id');
const memberOf = (members: Member[], id: string) => members.find((m) => m.id === id)!;

beforeAll(async () => {
  pb = await startPocketBase();
  root = new Api(pb.url, pb.superuserToken);
  channelId = await createChannel(root);
});
afterAll(async () => pb?.stop());

describe('team offer settings', () => {
  it('are admin-only and validated when saved', async () => {
    const teamId = await createTeam(root, 'Settings team');
    const admin = await createAgent(root, { name: 'Offer Admin', role: 'admin' });
    const agent = await createAgent(root, { name: 'Offer Plain', teams: [teamId] });
    const asAdmin = await root.as(admin.email, PASSWORD);
    const asAgent = await root.as(agent.email, PASSWORD);

    expect((await asAdmin.update('teams', teamId, { assignment_mode: 'offer', offer_timeout_seconds: 90 })).body).toMatchObject({
      assignment_mode: 'offer',
      offer_timeout_seconds: 90,
    });
    const badMode = await asAdmin.update('teams', teamId, { assignment_mode: 'lottery' });
    expect(badMode.status).toBe(400);
    expect(Object.keys(badMode.body.data)).toEqual(['assignment_mode']);
    const tooShort = await asAdmin.update('teams', teamId, { offer_timeout_seconds: 5 });
    expect(tooShort.status).toBe(400);
    expect(Object.keys(tooShort.body.data)).toEqual(['offer_timeout_seconds']);
    expect((await asAgent.update('teams', teamId, { assignment_mode: 'assign' })).status).toBeGreaterThanOrEqual(400);
    expect((await root.view('teams', teamId)).body).toMatchObject({ assignment_mode: 'offer', offer_timeout_seconds: 90 });
  });
});

describe('offers (real PocketBase)', () => {
  it('offers a new conversation to one agent with an offer push and the team timeout, without assigning it', async () => {
    const { teamId, members } = await offerTeam(2, { offer_timeout_seconds: 45 });
    const before = Date.now();
    const { id } = await customerWrites();
    const offered = await conversation(id);
    expect(offered).toMatchObject({ assignee: '', team: teamId, offer_declined: [] });
    expect(members.map((m) => m.id)).toContain(offered.offered_to);
    const expiresAt = Date.parse(offered.offer_expires_at.replace(' ', 'T'));
    expect(expiresAt).toBeGreaterThanOrEqual(before + 45_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 45_000);
    expect(await root.list('notifications', `conversation = "${id}"`)).toMatchObject([
      { agent: offered.offered_to, kind: 'offer', status: 'pending', url: `/conversations/${id}` },
    ]);
    expect((await routingLog(id)).map((e) => [e.trigger, e.outcome, e.agent])).toEqual([['inbound', 'offered', offered.offered_to]]);
    // The agent sees it (it is in their team's queue) and may not move the offer by editing the record.
    const holder = memberOf(members, offered.offered_to);
    expect((await holder.client.view('conversations', id)).status).toBe(200);
    expect((await holder.client.update('conversations', id, { offered_to: '' })).status).toBeGreaterThanOrEqual(400);
  });

  it('rolls a declined offer to the next agent, never back, and queues it once everyone declined', async () => {
    const { members } = await offerTeam(3);
    const { id } = await customerWrites();
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const holder = (await conversation(id)).offered_to;
      expect(seen).not.toContain(holder);
      seen.push(holder);
      const declined = await answer(memberOf(members, holder), id, 'decline');
      expect(declined).toMatchObject({ status: 200, body: { ok: true, outcome: 'declined' } });
    }
    expect(new Set(seen).size).toBe(3);
    const queued = await conversation(id);
    expect(queued).toMatchObject({ assignee: '', offered_to: '', offer_expires_at: '' });
    expect([...queued.offer_declined].sort()).toEqual([...seen].sort());
    expect((await root.list('notifications', `conversation = "${id}" && kind = "offer"`, 'created,id')).map((n) => n.agent)).toEqual(seen);
    const log = await routingLog(id);
    expect(log.map((e) => [e.trigger, e.outcome])).toEqual([
      ['inbound', 'offered'],
      ['offer-declined', 'offered'],
      ['offer-declined', 'offered'],
      ['offer-declined', 'queued'],
    ]);
    expect(log[3].excluded).toEqual(expect.arrayContaining(seen.map((agentId) => ({ agentId, reason: 'declined' }))));
    expect(log.slice(1).map((e) => e.actor)).toEqual(seen);
    expect((await answer(memberOf(members, seen[0]), id, 'accept')).body).toMatchObject({ status: 409, reason: 'offer-moved' });
    expect((await root.list('audit_log', `record_id = "${id}" && action = "offer-declined"`)).map((a) => a.actor)).toEqual(expect.arrayContaining(seen));
    expect((await root.list('audit_log', `record_id = "${id}" && action = "offer"`)).map((a) => a.changes.offered_to.to)).toEqual(
      expect.arrayContaining(seen.slice(1)),
    );
  });

  it('rolls an offer on when its time is up (time injected into the sweep), not before', async () => {
    const { members } = await offerTeam(2, { offer_timeout_seconds: 30 });
    const { id } = await customerWrites();
    const first = await conversation(id);
    const deadline = Date.parse(first.offer_expires_at.replace(' ', 'T'));

    // Counts include other tests' offers: what matters is this conversation.
    expect((await sweep(deadline - 1000)).status).toBe(200);
    expect((await conversation(id)).offered_to).toBe(first.offered_to);

    expect((await sweep(deadline + 1000)).body.count).toBeGreaterThanOrEqual(1);
    const second = await conversation(id);
    expect(second.offered_to).not.toBe(first.offered_to);
    expect(members.map((m) => m.id)).toContain(second.offered_to);
    expect(second.offer_declined).toEqual([first.offered_to]);
    expect((await routingLog(id)).at(-1)).toMatchObject({ trigger: 'offer-expired', outcome: 'offered', agent: second.offered_to, actor: '' });
    expect((await answer(memberOf(members, first.offered_to), id, 'accept')).body).toMatchObject({ status: 409, reason: 'offer-moved' });
  });

  it('answers 409 offer-expired to an accept after the deadline, even before the sweep ran', async () => {
    const { members } = await offerTeam(1, { offer_timeout_seconds: 10 });
    const { id } = await customerWrites();
    const offered = await conversation(id);
    // Backdating the deadline stands in for waiting ten seconds.
    await root.update('conversations', id, { offer_expires_at: new Date(Date.now() - 1000).toISOString() });
    expect((await answer(memberOf(members, offered.offered_to), id, 'accept')).body).toMatchObject({ status: 409, reason: 'offer-expired' });
    expect((await conversation(id)).assignee).toBe('');
  });

  it('gives the conversation to the agent who accepts in time, ending the offer', async () => {
    const { members } = await offerTeam(2);
    const { id } = await customerWrites();
    const holder = memberOf(members, (await conversation(id)).offered_to);
    const other = members.find((m) => m !== holder)!;

    expect((await answer(other, id, 'accept')).body).toMatchObject({ status: 409, reason: 'offer-moved' });
    expect((await answer(holder, id, 'maybe')).body).toMatchObject({ status: 400, reason: 'invalid-offer-answer', data: { answer: { code: 'invalid' } } });
    expect(await answer(holder, id, 'accept')).toMatchObject({ status: 200, body: { ok: true, outcome: 'assigned' } });
    expect(await conversation(id)).toMatchObject({ assignee: holder.id, offered_to: '', offer_expires_at: '', offer_declined: [] });
    expect((await routingLog(id)).at(-1)).toMatchObject({ trigger: 'offer-accept', outcome: 'assigned', agent: holder.id, actor: holder.id });
    expect((await answer(holder, id, 'accept')).body).toMatchObject({ status: 409, reason: 'already-yours' });
    // Nothing of this conversation is left to expire (the sweep moves other tests' offers).
    expect((await sweep(Date.now() + 3_600_000)).status).toBe(200);
    expect(await conversation(id)).toMatchObject({ assignee: holder.id, offered_to: '' });
    expect((await routingLog(id)).at(-1)).toMatchObject({ trigger: 'offer-accept' });
  });

  it('leaves exactly one owner when accepts and a colleague’s claim race', async () => {
    const { members } = await offerTeam(2);
    const { id } = await customerWrites();
    const holder = memberOf(members, (await conversation(id)).offered_to);
    const other = members.find((m) => m !== holder)!;
    const results = await Promise.all([
      ...Array.from({ length: 6 }, () => answer(holder, id, 'accept')),
      other.client.request('POST', `/api/pocketdesk/conversations/${id}/assign`, { action: 'claim' }),
      ...Array.from({ length: 2 }, () => answer(other, id, 'accept')),
    ]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(results.length - 1);
    const owned = await conversation(id);
    expect([holder.id, other.id]).toContain(owned.assignee);
    expect(owned.offered_to).toBe('');
    expect((await root.list('routing_events', `conversation = "${id}" && outcome = "assigned"`)).length).toBe(1);
  });

  it('spreads a burst of new customers over the team: an open offer holds a seat', async () => {
    const { members } = await offerTeam(2);
    const offered: string[] = [];
    for (let i = 0; i < 4; i++) offered.push((await conversation((await customerWrites()).id)).offered_to);
    expect(members.map((m) => offered.filter((id) => id === m.id).length)).toEqual([2, 2]);
  });

  it('frees the seat of an expired offer at once, before the sweep moves it on', async () => {
    const { members } = await offerTeam(1);
    const [only] = members;
    await root.update('agents', only!.id, { max_open: 1 });
    const first = await customerWrites();
    expect((await conversation(first.id)).offered_to).toBe(only!.id);
    // While the offer is open the seat is taken: the next customer waits in the queue.
    const waiting = await customerWrites();
    expect((await conversation(waiting.id)).offered_to).toBe('');
    await root.update('conversations', first.id, { offer_expires_at: new Date(Date.now() - 1000).toISOString() });
    const next = await customerWrites();
    expect((await conversation(next.id)).offered_to).toBe(only!.id);
  });

  it('refuses an accept beyond the agent’s capacity', async () => {
    const { members } = await offerTeam(1);
    const [holder] = members;
    const { id } = await customerWrites();
    // The admin lowered the agent's capacity below what they already hold.
    const { id: busy } = await customerWrites();
    await root.update('conversations', busy, { assignee: holder.id, offered_to: '' });
    await root.update('agents', holder.id, { max_open: 1 });
    expect((await answer(holder, id, 'accept')).body).toMatchObject({ status: 409, reason: 'at-capacity' });
    expect((await conversation(id)).offered_to).toBe(holder.id);
  });

  it('offers to nobody who declined when the backlog is handed out later', async () => {
    const { members } = await offerTeam(2);
    const { id } = await customerWrites();
    for (let i = 0; i < 2; i++) await answer(memberOf(members, (await conversation(id)).offered_to), id, 'decline');
    expect((await conversation(id)).offered_to).toBe('');
    // A colleague comes online: the backlog sweep offers it to them, not to the two who passed.
    const teamId = (await conversation(id)).team;
    const late = await createAgent(root, { name: `Late Agent ${++seq}`, teams: [teamId], status: 'offline' });
    await root.update('agents', late.id, { status: 'online' });
    expect(await conversation(id)).toMatchObject({ assignee: '', offered_to: late.id });
  });
});

describe('new-message notifications for owners', () => {
  async function ownedConversation(notify: boolean): Promise<{ id: string; from: string; owner: string }> {
    const teamId = await createTeam(root, `Plain ${++seq}`);
    const { id: owner } = await createAgent(root, { name: `Owner ${seq}`, teams: [teamId], status: 'online' });
    await root.update('agents', owner, { notify_new_messages: notify });
    const from = `3463${String(++seq).padStart(7, '0')}`;
    const contact = (await root.create('contacts', { wa_id: from, name: `Customer ${from}`, owner })).body.id;
    const id = (await root.create('conversations', { contact, channel: channelId, team: teamId, status: 'open', assignee: owner })).body.id;
    return { id, from, owner };
  }

  const messageNotifications = (id: string) => root.list('notifications', `conversation = "${id}" && kind = "message"`);

  it('tells an owner who turned it on about each new customer message, one waiting push per conversation', async () => {
    const { id, from, owner } = await ownedConversation(true);
    await customerWrites(from, 'Where is my parcel?');
    expect(await messageNotifications(id)).toMatchObject([{ agent: owner, status: 'pending', body: 'Where is my parcel?', url: `/conversations/${id}` }]);
    await customerWrites(from, 'Hello? Anyone there?');
    expect((await messageNotifications(id)).map((n) => n.body)).toEqual(['Hello? Anyone there?']);
  });

  it('lets the assignment push stand for the first message of a ticket routed to the owner (plain assignment)', async () => {
    const { members } = await offerTeam(1, { assignment_mode: 'assign' });
    await root.update('agents', members[0].id, { notify_new_messages: true });
    const { id } = await customerWrites();
    expect((await conversation(id)).assignee).toBe(members[0].id);
    expect((await root.list('notifications', `conversation = "${id}"`)).map((n) => [n.agent, n.kind])).toEqual([[members[0].id, 'assigned']]);
  });

  it('writes nothing for an owner who left it off (the default)', async () => {
    const { id, from } = await ownedConversation(false);
    await customerWrites(from, 'Where is my parcel?');
    expect(await messageNotifications(id)).toEqual([]);
    expect((await root.list('messages', `conversation = "${id}" && direction = "in"`)).length).toBe(1);
  });

  it('lets an agent switch it on for themselves', async () => {
    const { email, id } = await createAgent(root, { name: `Self ${++seq}` });
    const self = await root.as(email, PASSWORD);
    expect((await self.update('agents', id, { notify_new_messages: true })).body).toMatchObject({ notify_new_messages: true });
  });
});
