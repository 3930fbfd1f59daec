// Canned replies suggested per intent (issue #20) on a real PocketBase: routing stores the intent the model predicted
// on the conversation, each reply an agent sends from a canned reply is counted for that intent by the server (one
// narrow upsert, so parallel sends lose nothing), and the counts agents read put reply X first for a new
// conversation of intent A and not for one of intent B. The prediction is stored the way the worker stores it
// (POST worker/message-intents) before the customer's message is applied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestCannedReplies } from '../../src/lib/domain/templates/canned-replies';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { eventually } from '../support/stack';
import { postWebhook, textWebhook } from '../support/webhook-client';

let pb: RunningPocketBase;
let root: Api;
let admin: Api;
let adminId: string;
let agent: Api;
let modelId: string;
const intents = { cards: '', billing: '' };
const replies = { hello: '', tracking: '', refund: '' };
let customer = 0;

/** A new customer writes; the model's prediction for the message is stored first, as the worker does. */
async function conversationOfIntent(intent: string): Promise<any> {
  const n = ++customer;
  const wamid = `wamid.canned.${n}`;
  const stored = await root.request('POST', '/api/pocketdesk/worker/message-intents', {
    model: modelId,
    predictions: [{ wamid, intent, confidence: 0.9, alternatives: [] }],
  });
  expect(stored).toMatchObject({ status: 200, body: { stored: 1 } });
  const from = `4478100${String(n).padStart(5, '0')}`;
  const response = await postWebhook(pb.url, JSON.stringify(textWebhook({ from, name: `Canned ${n}`, wamid, text: 'hello there' })));
  if (response.status !== 200) throw new Error(`webhook ${response.status}: ${response.text}`);
  return eventually(async () => {
    const [contact] = await root.list('contacts', `wa_id = "${from}"`);
    const [conversation] = contact ? await root.list('conversations', `contact = "${contact.id}"`) : [];
    return conversation?.intent ? conversation : null;
  }, `the conversation of ${from} routed with its intent`);
}

async function sendFrom(conversationId: string, cannedReply: string): Promise<void> {
  const sent = await admin.create('messages', {
    conversation: conversationId,
    direction: 'out',
    author: adminId,
    type: 'text',
    text: 'A canned text',
    canned_reply: cannedReply,
  });
  if (sent.status !== 200) throw new Error(`${JSON.stringify(sent.body)}\n${pb.logs().slice(-2000)}`);
}

async function suggestedFirst(conversation: any): Promise<string> {
  const uses = (await agent.list('canned_reply_uses')).map((row: any) => ({ cannedReply: row.canned_reply, intent: row.intent, uses: row.uses }));
  const list = [replies.hello, replies.refund, replies.tracking].map((id) => ({ id }));
  return suggestCannedReplies(list, uses, conversation.intent)[0]!.reply.id;
}

beforeAll(async () => {
  pb = await startPocketBase();
  root = new Api(pb.url, pb.superuserToken);
  const cards = await createTeam(root, 'Cards');
  const billing = await createTeam(root, 'Billing');
  intents.cards = `${cards}|`;
  intents.billing = `${billing}|`;
  await createChannel(root, { default_team: cards });
  await createAgent(root, { name: 'Carl Cards', teams: [cards, billing], max_open: 50 });
  const ada = await createAgent(root, { name: 'Ada Admin', role: 'admin', status: 'offline' });
  admin = await root.as(ada.email, PASSWORD);
  adminId = ada.id;
  agent = await root.as('carl.cards@pocketdesk.test', PASSWORD);
  const model = await root.create('intent_models', {
    version: 1,
    status: 'active',
    progress: 100,
    targets: { [intents.cards]: { name: 'Cards', teamId: cards, labels: [] }, [intents.billing]: { name: 'Billing', teamId: billing, labels: [] } },
  });
  modelId = model.body.id;
  for (const [key, shortcut] of [
    ['hello', 'hello'],
    ['tracking', 'track'],
    ['refund', 'refund'],
  ] as const)
    replies[key] = (await root.create('canned_replies', { shortcut, title: shortcut, body: `The ${shortcut} text` })).body.id;
}, 120_000);

afterAll(async () => {
  await pb?.stop();
});

describe('canned replies suggested per intent', () => {
  it('stores the predicted intent on the conversation, which agents cannot change', async () => {
    const conversation = await conversationOfIntent(intents.cards);
    expect(conversation).toMatchObject({ intent: intents.cards, intent_name: 'Cards' });
    expect((await admin.update('conversations', conversation.id, { intent: intents.billing })).status).toBeGreaterThanOrEqual(400);
    expect(await root.list('conversations', `id = "${conversation.id}"`)).toMatchObject([{ intent: intents.cards }]);
  }, 60_000);

  it('puts the reply most sent for intent A first for a new conversation of intent A, and not for intent B', async () => {
    for (let i = 0; i < 2; i++) await sendFrom((await conversationOfIntent(intents.cards)).id, replies.tracking);
    await sendFrom((await conversationOfIntent(intents.billing)).id, replies.refund);
    expect(await suggestedFirst(await conversationOfIntent(intents.cards))).toBe(replies.tracking);
    expect(await suggestedFirst(await conversationOfIntent(intents.billing))).toBe(replies.refund);
    expect(await agent.list('canned_reply_uses', `canned_reply = "${replies.tracking}"`)).toMatchObject([{ intent: intents.cards, uses: 2 }]);
  }, 120_000);

  it('counts every one of many replies sent at once', async () => {
    const conversation = await conversationOfIntent(intents.billing);
    await Promise.all(Array.from({ length: 6 }, () => sendFrom(conversation.id, replies.hello)));
    expect(await agent.list('canned_reply_uses', `canned_reply = "${replies.hello}"`)).toMatchObject([{ intent: intents.billing, uses: 6 }]);
  }, 60_000);

  it('sends a reply naming an unknown canned reply and counts nothing; agents cannot write the counts', async () => {
    const conversation = await conversationOfIntent(intents.cards);
    await sendFrom(conversation.id, 'nosuchreply0000');
    expect(await root.list('canned_reply_uses', 'canned_reply = "nosuchreply0000"')).toEqual([]);
    const forged = await agent.create('canned_reply_uses', { canned_reply: replies.hello, intent: intents.cards, uses: 99 });
    expect(forged.status).toBeGreaterThanOrEqual(400);
  }, 60_000);
});
