import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { InjectInboundInput } from '../lib/schemas/simulator';
import { changeValueSchema, inboundMessageSchema, webhookEnvelopeSchema } from '../lib/schemas/webhook';
import { ACCESS_TOKEN, CHANNEL, receivedMessages, startTestRig, type TestRig } from './testing/test-rig';
import { waitFor } from './testing/wait-for';

const PHONE = '16505551234';

const CASES: [string, Partial<InjectInboundInput>][] = [
  ['text', { type: 'text', text: 'Where is my order?' }],
  ['image', { type: 'image', text: 'the broken box' }],
  ['voice note', { type: 'audio', voice: true }],
  ['document', { type: 'document', filename: 'receipt.pdf' }],
  ['video', { type: 'video' }],
  ['sticker', { type: 'sticker' }],
  ['location', { type: 'location', location: { latitude: 40.4168, longitude: -3.7038, name: 'Sol' } }],
  ['reaction', { type: 'reaction', reaction: { messageId: 'wamid.abc', emoji: '❤️' } }],
  ['reaction removal', { type: 'reaction', reaction: { messageId: 'wamid.abc' } }],
  ['button reply', { type: 'interactive', buttonReply: { id: 'yes', title: 'Yes' }, contextId: 'wamid.biz' }],
  ['list reply', { type: 'interactive', listReply: { id: 'r1', title: 'Refund' }, contextId: 'wamid.biz' }],
  ['template button', { type: 'button', button: { payload: 'STOP', text: 'Stop' }, contextId: 'wamid.biz' }],
  ['contacts', { type: 'contacts' }],
  ['order', { type: 'order', text: 'for Friday' }],
  ['unsupported', { type: 'unsupported' }],
  ['system', { type: 'system' }],
];

