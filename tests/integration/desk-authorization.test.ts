import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';

// The desk routes (/api/pocketdesk/conversations/{id}/...) against a real PocketBase, with the accounts that
// matter: a manager of team One must not reach team Two's conversations through them, agents escalate only their
// own, and every route agrees with the collection's view rule about who may know a conversation exists.

let pb: RunningPocketBase;
let root: Api;
const as: Record<string, Api> = {};
const ids: Record<string, string> = {};
let contacts = 0;

/** A conversation created as the system would, with one customer message in it. */
async function conversation(data: Record<string, unknown>): Promise<string> {
  const contact = await root.create('contacts', { wa_id: `1555100${String(++contacts).padStart(4, '0')}`, name: `Customer ${contacts}` });
  const created = await root.create('conversations', {
    contact: contact.body.id,
    channel: ids.channel,
    status: 'open',
    last_inbound_at: new Date().toISOString(),
    last_message_preview: 'Where is my order?',
    ...data,
  });
  if (created.status !== 200) throw new Error(JSON.stringify(created.body));
  const message = await root.create('messages', {
    conversation: created.body.id,
    direction: 'in',
    type: 'text',
    text: 'Where is my order?',
    status: 'received',
    timestamp: new Date().toISOString(),
    wamid: `wamid.authz.${contacts}`,
  });
  if (message.status !== 200) throw new Error(JSON.stringify(message.body));
  return created.body.id;
}

const assign = (who: string, id: string, body: Record<string, unknown>) => as[who]!.request('POST', `/api/pocketdesk/conversations/${id}/assign`, body);
const preview = (who: string, id: string) => as[who]!.request('GET', `/api/pocketdesk/conversations/${id}/routing-preview`);
const current = async (id: string) => (await root.view('conversations', id)).body;

beforeAll(async () => {
  pb = await startPocketBase();
  root = new Api(pb.url, pb.superuserToken);
  for (const team of ['One', 'Two', 'Three', 'Four']) ids[`team${team}`] = await createTeam(root, `Team ${team}`);
  // Team Three is where this channel's conversations may be escalated; team Four is not.
  const route = { teamId: ids.teamOne, algorithm: 'in_order', autoReply: { enabled: false } };
  ids.channel = await createChannel(root, {
    default_team: ids.teamOne,
    routing: { newCustomer: { agentsOnline: route, agentsOffline: route }, escalationTeams: [ids.teamThree] },
  });
  for (const [key, spec] of Object.entries({
    managerOne: { name: 'Manager One', role: 'manager' as const, teams: [ids.teamOne] },
    agentOne: { name: 'Agent One', teams: [ids.teamOne] },
    agentOneBis: { name: 'Agent One Bis', teams: [ids.teamOne] },
    agentTwo: { name: 'Agent Two', teams: [ids.teamTwo] },
    agentThree: { name: 'Agent Three', teams: [ids.teamThree] },
    agentFour: { name: 'Agent Four', teams: [ids.teamFour] },
    admin: { name: 'Desk Admin', role: 'admin' as const, teams: [] },
  })) {
    const agent = await createAgent(root, { ...spec, status: 'online', max_open: 50 });
    ids[key] = agent.id;
    as[key] = await root.as(agent.email, PASSWORD);
  }
});
afterAll(async () => pb?.stop());

