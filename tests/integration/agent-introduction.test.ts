import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY_TEXTS } from '../../src/lib/domain/autoreply/reply-texts';
import { renderTemplate } from '../../src/lib/domain/autoreply/template-text';
import type { Api } from '../support/api';
import { createAgent, createTeam, PASSWORD } from '../support/seed';
import { eventually, startStack, type Stack } from '../support/stack';

// Issue 15, item 2: whichever path gives a conversation an owner, the customer's phone hears who took it, once per
// agent, and never about an agent who is not there. The channel runs a fresh install's settings (routing replies,
// greeting, out-of-hours) with its "send this message after assign" reply switched on, the setting under test.

let stack: Stack;
let specialists: string;
let seq = 0;
const people = new Map<string, { id: string; client: Api }>();
const NAMES = ['Ana', 'Ben', 'Cleo', 'Olga', 'Sam', 'Ada'];

const introduction = (agent: string) => renderTemplate(DEFAULT_REPLY_TEXTS.en['after-assign'], { agent_name: agent });
const person = (name: string) => people.get(name)!;

/** Puts exactly these agents online, everyone else offline (coming online hands out the waiting queue). */
async function onlineOnly(...names: string[]): Promise<void> {
  for (const name of NAMES) if (!names.includes(name)) await stack.api.update('agents', person(name).id, { status: 'offline' });
  for (const name of names) expect((await person(name).client.update('agents', person(name).id, { status: 'online' })).status).toBe(200);
}

async function customerWrites(text: string, from = `3471000${String(++seq).padStart(4, '0')}`): Promise<{ from: string; conversationId: string }> {
  const { id } = await stack.sim.injectInbound({ from, name: `Intro ${seq}`, type: 'text', text, wait: true });
  const [message] = await stack.api.list('messages', `wamid = "${id}"`);
  return { from, conversationId: message.conversation as string };
}

/** The channel's routing: the defaults, Specialists to escalate to, and `extra`. */
const routingWith = (extra: Record<string, unknown> = {}) => ({ escalationTeams: [specialists], ...extra });
const setRouting = async (extra: Record<string, unknown> = {}) =>
  expect((await stack.api.update('channels', stack.channelId, { routing: routingWith(extra) })).status).toBe(200);
const conversation = async (id: string) => (await stack.api.view('conversations', id)).body;
const act = (name: string, conversationId: string, body: Record<string, unknown>) =>
  person(name).client.request('POST', `/api/pocketdesk/conversations/${conversationId}/assign`, body);

/**
 * The agents introduced on the customer's phone, in order, once everything the conversation queued has gone out
 * (so an introduction sent twice would be seen).
 */
async function introducedOnPhone(from: string, conversationId: string): Promise<string[]> {
  await eventually(
    async () =>
      (await stack.api.list('messages', `conversation = "${conversationId}" && direction = "out" && (status = "queued" || status = "sending")`)).length === 0,
    'the conversation’s messages sent',
  );
  const previews = stack.sim
    .sentMessages()
    .filter((m) => m.waId === from || m.input === from)
    .map((m) => m.preview);
  // On a customer's first message the introduction ends the one automatic message, after the greeting.
  return previews.flatMap((preview) => NAMES.filter((name) => preview === introduction(name) || preview.endsWith(` ${introduction(name)}`)));
}

/** Waits until the phone shows `expected` introductions, then checks nothing more arrived. */
async function expectIntroductions(from: string, conversationId: string, expected: string[]): Promise<void> {
  // A missing introduction shows as a difference below, not as a timeout.
  await eventually(async () => (await introducedOnPhone(from, conversationId)).length >= expected.length, `introductions ${expected.join(', ')}`).catch(
    () => null,
  );
  expect(await introducedOnPhone(from, conversationId)).toEqual(expected);
}