describe('POST /_sim/inbound', () => {
  let rig: TestRig | undefined;
  afterEach(async () => rig?.close());

  it.each(CASES)('delivers a %s message that validates against the webhook schemas', async (_label, input) => {
    rig = await startTestRig();
    const result = await rig.simulator.injectInbound({ from: PHONE, name: 'Sheena Nelson', ...input, wait: true });
    expect(result.firstAttempt).toMatchObject({ ok: true, statusCode: 200 });

    const envelope = webhookEnvelopeSchema.parse(rig.receiver.received[0]?.json);
    expect(envelope.entry[0]?.id).toBe(CHANNEL.wabaId);
    const change = envelope.entry[0]?.changes[0];
    expect(change?.field).toBe('messages');
    const value = changeValueSchema.parse(change?.value);
    expect(value.metadata).toEqual({ display_phone_number: CHANNEL.displayPhoneNumber, phone_number_id: CHANNEL.phoneNumberId });
    const message = inboundMessageSchema.parse(value.messages?.[0]);
    expect(message).toMatchObject({ id: result.id, type: input.type, from: PHONE });
    expect(message.from_user_id).toMatch(/^US\.\d{20}$/);
    expect(message[message.type as keyof typeof message]).toBeDefined();
    if (input.type === 'system') expect(value.contacts).toBeUndefined();
    else expect(value.contacts).toEqual([{ profile: { name: 'Sheena Nelson' }, wa_id: PHONE, user_id: message.from_user_id }]);
  });

  it('opens the 24 h window so a free-form reply is accepted', async () => {
    rig = await startTestRig();
    await rig.simulator.injectInbound({ from: PHONE, text: 'hi' });
    const reply = await rig.graph(`/v25.0/${CHANNEL.phoneNumberId}/messages`, {
      body: { messaging_product: 'whatsapp', to: `+${PHONE}`, type: 'text', text: { body: 'Hello!' } },
    });

    expect(reply.status).toBe(200);
    expect(rig.simulator.sentMessages()[0]).toMatchObject({ windowOpen: true, pricing: { type: 'free_customer_service', category: 'service' } });
  });

  it('stores customer media so GET /{media-id} and the download URL resolve it', async () => {
    rig = await startTestRig();
    await rig.simulator.injectInbound({ from: PHONE, type: 'image', text: 'look', wait: true });
    const image = receivedMessages(rig.receiver)[0]?.['image'] as { id: string; sha256: string; mime_type: string };

    const info = await rig.graph(`/v25.0/${image.id}`);
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({ messaging_product: 'whatsapp', id: image.id, mime_type: 'image/png' });
    const download = await fetch(info.json.url, { headers: { Authorization: `Bearer ${ACCESS_TOKEN}` } });
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(createHash('sha256').update(bytes).digest('base64')).toBe(image.sha256);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(info.json.sha256);
    expect(info.json.file_size).toBe(bytes.length);
  });

  it('sends voice notes as Ogg/Opus flagged voice', async () => {
    rig = await startTestRig();
    await rig.simulator.injectInbound({ from: PHONE, type: 'audio', wait: true });
    expect(receivedMessages(rig.receiver)[0]?.['audio']).toMatchObject({ mime_type: 'audio/ogg; codecs=opus', voice: true });
  });

  it('omits the phone for username users and adds profile.username', async () => {
    rig = await startTestRig();
    rig.simulator.setKnobs({ bsuid_mode: 'username_no_phone' });
    await rig.simulator.injectInbound({ from: PHONE, name: 'Ana María', text: 'hola', wait: true });
    const value = changeValueSchema.parse((rig.receiver.received[0]?.json as { entry: { changes: { value: unknown }[] }[] }).entry[0]?.changes[0]?.value);

    expect(value.messages?.[0]?.from).toBeUndefined();
    expect(value.messages?.[0]?.from_user_id).toMatch(/^US\./);
    expect(value.contacts?.[0]).toEqual({ profile: { name: 'Ana María', username: 'ana.maria' }, user_id: value.messages?.[0]?.from_user_id });
  });

  it('sends phone numbers only when BSUIDs are off', async () => {
    rig = await startTestRig();
    rig.simulator.setKnobs({ bsuid_mode: 'off' });
    await rig.simulator.injectInbound({ from: PHONE, text: 'hi', wait: true });
    const message = receivedMessages(rig.receiver)[0];
    expect(message?.['from']).toBe(PHONE);
    expect(message?.['from_user_id']).toBeUndefined();
  });

  it('accepts a customer known only by user id', async () => {
    rig = await startTestRig();
    rig.simulator.setKnobs({ bsuid_mode: 'off' });
    await rig.simulator.injectInbound({ userId: 'US.13491208655302741918', name: 'No Phone', text: 'hi', wait: true });
    const message = receivedMessages(rig.receiver)[0];
    expect(message?.['from']).toBeUndefined();
    expect(message?.['from_user_id']).toBe('US.13491208655302741918');
  });

  it('includes a direct media url when the knob is on', async () => {
    rig = await startTestRig();
    rig.simulator.setKnobs({ media_url_in_webhook: true });
    await rig.simulator.injectInbound({ from: PHONE, type: 'document', wait: true });
    const document = receivedMessages(rig.receiver)[0]?.['document'] as { url?: string; filename?: string };
    expect(document.url).toMatch(new RegExp(`^${rig.simulator.url}/_sim/media/\\d+\\?token=`));
    expect(document.filename).toBe('document.pdf');
  });

  it('quotes the message given as contextId', async () => {
    rig = await startTestRig();
    const first = await rig.simulator.injectInbound({ from: PHONE, text: 'one' });
    await rig.simulator.injectInbound({ from: PHONE, text: 'two', contextId: first.id, wait: true });
    expect(receivedMessages(rig.receiver).at(-1)?.['context']).toEqual({ from: PHONE, id: first.id });
  });

  it('answers 400 with the offending fields for an invalid request', async () => {
    rig = await startTestRig();
    const res = await fetch(`${rig.simulator.url}/_sim/inbound`, { method: 'POST', body: JSON.stringify({ from: '+1 650', type: 'text' }) });
    const body = (await res.json()) as { error: { reason: string; issues: { path: string }[] } };

    expect(res.status).toBe(400);
    expect(body.error.reason).toBe('invalid-inbound');
    expect(body.error.issues.map((issue) => issue.path).sort()).toEqual(['from', 'text']);
  });

  it('refuses an unknown business line', async () => {
    rig = await startTestRig();
    const res = await fetch(`${rig.simulator.url}/_sim/inbound`, { method: 'POST', body: JSON.stringify({ phoneNumberId: '999', text: 'hi' }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe('unknown-channel');
  });

  it('moves the customer to the new number on user_changed_number', async () => {
    rig = await startTestRig();
    await rig.simulator.injectInbound({ from: PHONE, text: 'hi' });
    await rig.simulator.injectInbound({
      from: PHONE,
      type: 'system',
      fields: { system: { body: 'changed', wa_id: '16505550000', type: 'user_changed_number' } },
      wait: true,
    });
    expect(rig.simulator.customers()[0]?.waId).toBe('16505550000');
    await waitFor(() => receivedMessages(rig!.receiver).length === 2);
  });

  it('sends byte-identical webhooks for the same seed and clock', async () => {
    const bodies: string[] = [];
    for (let run = 0; run < 2; run++) {
      const local = await startTestRig({ seed: 1234, now: () => Date.UTC(2026, 2, 3, 4, 5, 6) });
      await local.simulator.injectInbound({ from: PHONE, name: 'Ana', type: 'image', text: 'foto', wait: true });
      bodies.push(local.receiver.received[0]?.body ?? '');
      await local.close();
    }
    expect(bodies[0]).toContain('"timestamp":"1772510706"');
    expect(bodies[1]).toBe(bodies[0]);
  });
});
