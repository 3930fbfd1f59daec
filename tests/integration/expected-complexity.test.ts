// Expected complexity (issue #20's predictive signals) on a real PocketBase with the real worker: training learns how
// long the desk takes to resolve each intent, the model card shows it, and a new conversation of the slow intent
// starts with more priority than one of the quick intent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { eventually } from '../support/stack';
import { trainIntentModel } from '../support/intent-training';
import { postWebhook, textWebhook } from '../support/webhook-client';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';

let pb: RunningPocketBase;
let root: Api;
let admin: Api;
let worker: WorkerProcess;
let channelId: string;
const teams = { support: '', cards: '', billing: '' };
let customer = 0;

// Lost cards take the desk hours (a replacement is ordered and tracked); double charges are refunded in minutes.
const HISTORY = {
  cards: {
    minutes: 6 * 60,
    texts: [
      'my new card has not arrived yet',
      'the card you sent never came',
      'still waiting for my debit card in the mail',
      'no me ha llegado la tarjeta',
      'when will my replacement card be delivered',
      'card delivery is late',
      'mi tarjeta nueva no llega',
      'I ordered a card two weeks ago and nothing',
    ],
  },
  billing: {
    minutes: 10,
    texts: [
      'I was charged twice this month',
      'please refund the fee',
      'quiero un reembolso de mi pago',
      'there is a wrong charge on my bill',
      'cobro duplicado en mi cuenta',
      'why did you charge me again',
      'I need my money back for the payment',
      'the invoice amount is wrong',
    ],
  },
};

const pbDate = (ms: number) => new Date(ms).toISOString().replace('T', ' ');

async function seedHistory(): Promise<void> {
  let n = 0;
  for (const [team, { minutes, texts }] of Object.entries(HISTORY) as Array<[keyof typeof HISTORY, { minutes: number; texts: string[] }]>) {
    for (const text of texts) {
      n++;
      const contact = await root.create('contacts', { wa_id: `3465000${String(n).padStart(4, '0')}`, name: `History ${n}` });
      const conversation = await root.create('conversations', { contact: contact.body.id, channel: channelId, status: 'resolved', team: teams[team] });
      const message = await root.create('messages', { conversation: conversation.body.id, direction: 'in', type: 'text', text, status: 'received' });
      if (message.status !== 200) throw new Error(`history: ${JSON.stringify(message.body)}`);
      // Resolved `minutes` after it was opened: the metrics' resolution time (resolution_ms) follows from it.
      const created = Date.parse(conversation.body.created.replace(' ', 'T'));
      const resolved = await root.update('conversations', conversation.body.id, { resolved_at: pbDate(created + minutes * 60_000) });
      if (resolved.status !== 200) throw new Error(`history: ${JSON.stringify(resolved.body)}`);
    }
  }
}

async function routedConversationOf(text: string): Promise<any> {
  const n = ++customer;
  const from = `4478000${String(n).padStart(5, '0')}`;
  const response = await postWebhook(pb.url, JSON.stringify(textWebhook({ from, name: `Complex ${n}`, wamid: `wamid.complex.${n}`, text })));
  expect(response.status).toBe(200);
  return eventually(async () => {
    const [contact] = await root.list('contacts', `wa_id = "${from}"`);
    if (!contact) return null;
    const [conversation] = await root.list('conversations', `contact = "${contact.id}"`);
    if (!conversation) return null;
    const [event] = await root.list('routing_events', `conversation = "${conversation.id}" && trigger = "inbound"`);
    return event ? { conversation, event } : null;
  }, `the conversation of ${from} routed`);
}

beforeAll(async () => {
  pb = await startPocketBase();
  root = new Api(pb.url, pb.superuserToken);
  teams.support = await createTeam(root, 'Support');
  teams.cards = await createTeam(root, 'Cards');
  teams.billing = await createTeam(root, 'Billing');
  channelId = await createChannel(root, { default_team: teams.support });
  await createAgent(root, { name: 'Carl Cards', teams: [teams.cards], max_open: 50 });
  await createAgent(root, { name: 'Bill Billing', teams: [teams.billing], max_open: 50 });
  const ada = await createAgent(root, { name: 'Ada Admin', role: 'admin', status: 'offline' });
  admin = await root.as(ada.email, PASSWORD);
  await seedHistory();
  worker = spawnWorker(pb.url);
}, 120_000);

afterAll(async () => {
  await worker?.kill();
  await pb?.stop();
});

describe('expected complexity', () => {
  it('learns each intent’s median resolution time and gives a new conversation of the slow intent more priority', async () => {
    const model = await trainIntentModel(admin, root, 1);
    expect(model.status).toBe('active');
    // What the model card reads: slowest first, each on the eight resolved conversations it was measured on.
    expect(model.metrics.handleTimes).toEqual([
      { intent: `${teams.cards}|`, name: 'Cards', medianMinutes: 360, resolved: 8 },
      { intent: `${teams.billing}|`, name: 'Billing', medianMinutes: 10, resolved: 8 },
    ]);

    // The worker predicts each message before it is applied; wait until it does so with the new model.
    const slow = await eventually(
      async () => {
        const routed = await routedConversationOf('my card never arrived');
        return routed.event.intent?.intent === `${teams.cards}|` ? routed : null;
      },
      'a card conversation routed by the model',
      60_000,
    );
    const quick = await routedConversationOf('I was charged twice, please refund');
    expect(slow.conversation.team).toBe(teams.cards);
    expect(quick.conversation.team).toBe(teams.billing);
    expect(quick.event.intent).toMatchObject({ intent: `${teams.billing}|`, applied: true });
    // A fresh install's channel: 20 points once an intent's median reaches four hours.
    expect(slow.conversation.priority - quick.conversation.priority).toBe(20);
    // "Why is this mine?" reads it from the routing log.
    expect(slow.event.intent.expectedComplexity).toEqual({ medianMinutes: 360, points: 20 });
    expect(quick.event.intent).not.toHaveProperty('expectedComplexity');
  }, 180_000);
});