beforeAll(async () => {
  stack = await startStack();
  specialists = await createTeam(stack.api, 'Specialists');
  const saved = await stack.api.update('channels', stack.channelId, { routing: routingWith(), auto_replies: { afterAssign: { enabled: true } } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const specs = [
    { name: 'Ana', teams: [stack.teamId] },
    { name: 'Ben', teams: [stack.teamId] },
    // No own limit: the channel's default capacity applies to her.
    { name: 'Cleo', teams: [stack.teamId], max_open: 0 },
    { name: 'Olga', teams: [stack.teamId] },
    { name: 'Sam', teams: [specialists] },
    { name: 'Ada', role: 'admin' as const },
  ];
  for (const spec of specs) {
    const { id, email } = await createAgent(stack.api, { status: 'offline', ...spec });
    people.set(spec.name, { id, client: await stack.api.as(email, PASSWORD) });
  }
  stack.startWorker();
});
afterAll(async () => stack?.stop());

describe('every assignment path introduces the agent once', () => {
  it('claim: the agent who takes a waiting conversation is introduced', async () => {
    await onlineOnly('Cleo');
    await setRouting({ capacity: { defaultMaxOpen: 1 } });
    const first = await customerWrites('Hello, first one');
    expect((await conversation(first.conversationId)).assignee).toBe(person('Cleo').id);
    // Cleo is full: the next customer waits in the queue.
    const waiting = await customerWrites('Hello, anyone?');
    expect((await conversation(waiting.conversationId)).assignee).toBe('');
    // The admin raises the limit (a channel setting, which moves nobody); Cleo claims the waiting customer.
    await setRouting();
    expect((await act('Cleo', waiting.conversationId, { action: 'claim' })).status).toBe(200);
    await expectIntroductions(waiting.from, waiting.conversationId, ['Cleo']);
    await customerWrites('Thanks!', waiting.from);
    await expectIntroductions(waiting.from, waiting.conversationId, ['Cleo']);
  });

  it('backlog sweep: the agent who comes online and gets the queue is introduced', async () => {
    await onlineOnly();
    const { from, conversationId } = await customerWrites('Is anybody there?');
    expect((await conversation(conversationId)).assignee).toBe('');
    await onlineOnly('Ben');
    await eventually(async () => (await conversation(conversationId)).assignee === person('Ben').id, 'the sweep to hand it to Ben');
    await expectIntroductions(from, conversationId, ['Ben']);
    // The customer writing again is the inbound path's turn: it sees Ben was already introduced.
    await customerWrites('Great, thanks', from);
    await expectIntroductions(from, conversationId, ['Ben']);
  });

  it('manager assign: an online colleague is introduced, an offline one never, and nobody twice', async () => {
    await onlineOnly('Ana');
    const { from, conversationId } = await customerWrites('I need help with an order');
    expect((await conversation(conversationId)).assignee).toBe(person('Ana').id);
    await expectIntroductions(from, conversationId, ['Ana']);
    await onlineOnly('Ana', 'Ben');
    expect((await act('Ada', conversationId, { action: 'assign', agentId: person('Olga').id })).status).toBe(200);
    expect((await act('Ada', conversationId, { action: 'assign', agentId: person('Ben').id })).status).toBe(200);
    expect((await act('Ada', conversationId, { action: 'assign', agentId: person('Ben').id })).status).toBe(409);
    expect((await act('Ada', conversationId, { action: 'assign', agentId: person('Ana').id })).status).toBe(200);
    await expectIntroductions(from, conversationId, ['Ana', 'Ben']);
  });

  it('handover: the new agent is introduced; handing it back says nothing again', async () => {
    await onlineOnly('Ana');
    const { from, conversationId } = await customerWrites('My parcel is late');
    expect((await conversation(conversationId)).assignee).toBe(person('Ana').id);
    await onlineOnly('Ana', 'Ben');
    expect((await act('Ana', conversationId, { action: 'handover', agentId: person('Ben').id })).status).toBe(200);
    expect((await act('Ben', conversationId, { action: 'handover', agentId: person('Ana').id })).status).toBe(200);
    await expectIntroductions(from, conversationId, ['Ana', 'Ben']);
  });

  it('escalation: the specialist routing picks is introduced', async () => {
    await onlineOnly('Ana', 'Sam');
    const { from, conversationId } = await customerWrites('The invoice is wrong');
    expect((await conversation(conversationId)).assignee).toBe(person('Ana').id);
    expect((await act('Ana', conversationId, { action: 'escalate', teamId: specialists })).status).toBe(200);
    expect((await conversation(conversationId)).assignee).toBe(person('Sam').id);
    await expectIntroductions(from, conversationId, ['Ana', 'Sam']);
  });

  it('offer accepted: nobody is introduced while it is only offered; the agent who accepts is', async () => {
    expect((await stack.api.update('teams', stack.teamId, { assignment_mode: 'offer' })).status).toBe(200);
    try {
      await onlineOnly('Ben');
      const { from, conversationId } = await customerWrites('Do you ship abroad?');
      expect((await conversation(conversationId)).offered_to).toBe(person('Ben').id);
      expect((await person('Ben').client.request('POST', `/api/pocketdesk/conversations/${conversationId}/offer`, { answer: 'accept' })).status).toBe(200);
      await expectIntroductions(from, conversationId, ['Ben']);
    } finally {
      await stack.api.update('teams', stack.teamId, { assignment_mode: 'assign' });
    }
  });

  it('hand-back after silence: the colleague who gets it next is introduced', async () => {
    await onlineOnly('Ana');
    const { from, conversationId } = await customerWrites('Hello? Still waiting');
    expect((await conversation(conversationId)).assignee).toBe(person('Ana').id);
    await setRouting({ reassign: [{ teamId: stack.teamId, afterMinutes: 10 }] });
    try {
      // Ana's phone went quiet; Ben is at work.
      await onlineOnly('Ben');
      await stack.api.update('agents', person('Ana').id, { status: 'away' });
      expect((await stack.api.request('POST', '/api/pocketdesk/worker/sla-sweep', { now: Date.now() + 11 * 60_000 })).status).toBe(200);
      expect((await conversation(conversationId)).assignee).toBe(person('Ben').id);
      await expectIntroductions(from, conversationId, ['Ana', 'Ben']);
    } finally {
      await setRouting();
    }
  });
});