describe('a manager and another team’s conversation', () => {
  it('cannot pull it into their own team by escalating, nor then assign it to themselves', async () => {
    const id = await conversation({ team: ids.teamTwo, assignee: ids.agentTwo });
    expect((await as.managerOne!.view('conversations', id)).status).toBe(404);

    const escalated = await assign('managerOne', id, { action: 'escalate', teamId: ids.teamOne });
    expect(escalated.status).toBe(404);
    expect(escalated.body.reason).toBe('not-found');
    expect(await current(id)).toMatchObject({ team: ids.teamTwo, assignee: ids.agentTwo });

    const taken = await assign('managerOne', id, { action: 'assign', agentId: ids.managerOne });
    expect(taken.status).toBe(404);
    expect(await current(id)).toMatchObject({ team: ids.teamTwo, assignee: ids.agentTwo });
    expect(await as.managerOne!.list('messages', `conversation = "${id}"`)).toEqual([]);
    expect(await root.list('routing_events', `conversation = "${id}"`)).toEqual([]);
  });

  it('cannot claim, unassign or hand it over, and gets the same 404 as for a conversation that does not exist', async () => {
    const id = await conversation({ team: ids.teamTwo });
    for (const body of [
      { action: 'claim' },
      { action: 'unassign' },
      { action: 'handover', agentId: ids.agentOne },
      { action: 'assign', agentId: ids.agentTwo },
    ]) {
      const refused = await assign('managerOne', id, body);
      expect([body.action, refused.status, refused.body.reason]).toEqual([body.action, 404, 'not-found']);
    }
    const missing = await assign('managerOne', 'nosuchconvers00', { action: 'escalate', teamId: ids.teamOne });
    expect([missing.status, missing.body.reason]).toEqual([404, 'not-found']);
    expect((await current(id)).assignee).toBe('');
  });

  it('gets 404 from the routing preview, which still answers for their own team', async () => {
    const theirs = await conversation({ team: ids.teamTwo, assignee: ids.agentTwo });
    const refused = await preview('managerOne', theirs);
    expect([refused.status, refused.body.reason]).toEqual([404, 'not-found']);
    expect(refused.body).not.toHaveProperty('candidates');

    const own = await conversation({ team: ids.teamOne });
    const answered = await preview('managerOne', own);
    expect(answered.status).toBe(200);
    expect(answered.body).toHaveProperty('outcome');
    expect((await preview('admin', theirs)).status).toBe(200);
  });

  it('may move their own team’s conversation only to a team they manage or an escalation target', async () => {
    const toFour = await conversation({ team: ids.teamOne, assignee: ids.agentOne });
    const refused = await assign('managerOne', toFour, { action: 'escalate', teamId: ids.teamFour });
    expect([refused.status, refused.body.reason]).toEqual([403, 'escalation-target-not-allowed']);
    expect((await current(toFour)).team).toBe(ids.teamOne);

    const toThree = await conversation({ team: ids.teamOne, assignee: ids.agentOne });
    expect((await assign('managerOne', toThree, { action: 'escalate', teamId: ids.teamThree, note: 'Refund over the limit' })).status).toBe(200);
    expect((await current(toThree)).team).toBe(ids.teamThree);
  });

  it('may not give their team’s conversation to an agent outside the team', async () => {
    const id = await conversation({ team: ids.teamOne });
    const refused = await assign('managerOne', id, { action: 'assign', agentId: ids.agentTwo });
    expect([refused.status, refused.body.reason]).toEqual([403, 'not-in-team']);
    expect((await assign('managerOne', id, { action: 'assign', agentId: ids.agentOneBis })).status).toBe(200);
    expect((await current(id)).assignee).toBe(ids.agentOneBis);
  });
});

describe('an agent escalating', () => {
  it('cannot escalate a colleague’s conversation (404: not theirs to see) or the team queue (403: not theirs)', async () => {
    const colleagues = await conversation({ team: ids.teamOne, assignee: ids.agentOneBis });
    const hidden = await assign('agentOne', colleagues, { action: 'escalate', teamId: ids.teamThree });
    expect([hidden.status, hidden.body.reason]).toEqual([404, 'not-found']);

    const queued = await conversation({ team: ids.teamOne });
    const refused = await assign('agentOne', queued, { action: 'escalate', teamId: ids.teamThree });
    expect([refused.status, refused.body.reason]).toEqual([403, 'not-assignee']);
    expect(await current(colleagues)).toMatchObject({ team: ids.teamOne, assignee: ids.agentOneBis });
    expect(await current(queued)).toMatchObject({ team: ids.teamOne, assignee: '' });
  });

  it('escalates their own conversation to the channel’s escalation team, with the note for that team', async () => {
    const id = await conversation({ team: ids.teamOne, assignee: ids.agentOne });
    expect((await assign('agentOne', id, { action: 'escalate', teamId: ids.teamThree, note: 'Needs a refund' })).status).toBe(200);
    const after = await current(id);
    expect(after.team).toBe(ids.teamThree);
    // Routed within the target team: Agent Three is its only member (before, the channel's usual team got it).
    expect(after.assignee).toBe(ids.agentThree);
    expect((await root.list('notes', `conversation = "${id}"`)).map((note) => note.body)).toEqual(['Needs a refund']);
    const [event] = await root.list('routing_events', `conversation = "${id}" && trigger = "escalate"`);
    expect(event).toMatchObject({ team: ids.teamThree, actor: ids.agentOne });
  });

  it('escalates their own conversation within its own team (no team given): someone else there gets it', async () => {
    const id = await conversation({ team: ids.teamOne, assignee: ids.agentOne });
    expect((await assign('agentOne', id, { action: 'escalate' })).status).toBe(200);
    const after = await current(id);
    expect(after.team).toBe(ids.teamOne);
    expect(after.assignee).not.toBe(ids.agentOne);
  });

  it('cannot escalate their own conversation to a team the channel does not escalate to', async () => {
    const id = await conversation({ team: ids.teamOne, assignee: ids.agentOne });
    for (const teamId of [ids.teamTwo, ids.teamFour]) {
      const refused = await assign('agentOne', id, { action: 'escalate', teamId });
      expect([refused.status, refused.body.reason]).toEqual([403, 'escalation-target-not-allowed']);
    }
    expect(await current(id)).toMatchObject({ team: ids.teamOne, assignee: ids.agentOne });
    // An admin is not bound by the channel's targets.
    expect((await assign('admin', id, { action: 'escalate', teamId: ids.teamFour })).status).toBe(200);
    expect((await current(id)).team).toBe(ids.teamFour);
  });

  it('asks for the routing preview and is told it is for staff (403), or not found (404) when they cannot see it', async () => {
    const mine = await conversation({ team: ids.teamOne, assignee: ids.agentOne });
    const refused = await preview('agentOne', mine);
    expect([refused.status, refused.body.reason]).toEqual([403, 'staff-only']);
    const hidden = await conversation({ team: ids.teamTwo });
    expect((await preview('agentOne', hidden)).status).toBe(404);
  });
});

