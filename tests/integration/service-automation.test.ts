import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { createAgent, PASSWORD } from '../support/seed';
import { eventually, startStack, type Stack } from '../support/stack';

// Issue 5 against PocketBase + the simulator + the worker: auto-replies, the FAQ bot and templates.
let stack: Stack;
let agent: Api;
let agentId: string;
let seq = 0;
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const todayUtc = () => new Date().toISOString().slice(0, 10);

async function customer(text: string, extra: Record<string, unknown> = {}) {
  const from = (extra.from as string) ?? `3470000${String(++seq).padStart(4, '0')}`;
  const { id } = await stack.sim.injectInbound({ from, name: `Auto ${seq}`, type: 'text', text, wait: true, ...extra });
  const [message] = await stack.api.list('messages', `wamid = "${id}"`);
  return { from, conversationId: message.conversation as string, wamid: id };
}

const botMessages = (conversationId: string) => stack.api.list('messages', `conversation = "${conversationId}" && sender = "bot"`, 'created');
const setChannel = (data: Record<string, unknown>) =>
  stack.api.update('channels', stack.channelId, data).then((r) => expect(r.status, JSON.stringify(r.body)).toBe(200));

beforeAll(async () => {
  stack = await startStack();
  const created = await createAgent(stack.api, { name: 'Auto Agent', teams: [stack.teamId] });
  agentId = created.id;
  agent = await stack.api.as(created.email, PASSWORD);
  stack.startWorker();
});
afterAll(async () => stack?.stop());

describe('auto-replies', () => {
  it('greets a customer’s first ever message once', async () => {
    await setChannel({
      auto_replies: { greeting: { enabled: true, text: 'Hi {{customer_name}}, thanks for writing to {{channel_name}}!' }, outOfHours: { enabled: false } },
    });
    const { from, conversationId } = await customer('first message');
    await customer('second message', { from });
    const replies = await botMessages(conversationId);
    expect(replies.map((m) => m.payload.purpose)).toEqual(['greeting']);
    expect(replies[0].text).toMatch(/^Hi Auto \d+, thanks for writing to Shop!$/);
    await eventually(async () => (await stack.api.view('messages', replies[0].id)).body.wamid, 'the greeting sent to WhatsApp');
  });

  it('answers out of hours once per closed period, then again in the next one', async () => {
    // Always closed: no weekday has hours.
    await setChannel({
      timezone: 'Europe/Madrid',
      business_hours: { timezone: 'Europe/Madrid', weekly: {} },
      auto_replies: { greeting: { enabled: false }, outOfHours: { enabled: true } },
    });
    const { from, conversationId } = await customer('anyone there at night?');
    await customer('hello??', { from });
    expect((await botMessages(conversationId)).map((m) => m.payload.purpose)).toEqual(['out-of-hours']);
    // A new closed period: open around the clock every day except today, a holiday.
    const everyDay = Object.fromEntries(weekdays.map((day) => [day, [{ start: '00:00', end: '24:00' }]]));
    await setChannel({ business_hours: { timezone: 'UTC', weekly: everyDay, holidays: [{ date: todayUtc() }] }, timezone: 'UTC' });
    await customer('still closed?', { from });
    expect((await botMessages(conversationId)).map((m) => m.payload.purpose)).toEqual(['out-of-hours', 'out-of-hours']);
    // Open now: no out-of-hours reply.
    await setChannel({ business_hours: { timezone: 'UTC', weekly: everyDay } });
    await customer('and now?', { from });
    expect(await botMessages(conversationId)).toHaveLength(2);
  });

  it('stays quiet out of hours right after an agent replied', async () => {
    await setChannel({ business_hours: null, auto_replies: { greeting: { enabled: false }, outOfHours: { enabled: false } } });
    const { from, conversationId } = await customer('let me explain');
    await stack.api.update('conversations', conversationId, { assignee: agentId });
    expect((await agent.create('messages', { conversation: conversationId, direction: 'out', author: agentId, type: 'text', text: 'Go ahead' })).status).toBe(
      200,
    );
    await setChannel({ business_hours: { timezone: 'UTC', weekly: {} }, auto_replies: { greeting: { enabled: false }, outOfHours: { enabled: true } } });
    await customer('so here is the thing', { from });
    expect(await botMessages(conversationId)).toHaveLength(0);
    await setChannel({ business_hours: null });
  });
});

