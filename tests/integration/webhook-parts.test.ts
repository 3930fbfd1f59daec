// A signed delivery is handled part by part: each message, status and other change is validated and applied on
// its own, so one bad part never sinks the rest of its batch, and nothing signed is refused for its content.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { CHANNEL_PNID, createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { postWebhook } from '../support/webhook-client';

let pb: RunningPocketBase;
let api: Api;

beforeAll(async () => {
  pb = await startPocketBase();
  api = new Api(pb.url, pb.superuserToken);
  await createChannel(api, { default_team: await createTeam(api, 'Support') });
});
afterAll(async () => pb?.stop());

const nextTimestamp = (() => {
  let at = 1_764_000_000;
  return () => String(at++);
})();

interface Customer {
  waId: string;
  name: string;
}
function textMessage(from: string, wamid: string, text: string): Record<string, unknown> {
  return { from, id: wamid, timestamp: nextTimestamp(), type: 'text', text: { body: text } };
}
/** One change carrying several customers' messages, the way Meta batches them. */
function batch(customers: Customer[], messages: Record<string, unknown>[]): string {
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '15550783881', phone_number_id: CHANNEL_PNID },
    contacts: customers.map((c) => ({ profile: { name: c.name }, wa_id: c.waId })),
    messages,
  };
  return JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes: [{ field: 'messages', value }] }] });
}
const hashOf = (raw: string) => createHash('sha256').update(raw).digest('hex');
const eventOf = async (raw: string) => (await api.list('webhook_events', `body_hash = "${hashOf(raw)}"`))[0];
const messagesWith = (wamid: string) => api.list('messages', `wamid = "${wamid}"`);

describe('a batch with one bad part', () => {
  it('applies customer X’s message although customer Y’s profile name is 300 characters (Y’s name is cut to fit)', async () => {
    const longName = 'Y'.repeat(300);
    const raw = batch(
      [
        { waId: '34611000001', name: 'Xavier' },
        { waId: '34611000002', name: longName },
      ],
      [textMessage('34611000001', 'wamid.mixed.x', 'from X'), textMessage('34611000002', 'wamid.mixed.y', 'from Y')],
    );
    const response = await postWebhook(pb.url, raw);
    expect(response.status).toBe(200);
    expect(await messagesWith('wamid.mixed.x')).toHaveLength(1);
    expect(await messagesWith('wamid.mixed.y')).toHaveLength(1);
    const [y] = await api.list('contacts', 'wa_id = "34611000002"');
    expect(y.profile_name).toBe('Y'.repeat(200));
    // The full value stays in the stored bytes.
    expect((await eventOf(raw)).raw).toContain(longName);
  });

  it('applies customer X’s message and records Y’s as invalid when Y’s wa_id is longer than any phone number', async () => {
    const tooLong = '3'.repeat(40);
    const raw = batch(
      [
        { waId: '34611000003', name: 'Xena' },
        { waId: tooLong, name: 'Yusuf' },
      ],
      [textMessage('34611000003', 'wamid.mixed2.x', 'from X'), textMessage(tooLong, 'wamid.mixed2.y', 'from Y')],
    );
    expect((await postWebhook(pb.url, raw)).status).toBe(200);
    expect(await messagesWith('wamid.mixed2.x')).toHaveLength(1);
    expect(await messagesWith('wamid.mixed2.y')).toHaveLength(0);
    const event = await eventOf(raw);
    expect(event.status).toBe('invalid');
    expect(event.summary.invalid.map((part: { path: string }) => part.path)).toContain('entry.0.changes.0.value.messages.1');
  });
});

/** Customer X's normal message plus customer Y's message with one thing wrong, in one change. */
let customers = 0;
function mixedBatch(tag: string, y: { waId?: string; name?: string; message?: Record<string, unknown> }): { raw: string; xWamid: string; yWamid: string } {
  customers++;
  const xWaId = `3462${String(customers).padStart(7, '0')}`;
  const yWaId = y.waId ?? `3463${String(customers).padStart(7, '0')}`;
  const xWamid = `wamid.limit.${tag}.x`;
  const yWamid = `wamid.limit.${tag}.y`;
  const raw = batch(
    [
      { waId: xWaId, name: `X ${tag}` },
      { waId: yWaId, name: y.name ?? `Y ${tag}` },
    ],
    [textMessage(xWaId, xWamid, `X says ${tag}`), { ...textMessage(yWaId, yWamid, `Y says ${tag}`), ...y.message }],
  );
  return { raw, xWamid, yWamid };
}