describe('offers and read receipts', () => {
  it('answers 404 to an offer answer from someone who cannot see the conversation', async () => {
    const id = await conversation({ team: ids.teamOne });
    await root.update('conversations', id, { offered_to: ids.agentOne, offer_expires_at: new Date(Date.now() + 60_000).toISOString() });
    const outsider = await as.agentTwo!.request('POST', `/api/pocketdesk/conversations/${id}/offer`, { answer: 'accept' });
    expect([outsider.status, outsider.body.reason]).toEqual([404, 'not-found']);
    const teammate = await as.agentOneBis!.request('POST', `/api/pocketdesk/conversations/${id}/offer`, { answer: 'accept' });
    expect([teammate.status, teammate.body.reason]).toEqual([409, 'offer-moved']);
    expect((await as.agentOne!.request('POST', `/api/pocketdesk/conversations/${id}/offer`, { answer: 'accept' })).status).toBe(200);
    expect((await current(id)).assignee).toBe(ids.agentOne);
  });

  it('marks read exactly the conversations the collection’s view rule shows, for every role', async () => {
    const cases = {
      teamOneQueue: { team: ids.teamOne },
      teamOneAgentOne: { team: ids.teamOne, assignee: ids.agentOne },
      teamTwoQueue: { team: ids.teamTwo },
      teamTwoAgentTwo: { team: ids.teamTwo, assignee: ids.agentTwo },
      teamTwoManagerOne: { team: ids.teamTwo, assignee: ids.managerOne },
      noTeamQueue: {},
      noTeamAgentTwo: { assignee: ids.agentTwo },
      noTeamManagerOne: { assignee: ids.managerOne },
      teamTwoOfferedToAgentOne: { team: ids.teamTwo, offered_to: ids.agentOne },
    };
    const seen: string[] = [];
    const marked: string[] = [];
    for (const [name, data] of Object.entries(cases)) {
      const id = await conversation(data);
      for (const who of ['managerOne', 'agentOne', 'agentTwo', 'admin']) {
        if ((await as[who]!.view('conversations', id)).status === 200) seen.push(`${who} ${name}`);
        const read = await as[who]!.request('POST', `/api/pocketdesk/conversations/${id}/read`);
        expect([200, 404]).toContain(read.status);
        if (read.status === 200) marked.push(`${who} ${name}`);
      }
    }
    expect(marked).toEqual(seen);
    // The rule itself, spelled out: what each one sees.
    expect(seen.filter((s) => s.startsWith('managerOne '))).toEqual([
      'managerOne teamOneQueue',
      'managerOne teamOneAgentOne',
      'managerOne teamTwoManagerOne',
      'managerOne noTeamQueue',
      'managerOne noTeamManagerOne',
    ]);
    expect(seen.filter((s) => s.startsWith('agentOne '))).toEqual([
      'agentOne teamOneQueue',
      'agentOne teamOneAgentOne',
      'agentOne noTeamQueue',
      'agentOne teamTwoOfferedToAgentOne',
    ]);
    expect(seen.filter((s) => s.startsWith('admin '))).toHaveLength(Object.keys(cases).length);
  });
});
