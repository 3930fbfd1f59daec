import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../support/seed';
import { eventually, startStack, type Stack } from '../support/stack';

// Issue 15 item 1, with the automation a fresh install ships (routing and auto-replies reset to `{}`): whatever the
// situation, the customer's phone (the simulator playing Meta) receives at most one automatic message, and it is true.
let stack: Stack;
let ownerId: string;
let seq = 0;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
// Open only tomorrow (UTC): closed now, and the reply can say exactly when it opens.
const tomorrow = WEEKDAYS[(new Date().getUTCDay() + 1) % 7]!;
const closedUntilTomorrow = { timezone: 'UTC', weekly: { [tomorrow]: [{ start: '09:00', end: '17:00' }] } };
const WE_OPEN = 'We open tomorrow at 09:00 (UTC).';

const setChannel = (data: Record<string, unknown>) =>
  stack.api.update('channels', stack.channelId, data).then((r) => expect(r.status, JSON.stringify(r.body)).toBe(200));
const setOwner = (status: 'online' | 'offline') => stack.api.update('agents', ownerId, { status }).then((r) => expect(r.status).toBe(200));

/** The customer writes; returns what their phone received in reply (by the wamids the desk sent), once all of it arrived. */
async function write(
  name: string,
  text: string,
  from = `2335000${String(++seq).padStart(4, '0')}`,
): Promise<{ from: string; conversationId: string; received: string[] }> {
  const { id } = await stack.sim.injectInbound({ from, name, type: 'text', text, wait: true });
  const [message] = await stack.api.list('messages', `wamid = "${id}"`);
  const conversationId = message.conversation as string;
  // Everything the desk queued in answer (the inbound is applied in one transaction, so it is all there now).
  const replies = await stack.api.list('messages', `conversation = "${conversationId}" && direction = "out" && created >= "${message.created}"`, 'created');
  const received = await eventually(async () => {
    const sent = await Promise.all(replies.map(async (reply) => (await stack.api.view('messages', reply.id)).body.wamid as string));
    const atPhone = sent.map((wamid) => stack.sim.sentMessages().find((m) => m.id === wamid && (m.waId === from || m.input === from)));
    return atPhone.every((m) => m !== undefined) ? atPhone.map((m) => m!.preview) : null;
  }, `the ${replies.length} repl(ies) delivered to ${from}`);
  return { from, conversationId, received };
}

/** Resolves the ticket as an agent would; the satisfaction survey that follows is not an answer to a message. */
const resolve = (conversationId: string) => stack.api.update('conversations', conversationId, { status: 'resolved' }).then((r) => expect(r.status).toBe(200));

beforeAll(async () => {
  stack = await startStack();
  // The harness turns automation off for other tests; these journeys run with the defaults of a fresh install.
  await setChannel({ routing: {}, auto_replies: {} });
  ownerId = (await createAgent(stack.api, { name: 'Olu', teams: [stack.teamId], status: 'offline' })).id;
  stack.startWorker();
});
afterAll(async () => stack?.stop());

describe('one automatic voice with the defaults of a fresh install', () => {
  it('the shop owner alone at night: a new customer gets one message that greets and says when the shop opens', async () => {
    await setChannel({ business_hours: closedUntilTomorrow, language: 'en' });
    await setOwner('offline');
    const first = await write('Kofi', 'Hello, do you have size 42?');
    expect(first.received).toEqual([`Hi Kofi! Thanks for writing to Shop. We're closed right now. ${WE_OPEN}`]);
    // Writing again the same night adds nothing.
    expect((await write('Kofi', 'Anyone?', first.from)).received).toEqual([]);
  });

  it('an agent online but the shop closed: one message about the hours, no "in a moment"', async () => {
    await setChannel({ business_hours: closedUntilTomorrow, language: 'en' });
    await setOwner('online');
    const { received, conversationId } = await write('Esi', 'Hi');
    expect(received).toEqual([`Hi Esi! Thanks for writing to Shop. We're closed right now. ${WE_OPEN}`]);
    expect((await stack.api.view('conversations', conversationId)).body.assignee).toBe(ownerId);
  });

  it('a Spanish channel says the same in Spanish', async () => {
    await setChannel({ business_hours: closedUntilTomorrow, language: 'es' });
    await setOwner('offline');
    const { received } = await write('Lucía', 'Hola');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatch(/^¡Hola Lucía! Gracias por escribir a Shop\. Ahora mismo estamos cerrados\. Abrimos mañana a las 09:00 \(UTC\)\.$/);
  });

  it('open with nobody online: one message that greets and says nobody is available yet', async () => {
    await setChannel({ business_hours: null, language: 'en' });
    await setOwner('offline');
    expect((await write('Ama', 'Hello')).received).toEqual([
      "Hi Ama! Thanks for writing to Shop. Nobody is available right now, but we'll reply as soon as we can.",
    ]);
  });

  it('open with an agent online: one welcome; the returning customer is not greeted again', async () => {
    await setChannel({ business_hours: null, language: 'en' });
    await setOwner('online');
    const first = await write('Yaw', 'Hello');
    expect(first.received).toEqual(["Hi Yaw! Thanks for writing to Shop. We'll be with you in a moment."]);
    expect((await stack.api.view('conversations', first.conversationId)).body.assignee).toBe(ownerId);
    // Resolved, then the customer comes back: their owner is online and takes it, nothing automatic is said.
    await resolve(first.conversationId);
    expect((await write('Yaw', 'One more question', first.from)).received).toEqual([]);
    // Back again at night: only the hours.
    await resolve(first.conversationId);
    await setChannel({ business_hours: closedUntilTomorrow });
    expect((await write('Yaw', 'And another', first.from)).received).toEqual([`We're closed right now. ${WE_OPEN}`]);
  });

  it('an offline owner kept for their customer is never announced as about to answer', async () => {
    await setChannel({ business_hours: null, language: 'en', auto_replies: { afterAssign: { enabled: true } } });
    await setOwner('online');
    const first = await write('Abena', 'Hello');
    expect(first.received).toEqual(['Hi Abena! Thanks for writing to Shop. Olu will help you shortly.']);
    await resolve(first.conversationId);
    await setOwner('offline');
    // Nobody online: routing keeps the owner; "Olu will help you shortly" would be untrue.
    const again = await write('Abena', 'Are you there?', first.from);
    expect((await stack.api.view('conversations', again.conversationId)).body.assignee).toBe(ownerId);
    expect(again.received).toEqual([]);
    await setChannel({ auto_replies: {} });
  });

  it('on a channel with the FAQ bot, the bot answers alone, even at night', async () => {
    const faq = { enabled: true, entries: [{ id: 'hours', keywords: ['opening hours'], answer: { type: 'text', text: 'We are open 9 to 5.' } }] };
    await setChannel({ business_hours: closedUntilTomorrow, language: 'en', faq });
    const { received } = await write('Kwame', 'What are your opening hours?');
    expect(received).toEqual(['We are open 9 to 5.']);
    await setChannel({ faq: { enabled: false } });
  });
});