describe('each limit of the database', () => {
  it.each([
    ['a wa_id over 32 digits', { waId: '3'.repeat(33) }],
    ['a wamid over 300 characters', { message: { id: `wamid.${'w'.repeat(300)}` } }],
    ['a type over 40 characters', { message: { type: 't'.repeat(41) } }],
    ['text over 70,000 characters', { message: { text: { body: 'b'.repeat(70_001) } } }],
    [
      'a payload over 1 MB',
      {
        message: {
          type: 'order',
          order: {
            catalog_id: 'c',
            product_items: Array.from({ length: 12_000 }, (_, i) => ({ product_retailer_id: `sku-${i}-${'p'.repeat(80)}`, quantity: 1 })),
          },
        },
      },
    ],
  ])('records Y’s message with %s as invalid and applies X’s', async (tag, y) => {
    const { raw, xWamid, yWamid } = mixedBatch(tag.replace(/\W+/g, '-'), y);
    expect((await postWebhook(pb.url, raw)).status).toBe(200);
    expect(await messagesWith(xWamid)).toHaveLength(1);
    const event = await eventOf(raw);
    expect(event.status).toBe('invalid');
    // A wa_id too long fails its contact entry too: both are recorded.
    expect(event.summary.invalid.map((part: { path: string }) => part.path)).toContain('entry.0.changes.0.value.messages.1');
    if (yWamid.length <= 300) expect(await messagesWith(yWamid)).toHaveLength(0);
  });

  it('cuts a 300-character profile name to 200 and applies the message', async () => {
    const { raw, yWamid } = mixedBatch('long-name', { name: 'N'.repeat(300) });
    expect((await postWebhook(pb.url, raw)).status).toBe(200);
    expect(await messagesWith(yWamid)).toHaveLength(1);
    expect((await eventOf(raw)).status).toBe('processed');
  });

  it.each([
    ['surrounding Unicode whitespace', (id: string) => `\u00a0${id}\u2003`],
    ['a NUL', (id: string) => `${id}\u0000`],
  ])('links a from that differs from a known wa_id only by %s to that customer', async (tag, pad) => {
    const waId = tag.startsWith('a NUL') ? '34640000011' : '34640000012';
    expect((await postWebhook(pb.url, batch([{ waId, name: 'Known' }], [textMessage(waId, `wamid.known.${waId}`, 'first')]))).status).toBe(200);
    const padded = pad(waId);
    const raw = batch([{ waId: padded, name: 'Known' }], [textMessage(padded, `wamid.padded.${waId}`, 'second')]);
    expect((await postWebhook(pb.url, raw)).status).toBe(200);
    const contacts = await api.list('contacts', `wa_id ~ "${waId}"`);
    expect(contacts.map((c) => c.wa_id)).toEqual([waId]);
    const [second] = await messagesWith(`wamid.padded.${waId}`);
    const [first] = await messagesWith(`wamid.known.${waId}`);
    expect(second.conversation).toBe(first.conversation);
  });
});

/** Sets a column's size in `messages`, as a later version's migration could. */
async function withTextLimit(max: number): Promise<void> {
  const collection = (await api.request('GET', '/api/collections/messages')).body;
  const fields = collection.fields.map((field: { name: string }) => (field.name === 'text' ? { ...field, max } : field));
  expect((await api.request('PATCH', '/api/collections/messages', { fields })).status).toBe(200);
}

describe('a part that fails while it is applied', () => {
  it('is rolled back alone — with the contact and ticket it had written — recorded, and applied by a replay once it can be', async () => {
    // Room for the bot's welcome replies, not for Y's message.
    await withTextLimit(1_000);
    let raw = '';
    try {
      raw = batch(
        [
          { waId: '34650000001', name: 'Short' },
          { waId: '34650000002', name: 'Wordy' },
        ],
        [textMessage('34650000001', 'wamid.savepoint.x', 'short'), textMessage('34650000002', 'wamid.savepoint.y', 'y'.repeat(1_001))],
      );
      expect((await postWebhook(pb.url, raw)).status).toBe(200);
      expect(await messagesWith('wamid.savepoint.x')).toHaveLength(1);
      expect(await messagesWith('wamid.savepoint.y')).toHaveLength(0);
      // The part wrote its contact and ticket before its message failed: its savepoint took them back.
      expect(await api.list('contacts', 'wa_id = "34650000002"')).toHaveLength(0);
      const event = await eventOf(raw);
      expect(event).toMatchObject({ status: 'invalid', invalid_parts: 1 });
      expect(event.summary.invalid).toMatchObject([{ path: 'entry.0.changes.0.value.messages.1', reason: 'apply-failed' }]);
      expect(event.summary.messages).toEqual({ stored: 1 });
    } finally {
      await withTextLimit(70_000);
    }

    // Replay: back to pending; only what was not applied is applied now, X's message stays single.
    const event = await eventOf(raw);
    expect((await api.update('webhook_events', event.id, { status: 'pending' })).status).toBe(200);
    expect((await api.request('POST', '/api/pocketdesk/worker/apply-webhooks', {})).body).toMatchObject({ applied: 1, failed: 0 });
    expect(await messagesWith('wamid.savepoint.x')).toHaveLength(1);
    expect(await messagesWith('wamid.savepoint.y')).toHaveLength(1);
    const replayed = (await api.view('webhook_events', event.id)).body;
    expect(replayed).toMatchObject({ status: 'processed', invalid_parts: 0 });
    expect(replayed.summary.messages).toEqual({ duplicate: 1, stored: 1 });
  });
});

describe('invalid events', () => {
  it('are counted in the backlog and listed for admins', async () => {
    const { raw } = mixedBatch('backlog', { message: { type: 't'.repeat(41) } });
    await postWebhook(pb.url, raw);
    const event = await eventOf(raw);
    const backlog = (await api.request('GET', '/api/pocketdesk/webhooks/backlog')).body;
    const invalid = await api.list('webhook_events', "status = 'invalid'");
    expect(backlog.invalid).toBe(invalid.length);
    expect(backlog.invalidEvents.map((e: { id: string }) => e.id)).toContain(event.id);
    expect(backlog.invalidEvents.find((e: { id: string }) => e.id === event.id).parts).toMatchObject([
      { path: 'entry.0.changes.0.value.messages.1', reason: 'invalid-message' },
    ]);

    const { email } = await createAgent(api, { name: 'Webhook Admin', role: 'admin' });
    const admin = await api.as(email, PASSWORD);
    expect((await admin.list('webhook_events', "status = 'invalid'")).map((e) => e.id)).toContain(event.id);
    expect((await admin.request('GET', '/api/pocketdesk/webhooks/backlog')).body.invalid).toBe(backlog.invalid);
  });
});
