import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam } from '../support/seed';
import { postWebhook, textWebhook } from '../support/webhook-client';

// Applying an inbound message returns the rows it writes; the event's row keeps their count by collection and
// operation (`summary.effects`), so these tests assert what an event caused, as PocketBase's own tests assert
// the events that fired.

let pb: RunningPocketBase;
let api: Api;
let channel: string;

async function effectsOf(payload: unknown): Promise<Record<string, number>> {
  const body = JSON.stringify(payload);
  expect((await postWebhook(pb.url, body)).status).toBe(200);
  const hash = createHash('sha256').update(body).digest('hex');
  const [event] = await api.list('webhook_events', `body_hash = "${hash}"`);
  expect(event.status).toBe('processed');
  return event.summary.effects;
}

beforeAll(async () => {
  pb = await startPocketBase();
  api = new Api(pb.url, pb.superuserToken);
  const team = await createTeam(api, 'Support');
  channel = await createChannel(api, {
    default_team: team,
    auto_replies: { greeting: { enabled: true, text: 'Hi {{customer_name}}!' }, outOfHours: { enabled: false } },
  });
  await createAgent(api, { name: 'Ana', teams: [team], status: 'online' });
});
afterAll(async () => pb?.stop());

describe('what an inbound message causes', () => {
  it('a new customer: contact, ticket, their message and the welcome, the agent turn, the routing event and the push — each row written once', async () => {
    const effects = await effectsOf(textWebhook({ from: '15557770001', name: 'Rosa', wamid: 'wamid.effects.1', text: 'Hello' }));
    expect(effects).toEqual({
      'contacts.create': 1,
      'conversations.create': 1,
      'messages.create': 2,
      'agents.update': 1,
      'notifications.create': 1,
      'routing_events.create': 1,
    });
    const [contact] = await api.list('contacts', 'wa_id = "15557770001"');
    const [conversation] = await api.list('conversations', `contact = "${contact.id}"`);
    // The one save of each row carried every decision: the contact's owner, the ticket's assignee and preview.
    expect(contact.owner).toBe(conversation.assignee);
    const sent = await api.list('messages', `conversation = "${conversation.id}" && direction = "out"`);
    // One automatic message: the channel's greeting in front of routing's welcome.
    expect(sent.map((message) => [message.payload.purpose, message.payload.parts, message.text])).toEqual([
      ['welcome', ['greeting', 'welcome'], "Hi Rosa! We'll be with you in a moment."],
    ]);
    expect(conversation.last_message_preview).toBe('Hello');
    const [notification] = await api.list('notifications', `conversation = "${conversation.id}"`);
    expect(notification).toMatchObject({ kind: 'assigned', title: 'Rosa' });
  });

  it('a follow-up on an open ticket: the contact, the ticket and the message only', async () => {
    const effects = await effectsOf(textWebhook({ from: '15557770001', name: 'Rosa', wamid: 'wamid.effects.2', text: 'Are you there?' }));
    expect(effects).toEqual({ 'contacts.update': 1, 'conversations.update': 1, 'messages.create': 1 });
  });

  it('a redelivered message causes nothing', async () => {
    const effects = await effectsOf({ ...textWebhook({ from: '15557770001', name: 'Rosa', wamid: 'wamid.effects.2', text: 'Are you there?' }), redelivery: 1 });
    expect(effects).toEqual({});
  });

  it('a returning customer on a resolved ticket: reopened and routed again, with no second greeting', async () => {
    const [contact] = await api.list('contacts', 'wa_id = "15557770001"');
    const [conversation] = await api.list('conversations', `contact = "${contact.id}"`);
    expect((await api.request('PATCH', `/api/collections/conversations/records/${conversation.id}`, { status: 'resolved', assignee: '' })).status).toBe(200);
    const effects = await effectsOf(textWebhook({ from: '15557770001', name: 'Rosa', wamid: 'wamid.effects.3', text: 'Me again' }));
    // The ticket is written before routing (capacity counts read it) and again with routing's decision.
    expect(effects).toEqual({
      'contacts.update': 1,
      'conversations.update': 2,
      'messages.create': 1,
      'agents.update': 1,
      'notifications.create': 1,
      'routing_events.create': 1,
    });
    expect(channel).toBeTruthy();
  });
});
