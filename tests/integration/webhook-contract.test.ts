import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectInboundInput } from '../../src/lib/schemas/simulator';
import { createAgent, PASSWORD } from '../support/seed';
import { eventually, startStack, type Stack } from '../support/stack';
import { fixture, postWebhook } from '../support/webhook-client';

// The Cloud API contract's acceptance list (§8), against PocketBase + the simulator playing Meta.
let stack: Stack;

const envelope = (value: Record<string, unknown>, field = 'messages') => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: 'WABA',
      changes: [
        { field, value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' }, ...value } },
      ],
    },
  ],
});
const status = (id: string, name: string, ts: number, extra: Record<string, unknown> = {}) => ({
  id,
  status: name,
  timestamp: String(ts),
  recipient_id: '34600000000',
  ...extra,
});
const one = async (filter: string) => (await stack.api.list('messages', filter))[0];

async function outboundMessage(wamid: string): Promise<string> {
  const { id: inbound } = await stack.sim.injectInbound({ from: '34600000000', name: 'Status customer', type: 'text', text: 'hi', wait: true });
  const conversation = (await one(`wamid = "${inbound}"`)).conversation;
  const created = await stack.api.create('messages', { conversation, direction: 'out', type: 'text', text: 'reply', status: 'sending', wamid });
  return created.body.id;
}

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

describe('statuses', () => {
  it('never moves backwards when Meta reorders them, and keeps pricing', async () => {
    const id = await outboundMessage('wamid.reorder');
    for (const [name, ts] of [
      ['read', 3],
      ['sent', 1],
      ['delivered', 2],
    ] as const) {
      const extra = name === 'sent' ? { pricing: { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' } } : {};
      expect(
        (await stack.sim.replay(envelope({ statuses: [status('wamid.reorder', name, 1_700_000_000 + ts, extra)] }), { wait: true })).firstAttempt?.statusCode,
      ).toBe(200);
    }
    const message = (await stack.api.view('messages', id)).body;
    expect(message.status).toBe('read');
    expect(message.delivered_at).not.toBe('');
    expect(message.pricing).toMatchObject({ pricing_model: 'PMP', category: 'service' });
  });

  it('keeps failed terminal with Meta’s code and title, and treats a repeated status as a no-op', async () => {
    const id = await outboundMessage('wamid.failed');
    const failed = status('wamid.failed', 'failed', 1_700_000_010, { errors: [{ code: 131026, title: 'Message undeliverable' }] });
    await stack.sim.replay(envelope({ statuses: [failed] }), { wait: true });
    await stack.sim.replay(envelope({ statuses: [status('wamid.failed', 'delivered', 1_700_000_011)] }), { wait: true });
    await stack.sim.replay(envelope({ statuses: [failed] }), { wait: true });
    expect((await stack.api.view('messages', id)).body).toMatchObject({
      status: 'failed',
      error_code: 131026,
      error_title: 'Message undeliverable',
      error_reason: 'undeliverable',
    });
  });
});

describe('batches and odd payloads', () => {
  it('processes every entry, change, message and status of one POST', async () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [1, 2].map((e) => ({
        id: `WABA${e}`,
        changes: [1, 2].map((c) => ({
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
            contacts: [{ wa_id: `3461000${e}${c}0`, profile: { name: `Batch ${e}${c}` } }, { wa_id: `3461000${e}${c}1` }],
            messages: [0, 1].map((m) => ({
              from: `3461000${e}${c}${m}`,
              id: `wamid.batch.${e}.${c}.${m}`,
              timestamp: '1700000000',
              type: 'text',
              text: { body: `batch ${e}${c}${m}` },
            })),
          },
        })),
      })),
    };
    expect((await stack.sim.replay(body, { wait: true })).firstAttempt?.statusCode).toBe(200);
    expect(await stack.api.list('messages', 'wamid ~ "wamid.batch."')).toHaveLength(8);
  });

  it('acknowledges an unknown field and keeps it as unsupported', async () => {
    const response = await postWebhook(stack.pb.url, JSON.stringify(envelope({ event: 'VOLUME_BASED_PRICING_TIER_UPDATE' }, 'account_update')));
    expect(response.status).toBe(200);
    const [event] = await stack.api.list('webhook_events', 'status = "unsupported"');
    expect(event.fields).toEqual(['account_update']);
  });

  it('acknowledges a number we do not serve and flags it instead of dropping it', async () => {
    const body = JSON.stringify({
      ...envelope({}),
      entry: [
        {
          id: 'W',
          changes: [
            {
              field: 'messages',
              value: {
                metadata: { phone_number_id: '999999999' },
                messages: [{ from: '1', id: 'wamid.lost', timestamp: '1', type: 'text', text: { body: 'x' } }],
              },
            },
          ],
        },
      ],
    });
    expect((await postWebhook(stack.pb.url, body)).status).toBe(200);
    const [event] = await stack.api.list('webhook_events', 'status = "unknown_channel"');
    expect(event.phone_number_ids).toEqual(['999999999']);
    expect(await one('wamid = "wamid.lost"')).toBeUndefined();
  });

  it('refuses a body over 3 MB with 413 and stores nothing', async () => {
    const before = (await stack.api.list('webhook_events')).length;
    const huge = JSON.stringify(envelope({ messages: [{ from: '1', id: 'wamid.huge', timestamp: '1', type: 'text', text: { body: 'x'.repeat(3_200_000) } }] }));
    expect((await postWebhook(stack.pb.url, huge)).status).toBe(413);
    expect((await stack.api.list('webhook_events')).length).toBe(before);
  });
});

