import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { createAgent, PASSWORD } from '../support/seed';
import { eventually, startStack, type Stack } from '../support/stack';

// Issue #15 items 6 and 7 against PocketBase + the simulator + the worker: reactions are signals that never reopen a
// conversation, and the satisfaction survey reaches the customer's phone outside the 24-hour window.
let stack: Stack;
let agent: Api;
let agentId: string;
let manager: Api;
let seq = 0;

async function customer(text: string, extra: Record<string, unknown> = {}) {
  const from = (extra.from as string) ?? `3471000${String(++seq).padStart(4, '0')}`;
  const { id } = await stack.sim.injectInbound({ from, name: `Signal ${seq}`, type: 'text', text, wait: true, ...extra });
  const [message] = await stack.api.list('messages', `wamid = "${id}"`);
  return { from, conversationId: message?.conversation as string, wamid: id };
}

/** The agent answers; resolves once WhatsApp has the answer (its wamid is what the customer reacts to). */
async function agentAnswers(conversationId: string, text: string): Promise<string> {
  const sent = await agent.create('messages', { conversation: conversationId, direction: 'out', author: agentId, type: 'text', text });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return eventually(async () => (await stack.api.view('messages', sent.body.id)).body.wamid as string, 'the answer at Meta');
}

const react = (from: string, messageId: string, emoji: string) =>
  stack.sim.injectInbound({ from, type: 'reaction', reaction: { messageId, emoji }, wait: true });
const conversation = async (id: string) => (await stack.api.view('conversations', id)).body;
const conversationsOf = async (from: string) => {
  const [contact] = await stack.api.list('contacts', `wa_id = "${from}"`);
  return stack.api.list('conversations', `contact = "${contact.id}"`);
};

beforeAll(async () => {
  stack = await startStack();
  const created = await createAgent(stack.api, { name: 'Signal Agent', teams: [stack.teamId] });
  agentId = created.id;
  agent = await stack.api.as(created.email, PASSWORD);
  const lead = await createAgent(stack.api, { name: 'Signal Lead', role: 'manager', teams: [stack.teamId] });
  manager = await stack.api.as(lead.email, PASSWORD);
  stack.startWorker();
});
afterAll(async () => stack?.stop());

describe('reactions as signals', () => {
  it('takes a 👍 on the last agent message of a resolved conversation as an acknowledgement, and leaves it resolved', async () => {
    const { from, conversationId } = await customer('my card was charged twice');
    await stack.api.update('conversations', conversationId, { assignee: agentId });
    await agentAnswers(conversationId, 'Let me check that for you.');
    const last = await agentAnswers(conversationId, 'Refunded: you will see it in two days.');
    expect((await agent.update('conversations', conversationId, { status: 'resolved' })).status).toBe(200);
    const resolved = await conversation(conversationId);

    await react(from, last, '👍');

    const after = await conversation(conversationId);
    expect(after).toMatchObject({ status: 'resolved', assignee: agentId, reopen_count: 0, resolved_at: resolved.resolved_at, acknowledged_with: '👍' });
    expect(after.acknowledged_at).not.toBe('');
    expect(await conversationsOf(from)).toHaveLength(1);
    const [target] = await stack.api.list('messages', `wamid = "${last}"`);
    expect(target.reactions.customer.emoji).toBe('👍');

    // The dashboard counts it, the same in its quick overview and its full report.
    const range = `from=${Date.now() - 3600_000}&to=${Date.now() + 60_000}`;
    const overview = await manager.request('GET', `/api/pocketdesk/metrics/overview?${range}`);
    const report = await manager.request('GET', `/api/pocketdesk/metrics?${range}`);
    expect(overview.body.csat.acknowledged).toBe(1);
    expect(report.body.summary.csat.acknowledged).toBe(1);
  });

  it('keeps a resolved conversation resolved for any other reaction, without counting it', async () => {
    const { from, conversationId } = await customer('where is my parcel');
    await stack.api.update('conversations', conversationId, { assignee: agentId });
    const first = await agentAnswers(conversationId, 'It left the warehouse today.');
    await agentAnswers(conversationId, 'Anything else?');
    await agent.update('conversations', conversationId, { status: 'resolved' });

    await react(from, first, '❤️');
    await react(from, first, '😡');

    expect(await conversation(conversationId)).toMatchObject({ status: 'resolved', assignee: agentId, reopen_count: 0, acknowledged_at: '', upset_at: '' });
    expect(await conversationsOf(from)).toHaveLength(1);
  });

  it('raises an open conversation’s priority once when the customer reacts 👎, and shows it until it is resolved', async () => {
    const { from, conversationId } = await customer('the app keeps crashing');
    await stack.api.update('conversations', conversationId, { assignee: agentId });
    const answer = await agentAnswers(conversationId, 'Have you tried restarting it?');
    const before = (await conversation(conversationId)).priority as number;
    // Answered: the conversation waits on the customer; an unhappy reaction puts it back on the agent's side.
    expect((await conversation(conversationId)).status).toBe('pending');

    await react(from, answer, '👎');
    const upset = await conversation(conversationId);
    expect(upset.status).toBe('open');
    expect(upset.priority).toBeGreaterThan(before);
    expect(upset.upset_at).not.toBe('');

    await react(from, answer, '😡');
    expect((await conversation(conversationId)).priority).toBe(upset.priority);

    await agent.update('conversations', conversationId, { status: 'resolved' });
    expect((await conversation(conversationId)).upset_at).toBe('');
  });

  it('does not let an agent write the signals through the collection API', async () => {
    const { conversationId } = await customer('hello');
    await stack.api.update('conversations', conversationId, { assignee: agentId });
    expect((await agent.update('conversations', conversationId, { upset_at: new Date().toISOString() })).status).not.toBe(200);
    expect((await agent.update('conversations', conversationId, { acknowledged_with: '👍' })).status).not.toBe(200);
  });
});

