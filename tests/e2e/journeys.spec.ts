import type { Browser, Page } from '@playwright/test';
import { createAgent, PASSWORD } from '../support/seed';
import { eventually, startStack, type Stack } from '../support/stack';
import { storedMessage } from './customers';
import { expect, signInAs, test } from './fixtures';

// Issue #15's four journeys, end to end, on a desk of their own (a one-person desk cannot share the other tests' one)
// with the settings a fresh install ships: routing and auto-replies reset to `{}`, nothing turned off. Each asserts
// what the customer's phone (the simulator playing Meta) received, message by message, and what the agent sees.
// Time is moved only through the server's sweep routes with an injected `now`, never by waiting.

test.describe.configure({ mode: 'serial' });

const HOUR = 3_600_000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const tomorrow = WEEKDAYS[(new Date().getUTCDay() + 1) % 7]!;
const ALL_WEEK = { timezone: 'UTC', weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, [{ start: '00:00', end: '24:00' }]])) };
let stack: Stack;
let seq = 0;
const people: Record<string, { id: string; email: string; password: string }> = {};

/** The customer writes from their phone; returns every message their phone received in answer, once it all arrived. */
async function customerWrites(name: string, text: string, from = `2335100${String(++seq).padStart(4, '0')}`): Promise<{ from: string; received: string[] }> {
  const { id } = await stack.sim.injectInbound({ from, name, type: 'text', text, wait: true });
  const message = await storedMessage(stack.api, id);
  const replies = await stack.api.list(
    'messages',
    `conversation = "${message.conversation}" && direction = "out" && created >= "${message.created}"`,
    'created',
  );
  const received = await eventually(async () => {
    const wamids = await Promise.all(replies.map(async (reply) => (await stack.api.view('messages', reply.id)).body.wamid as string));
    const atPhone = wamids.map((wamid) => stack.sim.sentMessages().find((m) => m.id === wamid));
    return atPhone.every((m) => m !== undefined) ? atPhone.map((m) => m!.preview) : null;
  }, `the replies delivered to ${from}`);
  return { from, received };
}

/** Everything the customer's phone has received from the desk, in order. */
const phoneOf = (waId: string) =>
  stack.sim
    .sentMessages()
    .filter((m) => m.waId === waId)
    .map((m) => m.preview);
const CLOSED_TONIGHT = "Hi Kofi! Thanks for writing to Shop. We're closed right now. We open tomorrow at 09:00 (UTC).";
const SURVEY = 'How would you rate the help you got today?';

async function conversationOf(from: string): Promise<any> {
  const [contact] = await stack.api.list('contacts', `wa_id = "${from}"`);
  return (await stack.api.list('conversations', `contact = "${contact.id}"`, '-created'))[0];
}

async function sweepPresence(now: number): Promise<void> {
  expect((await stack.api.request('POST', '/api/pocketdesk/worker/presence-sweep', { now })).status).toBe(200);
}

async function saveShifts(person: string, schedule: unknown): Promise<void> {
  const api = await stack.api.as(people[person]!.email, PASSWORD);
  expect((await api.request('POST', `/api/pocketdesk/agents/${people[person]!.id}/shift-schedule`, { schedule })).status).toBe(200);
}

/** The agent's phone: a fresh browser on the journey's desk, signed in. */
async function agentPhone(browser: Browser, person: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: stack.pb.url, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'en-US' });
  const page = await context.newPage();
  await signInAs(page, people[person]!);
  return page;
}

async function seesInMine(page: Page, customer: string): Promise<void> {
  await page.getByRole('tab', { name: /Mine/ }).click();
  await expect(page.getByRole('tabpanel').getByRole('link', { name: new RegExp(customer) })).toBeVisible();
}

test.beforeAll(async () => {
  stack = await startStack();
  // The harness turns automation off for other tests; these journeys run with the defaults of a fresh install.
  expect((await stack.api.update('channels', stack.channelId, { routing: {}, auto_replies: {} })).status).toBe(200);
  people.olu = { ...(await createAgent(stack.api, { name: 'Olu Owner', teams: [stack.teamId], status: 'offline' })), password: PASSWORD };
  stack.startWorker();
});
test.afterAll(async () => stack?.stop());

test('the shop owner alone at night: one message that greets and says when the shop opens, and the conversation is his', async ({ browser }) => {
  const closedUntilTomorrow = { timezone: 'UTC', weekly: { [tomorrow]: [{ start: '09:00', end: '17:00' }] } };
  expect((await stack.api.update('channels', stack.channelId, { business_hours: closedUntilTomorrow, language: 'en' })).status).toBe(200);

  const kofi = await customerWrites('Kofi', 'Hello, do you have size 42?');
  expect(kofi.received).toEqual([CLOSED_TONIGHT]);
  expect((await customerWrites('Kofi', 'Anyone?', kofi.from)).received).toEqual([]);
  // A one-person desk: its owner gets every conversation, offline or not, and a push.
  const conversation = await conversationOf(kofi.from);
  expect(conversation.assignee).toBe(people.olu!.id);
  expect(await stack.api.list('notifications', `agent = "${people.olu!.id}" && conversation = "${conversation.id}" && kind = "assigned"`)).toHaveLength(1);

  const phone = await agentPhone(browser, 'olu');
  await seesInMine(phone, 'Kofi');
  await phone.context().close();
  // Resolved in the morning, within the window: the fresh install's satisfaction survey follows.
  expect((await stack.api.update('conversations', conversation.id, { status: 'resolved' })).status).toBe(200);
  await expect.poll(() => phoneOf(kofi.from), { timeout: 20_000 }).toEqual([CLOSED_TONIGHT, SURVEY]);
  expect((await stack.api.update('channels', stack.channelId, { business_hours: null })).status).toBe(200);
});