describe('contacts and message types', () => {
  it('updates the contact on a number change instead of creating a new one', async () => {
    await stack.sim.injectInbound({ from: '34622000001', name: 'Moving Mary', type: 'text', text: 'hello', wait: true });
    const before = await stack.api.list('contacts');
    await stack.sim.replay(
      envelope({
        messages: [
          {
            from: '34622000001',
            id: 'wamid.numberchange',
            timestamp: '1700000100',
            type: 'system',
            system: { body: 'Changed number', type: 'user_changed_number', wa_id: '34622000002' },
          },
        ],
      }),
      { wait: true },
    );
    const after = await stack.api.list('contacts');
    expect(after).toHaveLength(before.length);
    expect(after.find((c) => c.wa_id === '34622000002')?.name).toBe('Moving Mary');
  });

  it('attaches a reaction to the message it reacts to, and removes it again', async () => {
    const { id: target } = await stack.sim.injectInbound({ from: '34633000001', name: 'Reactor', type: 'text', text: 'thanks', wait: true });
    await stack.sim.injectInbound({ from: '34633000001', type: 'reaction', reaction: { messageId: target, emoji: '👍' }, wait: true });
    expect((await one(`wamid = "${target}"`)).reactions.customer.emoji).toBe('👍');
    await stack.sim.injectInbound({ from: '34633000001', type: 'reaction', reaction: { messageId: target }, wait: true });
    expect((await one(`wamid = "${target}"`)).reactions.customer).toBeUndefined();
  });

  it.each([
    [{ type: 'location', location: { latitude: 40.4, longitude: -3.7, name: 'Shop' } }, 'location'],
    [{ type: 'interactive', buttonReply: { id: 'yes', title: 'Yes please' } }, 'interactive'],
    [{ type: 'button', button: { payload: 'CANCEL_42', text: 'Cancel order' } }, 'button'],
    [{ type: 'document', filename: 'invoice.pdf', mimeType: 'application/pdf', text: 'My invoice' }, 'document'],
    [{ type: 'text', text: 'quoted', forwarded: 'frequently_forwarded' }, 'text'],
  ] as Array<[InjectInboundInput, string]>)('stores %j in a renderable form', async (input, type) => {
    const { id } = await stack.sim.injectInbound({ from: '34644000001', name: 'Types', ...input, wait: true });
    const message = await one(`wamid = "${id}"`);
    expect(message.type).toBe(type);
    expect(message.text).not.toBe('');
  });

  it('keeps every sample payload from Meta and the SDKs through the simulator, byte-for-byte re-signed', async () => {
    for (const name of [
      'audio-voice.json',
      'video-forwarded.json',
      'interactive-nfm-reply.json',
      'unsupported-with-type.json',
      'user-preferences-resume.json',
    ]) {
      expect((await stack.sim.replay(fixture(name), { wait: true })).firstAttempt?.statusCode, name).toBe(200);
    }
  });
});

describe('mark as read', () => {
  it('marks the newest customer message read on WhatsApp when the agent opens the conversation', async () => {
    stack.startWorker();
    const { id: wamid } = await stack.sim.injectInbound({ from: '34655000001', name: 'Reader', type: 'text', text: 'are you there?', wait: true });
    const message = await one(`wamid = "${wamid}"`);
    const admin = await createAgent(stack.api, { name: 'Reading Admin', role: 'admin' });
    const api = await stack.api.as(admin.email, PASSWORD);
    expect((await api.request('POST', `/api/pocketdesk/conversations/${message.conversation}/read`)).status).toBe(200);
    await eventually(async () => stack.sim.markedRead().some((receipt) => receipt.messageId === wamid), 'the read receipt at Meta');
    expect((await stack.api.view('conversations', message.conversation)).body.unread_count).toBe(0);
  });
});