describe('the survey outside the 24-hour window', () => {
  const twoDaysAgo = () => new Date(Date.now() - 48 * 3600_000).toISOString();

  it('sends nothing when no approved survey template exists', async () => {
    const { conversationId } = await customer('thanks for the help last week');
    await stack.api.update('conversations', conversationId, { last_inbound_at: twoDaysAgo() });
    expect((await manager.update('conversations', conversationId, { status: 'resolved' })).status).toBe(200);
    expect(await stack.api.list('messages', `conversation = "${conversationId}" && sender = "bot"`)).toEqual([]);
  });

  it('sends the approved csat_request template to the customer’s phone, whose quick reply is the rating', async () => {
    const body = 'How would you rate the help you got from us? Tap an answer, or reply with a number from 1 (very bad) to 5 (excellent).';
    const created = await stack.api.create('templates', {
      name: 'csat_request',
      language: 'en_US',
      category: 'utility',
      parameter_format: 'positional',
      status: 'approved',
      channel: stack.channelId,
      components: [
        { type: 'BODY', text: body },
        { type: 'BUTTONS', buttons: ['1 – Very bad', '2 – Bad', '3 – Okay', '4 – Good', '5 – Excellent'].map((text) => ({ type: 'QUICK_REPLY', text })) },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const { from, conversationId } = await customer('any news on my refund?');
    await stack.api.update('conversations', conversationId, { last_inbound_at: twoDaysAgo() });
    expect((await manager.update('conversations', conversationId, { status: 'resolved' })).status).toBe(200);

    const [survey] = await stack.api.list('messages', `conversation = "${conversationId}" && sender = "bot"`);
    expect(survey).toMatchObject({ type: 'template', text: body, payload: { purpose: 'csat' } });
    const atPhone = await eventually(
      async () => stack.sim.sentMessages().find((m) => m.waId === from && m.type === 'template'),
      'the survey on the customer’s phone',
    );
    expect(atPhone.template?.name).toBe('csat_request');
    expect(atPhone.card?.body).toBe(body);
    const good = atPhone.card?.quickReplies?.[3];
    expect(good?.text).toBe('4 – Good');

    await stack.sim.injectInbound({ from, type: 'button', button: { payload: good!.payload, text: good!.text }, contextId: atPhone.id, wait: true });
    expect(await conversation(conversationId)).toMatchObject({ status: 'resolved', csat_rating: 4 });
  });
});