describe('FAQ bot with human handoff', () => {
  const faq = {
    enabled: true,
    entries: [{ id: 'hours', keywords: ['opening hours', 'horario'], answer: { type: 'text', text: 'We are open 9 to 6, Monday to Friday.' } }],
  };

  it('answers, and resolves the ticket when the customer says it solved it, without reaching an agent', async () => {
    await setChannel({ faq, auto_replies: { greeting: { enabled: false }, outOfHours: { enabled: false } } });
    const { from, conversationId } = await customer('What are your opening hours?');
    let conversation = (await stack.api.view('conversations', conversationId)).body;
    expect(conversation).toMatchObject({ bot_active: true, assignee: '' });
    const [answer] = await botMessages(conversationId);
    expect(answer).toMatchObject({ type: 'interactive', text: 'We are open 9 to 6, Monday to Friday.' });
    await customer('That solved it', { from, type: 'interactive', text: undefined, buttonReply: { id: 'faq:solved', title: 'That solved it' } });
    conversation = (await stack.api.view('conversations', conversationId)).body;
    expect(conversation).toMatchObject({ status: 'resolved', resolved_by: 'bot', assignee: '' });
    expect(await stack.api.list('routing_events', `conversation = "${conversationId}"`)).toHaveLength(0);
  });

  it('answers from an entry’s example questions when no keyword matches, in English and Spanish (issue #20)', async () => {
    const card = {
      id: 'card',
      examples: ['When will my card arrive?', 'My card has not arrived yet', 'Todavía no recibí mi tarjeta'],
      answer: { type: 'text', text: 'Cards arrive within 7 working days.' },
    };
    await setChannel({ faq: { ...faq, entries: [...faq.entries, card] } });
    for (const text of ['my card still hasn’t come', 'no me ha llegado la tarjeta']) {
      const { conversationId } = await customer(text);
      const [answer] = await botMessages(conversationId);
      expect(answer).toMatchObject({ type: 'interactive', text: 'Cards arrive within 7 working days.' });
      await eventually(async () => (await stack.api.view('messages', answer.id)).body.wamid, 'the answer sent to WhatsApp');
    }
    const { conversationId } = await customer('my card was declined at the store');
    expect((await stack.api.view('conversations', conversationId)).body).toMatchObject({ bot_active: false, assignee: agentId });
    await setChannel({ faq });
  });

  it('hands over to routing at once when the customer asks for a person, keeping the exchange', async () => {
    const { from, conversationId } = await customer('horario?');
    await customer('quiero hablar con una persona', { from });
    const conversation = (await stack.api.view('conversations', conversationId)).body;
    expect(conversation.bot_active).toBe(false);
    expect(conversation.assignee).toBe(agentId);
    expect((await botMessages(conversationId)).length).toBeGreaterThan(0);
    await setChannel({ faq: { enabled: false } });
  });
});

