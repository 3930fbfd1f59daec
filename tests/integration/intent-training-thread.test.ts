// Training the desk's intent model happens in a thread of the worker (issue #20): a desk of a few thousand resolved
// conversations takes seconds of CPU, and the worker's sends must not wait for it. A reply queued while the final
// model trains reaches WhatsApp while that training is still running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { createAgent, createTeam, PASSWORD } from '../support/seed';
import { eventually, startStack, type Stack } from '../support/stack';

let stack: Stack;
let admin: Api;
let agentId: string;
let agent: Api;
const CONVERSATIONS = 2_400;
const WORDS = 'card account transfer refund payment limit pin statement loan mortgage savings exchange fee charge branch app login travel cash deposit'.split(
  ' ',
);

/** Runs `task` for 0..n-1, `width` at a time. */
async function inParallel(n: number, width: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

/** A large resolved history over several teams, each conversation opened by a generated sentence of its team's words. */
async function generateHistory(teams: string[]): Promise<void> {
  const contacts: string[] = [];
  for (let i = 0; i < 40; i++)
    contacts.push((await stack.api.create('contacts', { wa_id: `3462000${String(i).padStart(4, '0')}`, name: `History ${i}` })).body.id);
  await inParallel(CONVERSATIONS, 12, async (i) => {
    const team = i % teams.length;
    const words = Array.from({ length: 9 }, (_, k) => WORDS[(team * 3 + ((i * 7 + k * 13) % 11)) % WORDS.length]);
    const conversation = await stack.api.create('conversations', {
      contact: contacts[i % contacts.length],
      channel: stack.channelId,
      status: 'resolved',
      team: teams[team],
    });
    if (conversation.status !== 200) throw new Error(`history: ${JSON.stringify(conversation.body)}`);
    const message = await stack.api.create('messages', {
      conversation: conversation.body.id,
      direction: 'in',
      type: 'text',
      text: `case ${i}: ${words.join(' ')}`,
      status: 'received',
    });
    if (message.status !== 200) throw new Error(`history: ${JSON.stringify(message.body)}`);
  });
}

beforeAll(async () => {
  stack = await startStack();
  const teams = [stack.teamId];
  for (const name of ['Cards', 'Loans', 'Payments', 'Savings', 'Travel']) teams.push(await createTeam(stack.api, name));
  await generateHistory(teams);
  const ada = await createAgent(stack.api, { name: 'Ada Admin', role: 'admin', status: 'offline' });
  admin = await stack.api.as(ada.email, PASSWORD);
  const sam = await createAgent(stack.api, { name: 'Sam Sender', teams: [stack.teamId] });
  agentId = sam.id;
  agent = await stack.api.as(sam.email, PASSWORD);
  stack.startWorker();
}, 600_000);

afterAll(async () => stack?.stop());

describe('training in a thread of the worker', () => {
  it('sends a reply queued while the model trains before the training ends', async () => {
    const { id: wamid } = await stack.sim.injectInbound({
      from: '34630000001',
      name: 'Waiting Customer',
      type: 'text',
      text: 'Hello, anyone there?',
      wait: true,
    });
    const [inbound] = await eventually(async () => {
      const found = await stack.api.list('messages', `wamid = "${wamid}"`);
      return found.length ? found : null;
    }, 'the inbound message');
    await stack.api.update('conversations', inbound.conversation, { assignee: agentId });

    expect((await admin.request('POST', '/api/pocketdesk/intents/train', {})).status).toBe(202);
    // The final model is the longest stage; with the training on the worker's main thread nothing is sent until it ends.
    await eventually(
      async () => {
        const [row] = await stack.api.list('intent_models', 'version = 1');
        return row?.status === 'training' && row.stage === 'training' ? row : null;
      },
      'the final model training',
      300_000,
    );
    const reply = await agent.create('messages', {
      id: `r${String(Date.now()).slice(-14).padStart(14, '0')}`,
      conversation: inbound.conversation,
      direction: 'out',
      author: agentId,
      type: 'text',
      text: 'One moment, please',
    });
    expect(reply.status).toBe(200);
    await eventually(
      async () => {
        const message = (await stack.api.view('messages', reply.body.id)).body;
        return message.status !== 'queued' && message.wamid ? message : null;
      },
      'the reply sent',
      300_000,
    );
    const [model] = await stack.api.list('intent_models', 'version = 1');
    expect(model).toMatchObject({ status: 'training', stage: 'training' });

    const trained = await eventually(
      async () => {
        const [row] = await stack.api.list('intent_models', 'version = 1');
        return row && ['active', 'trained', 'failed'].includes(row.status) ? row : null;
      },
      'the training outcome',
      300_000,
    );
    expect(trained).toMatchObject({ status: 'active', progress: 100, metrics: { trainingSize: CONVERSATIONS, intents: 6 } });
  }, 900_000);
});