test('a field agent whose app sleeps for 5 hours on shift still gets the new customer, who is welcomed once', async ({ browser }) => {
  people.fia = { ...(await createAgent(stack.api, { name: 'Fia Field', teams: [stack.teamId], status: 'online' })), password: PASSWORD };
  await saveShifts('fia', ALL_WEEK);
  expect((await stack.api.update('agents', people.fia.id, { last_seen: new Date().toISOString() })).status).toBe(200);
  // Five silent hours: without a schedule she would have drifted to away; on shift she stays online.
  await sweepPresence(Date.now() + 5 * HOUR);
  expect((await stack.api.view('agents', people.fia.id)).body.status).toBe('online');

  const ama = await customerWrites('Ama', 'Is the blue jacket in stock?');
  expect(ama.received).toEqual(["Hi Ama! Thanks for writing to Shop. We'll be with you in a moment."]);
  expect((await conversationOf(ama.from)).assignee).toBe(people.fia.id);

  const phone = await agentPhone(browser, 'fia');
  await seesInMine(phone, 'Ama');
  await phone.context().close();
});

test("a returning customer whose owner's shift ended goes to a cover, hears nothing false, and goes back to the owner at his next shift", async ({
  browser,
}) => {
  const [kofiContact] = await stack.api.list('contacts', 'name = "Kofi"');
  expect(kofiContact.owner).toBe(people.olu!.id);
  // Olu's shift is tomorrow 09:00–17:00 UTC: off shift now.
  const nextShiftStart = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1, 9);
  await saveShifts('olu', { timezone: 'UTC', weekly: { [tomorrow]: [{ start: '09:00', end: '17:00' }] } });
  await sweepPresence(Date.now());
  expect((await stack.api.update('teams', stack.teamId, { hand_back_to_owner: true })).status).toBe(200);

  const again = await customerWrites('Kofi', 'The shoes arrived, but in size 41', kofiContact.wa_id);
  // Fia is online and takes him; no "we'll be with you" from nobody, no introduction of an owner who is away.
  expect(again.received).toEqual([]);
  const covered = await conversationOf(again.from);
  expect(covered).toMatchObject({ assignee: people.fia!.id, covering_for: people.olu!.id });
  const fiaPhone = await agentPhone(browser, 'fia');
  await seesInMine(fiaPhone, 'Kofi');
  await fiaPhone.context().close();

  await sweepPresence(nextShiftStart + 60_000);
  await expect.poll(async () => (await stack.api.view('conversations', covered.id)).body.assignee).toBe(people.olu!.id);
  const events = await stack.api.list('routing_events', `conversation = "${covered.id}" && trigger = "hand-back"`);
  expect(events).toHaveLength(1);
  const oluPhone = await agentPhone(browser, 'olu');
  await seesInMine(oluPhone, 'Kofi');
  await oluPhone.context().close();
  // Nothing was said to Kofi's phone by the hand-back either.
  expect(phoneOf(kofiContact.wa_id)).toEqual([CLOSED_TONIGHT, SURVEY]);
});

test('a manager who resolves outside the 24-hour window is told no survey will go out, and the phone gets nothing', async ({ browser }) => {
  people.mara = { ...(await createAgent(stack.api, { name: 'Mara Manager', role: 'manager', teams: [stack.teamId], status: 'online' })), password: PASSWORD };
  const ama = await conversationOf((await stack.api.list('contacts', 'name = "Ama"'))[0].wa_id);
  const before = stack.sim.sentMessages().length;
  expect((await stack.api.update('conversations', ama.id, { last_inbound_at: new Date(Date.now() - 30 * HOUR).toISOString().replace('T', ' ') })).status).toBe(
    200,
  );

  const page = await agentPhone(browser, 'mara');
  await page.goto(`/conversations/${ama.id}`);
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('button', { name: 'Resolve', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Resolve without a survey?' });
  await expect(dialog).toContainText('24-hour reply window has closed');
  await dialog.getByRole('button', { name: 'Resolve without a survey' }).click();
  await expect(page.getByTestId('conversation-status')).toHaveText('Resolved');
  // The screen shows the resolve at once and the outbox sends it a moment later: wait for the server to have it.
  await expect.poll(async () => (await stack.api.view('conversations', ama.id)).body.status).toBe('resolved');
  await page.context().close();
  // Everything the desk queued went out; none of it was a survey or anything else to Ama.
  await expect.poll(async () => (await stack.api.list('messages', `conversation = "${ama.id}" && direction = "out" && wamid = ""`)).length).toBe(0);
  expect(stack.sim.sentMessages().slice(before)).toEqual([]);
});
