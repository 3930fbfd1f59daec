import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { createAgent, createTeam, PASSWORD } from '../support/seed';
import { startStack, type Stack } from '../support/stack';

// Issue #20 against a real PocketBase: a customer who escalated twice before goes straight to the supervisors'
// team by a rule condition, and an angry, urgent message raises the priority and carries the cues the chips show.
let stack: Stack;
let supervisors: string;
let agent: Api;
let agentId: string;
let supervisorId: string;
let seq = 0;

const quiet = { autoReply: { enabled: false } };

async function customerWrites(from: string, text: string) {
  const { id } = await stack.sim.injectInbound({ from, name: `Customer ${from}`, type: 'text', text, wait: true });
  const [message] = await stack.api.list('messages', `wamid = "${id}"`);
  const conversation = (await stack.api.view('conversations', message?.conversation as string)).body;
  return { message, conversation };
}

beforeAll(async () => {
  stack = await startStack();
  supervisors = await createTeam(stack.api, 'Supervisors');
  const created = await createAgent(stack.api, { name: 'Front Agent', teams: [stack.teamId] });
  agentId = created.id;
  agent = await stack.api.as(created.email, PASSWORD);
  supervisorId = (await createAgent(stack.api, { name: 'Sara Supervisor', role: 'manager', teams: [supervisors] })).id;
  const routing = {
    newCustomer: { agentsOnline: quiet, agentsOffline: quiet },
    escalationTeams: [supervisors],
    rules: [{ name: 'Escalated twice before', escalatedBefore: 2, teamId: supervisors }],
  };
  const saved = await stack.api.update('channels', stack.channelId, { routing });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
});
afterAll(async () => stack?.stop());

describe('predictive signals in routing', () => {
  it('routes a customer who escalated twice before to the supervisors, with the escalation points', async () => {
    const from = `3472000${String(++seq).padStart(4, '0')}`;
    for (const text of ['My card was charged twice', 'The refund is wrong']) {
      const { conversation } = await customerWrites(from, text);
      // Once escalated is not twice: the rule leaves the second ticket with the front line.
      expect(conversation).toMatchObject({ team: stack.teamId, assignee: agentId });
      const escalated = await agent.request('POST', `/api/pocketdesk/conversations/${conversation.id}/assign`, { action: 'escalate', teamId: supervisors });
      expect(escalated.status, JSON.stringify(escalated.body)).toBe(200);
      expect((await stack.api.update('conversations', conversation.id, { status: 'resolved' })).status).toBe(200);
      // Resolved long ago, so the next message opens a new ticket rather than reopening this one.
      expect((await stack.api.update('conversations', conversation.id, { resolved_at: '2020-01-01 00:00:00.000Z' })).status).toBe(200);
    }

    const { conversation } = await customerWrites(from, 'Hello, a question about my statement');

    expect(conversation).toMatchObject({ team: supervisors, assignee: supervisorId });
    expect(await stack.api.list('conversations', `contact = "${conversation.contact}"`)).toHaveLength(3);
    // normal (100) + 40 per earlier escalation.
    expect(conversation.priority).toBe(180);
    const [event] = await stack.api.list('routing_events', `conversation = "${conversation.id}"`);
    expect(event).toMatchObject({ team: supervisors, rule: 'Escalated twice before' });
    // "Why is this mine?" reads the same sum from the log: the level and each signal's points.
    expect(event.priority).toEqual({
      score: 180,
      reasons: [
        { code: 'level', points: 100, detail: 'normal' },
        { code: 'escalated', points: 80, detail: '2' },
      ],
    });
    // The supervisor reads it through the records API, as the app does.
    const supervisorApi = await stack.api.as('sara.supervisor@pocketdesk.test', PASSWORD);
    const [seen] = await supervisorApi.list('routing_events', `conversation = "${conversation.id}"`);
    expect(seen.priority.score).toBe(180);
  });
});

describe('sentiment and urgency per message', () => {
  it('raises the priority of an angry, urgent first message and stores its reading and cues', async () => {
    const calm = await customerWrites(`3472100${String(++seq).padStart(4, '0')}`, 'Hola, ¿dónde está mi pedido?');
    expect(calm.conversation).toMatchObject({ priority: 100, sentiment: 'neutral', urgent: false });

    const { message, conversation } = await customerWrites(
      `3472100${String(++seq).padStart(4, '0')}`,
      'ESTO ES UNA VERGÜENZA, nadie me responde. Lo necesito ya mismo!!!',
    );

    expect(message).toMatchObject({ sentiment: 'negative', urgent: true });
    expect(message.sentiment_score).toBeLessThan(-0.5);
    expect(message.signal_cues).toEqual(['negative-words', 'exclamations', 'urgent']);
    // normal (100) + a negative message (30) + an urgent one (40), the fresh-install points.
    expect(conversation).toMatchObject({ priority: 170, sentiment: 'negative', urgent: true, signal_cues: message.signal_cues });
  });

  it('shows the latest message: a calm follow-up takes the chip down', async () => {
    const from = `3472200${String(++seq).padStart(4, '0')}`;
    const first = await customerWrites(from, 'This is terrible, my parcel never arrived');
    expect(first.conversation).toMatchObject({ sentiment: 'negative' });
    const next = await customerWrites(from, 'Thank you so much, it just arrived!');
    expect(next.conversation).toMatchObject({ id: first.conversation.id, sentiment: 'positive', urgent: false, signal_cues: ['praise'] });
  });

  it('refuses a reading written by an agent', async () => {
    const { conversation } = await customerWrites(`3472300${String(++seq).padStart(4, '0')}`, 'Worst service ever');
    const changed = await agent.update('conversations', conversation.id, { sentiment: 'positive' });
    expect(changed.status).toBeGreaterThanOrEqual(400);
    const sent = await agent.create('messages', { conversation: conversation.id, direction: 'out', author: agentId, type: 'text', text: 'hi', urgent: true });
    expect(sent.status).toBeGreaterThanOrEqual(400);
  });
});

describe('the dashboard', () => {
  it('counts, per bucket, the conversations with a negative customer message among those where the customer wrote, never past now', async () => {
    const admin = await createAgent(stack.api, { name: 'Dana Admin', role: 'admin' });
    const dana = await stack.api.as(admin.email, PASSWORD);
    await customerWrites(`3472400${String(++seq).padStart(4, '0')}`, 'You are useless, I am furious 😡');
    const from = Date.now() - 3_600_000;
    const overview = await dana.request('GET', `/api/pocketdesk/metrics/overview?from=${from}&to=${from + 2 * 86_400_000}&bucket=day`);
    expect(overview.status, JSON.stringify(overview.body)).toBe(200);

    const inbound = await stack.api.list('messages', `direction = "in"`);
    const wrote = new Set(inbound.map((m: any) => m.conversation));
    const negative = new Set(inbound.filter((m: any) => m.sentiment === 'negative').map((m: any) => m.conversation));
    expect(negative.size).toBeGreaterThan(0);
    // One bucket: the period's second day has not happened yet, so it is not plotted.
    expect(overview.body.negativeShare).toHaveLength(1);
    expect(overview.body.negativeShare[0]).toMatchObject({ start: from, conversations: wrote.size, negative: negative.size });
    expect(overview.body.negativeShare[0].end).toBeLessThanOrEqual(Date.now());
  });
});