describe('templates outside the window', () => {
  it('sends an approved template with its parameters filled, and refuses a missing parameter', async () => {
    const template = await stack.api.create('templates', {
      name: 'order_update',
      language: 'en_US',
      category: 'utility',
      parameter_format: 'positional',
      status: 'approved',
      components: [{ type: 'BODY', text: 'Your order {{1}} is now {{2}}.' }],
    });
    const { conversationId } = await customer('where is my order');
    await stack.api.update('conversations', conversationId, { assignee: agentId, last_inbound_at: new Date(Date.now() - 48 * 3600_000).toISOString() });
    const refused = await agent.create('messages', { conversation: conversationId, direction: 'out', author: agentId, type: 'text', text: 'free text' });
    expect(refused.body.reason).toBe('window-closed');
    const missing = await agent.create('messages', {
      conversation: conversationId,
      direction: 'out',
      author: agentId,
      type: 'template',
      template: template.body.id,
      template_params: ['A-17'],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.reason).toBe('missing-parameter');
    const sent = await agent.create('messages', {
      conversation: conversationId,
      direction: 'out',
      author: agentId,
      type: 'template',
      template: template.body.id,
      template_params: ['A-17', 'shipped'],
    });
    expect(sent.status).toBe(200);
    expect(sent.body.text).toBe('Your order A-17 is now shipped.');
    const delivered = await eventually(async () => {
      const message = (await stack.api.view('messages', sent.body.id)).body;
      return message.wamid ? message : null;
    }, 'the template at Meta');
    const atMeta = stack.sim.sentMessages().find((m) => m.id === delivered.wamid);
    expect(atMeta?.template?.name).toBe('order_update');
  });

  it('fills a text header’s placeholder and sends it as the header component Meta checks', async () => {
    const template = await stack.api.create('templates', {
      name: 'order_shipped',
      language: 'en_US',
      category: 'utility',
      parameter_format: 'positional',
      status: 'approved',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
        { type: 'BODY', text: 'Good news: it ships {{1}}.' },
      ],
    });
    const { conversationId } = await customer('has it shipped?');
    await stack.api.update('conversations', conversationId, { assignee: agentId, last_inbound_at: new Date(Date.now() - 48 * 3600_000).toISOString() });
    const withoutHeader = await agent.create('messages', {
      conversation: conversationId,
      direction: 'out',
      author: agentId,
      type: 'template',
      template: template.body.id,
      template_params: ['tomorrow'],
    });
    expect(withoutHeader.status).toBe(400);
    const sent = await agent.create('messages', {
      conversation: conversationId,
      direction: 'out',
      author: agentId,
      type: 'template',
      template: template.body.id,
      template_params: { '1': 'tomorrow', 'header.1': 'A-1042' },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.text).toContain('Order A-1042');
    const delivered = await eventually(async () => {
      const message = (await stack.api.view('messages', sent.body.id)).body;
      return message.wamid || message.status === 'failed' ? message : null;
    }, 'the template at Meta');
    expect(delivered.status).not.toBe('failed');
    const atMeta = stack.sim.sentMessages().find((m) => m.id === delivered.wamid);
    expect(atMeta?.template?.components).toEqual([
      { type: 'header', parameters: [{ type: 'text', text: 'A-1042' }] },
      { type: 'body', parameters: [{ type: 'text', text: 'tomorrow' }] },
    ]);
  });
});

describe('customer satisfaction', () => {
  it('asks for a rating once on resolve, records the answer and a comment, and keeps the ticket resolved', async () => {
    const { from, conversationId } = await customer('my parcel is late');
    await stack.api.update('conversations', conversationId, { assignee: agentId });
    expect((await agent.update('conversations', conversationId, { status: 'resolved' })).status).toBe(200);
    const [survey] = (await botMessages(conversationId)).filter((m) => m.payload.purpose === 'csat');
    expect(survey).toMatchObject({ type: 'interactive' });
    expect(survey.payload.action.sections[0].rows).toHaveLength(5);
    await eventually(async () => (await stack.api.view('messages', survey.id)).body.wamid, 'the survey at Meta');
    await customer('4 – Good', { from, type: 'interactive', text: undefined, listReply: { id: 'csat:4', title: '4 – Good' } });
    await customer('Quick and friendly, thanks', { from });
    const conversation = (await stack.api.view('conversations', conversationId)).body;
    expect(conversation).toMatchObject({ status: 'resolved', csat_rating: 4, csat_comment: 'Quick and friendly, thanks' });
    // Reopening and resolving again does not ask twice.
    await stack.api.update('conversations', conversationId, { status: 'open' });
    await stack.api.update('conversations', conversationId, { status: 'resolved' });
    expect((await botMessages(conversationId)).filter((m) => m.payload.purpose === 'csat')).toHaveLength(1);
  });
});
