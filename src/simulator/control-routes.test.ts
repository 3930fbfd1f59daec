import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { webhookEnvelopeSchema } from '../lib/schemas/webhook';
import { serializeLikeMeta } from './meta-json';
import type { SimulatorState } from './state-snapshot';
import { APP_SECRET, CHANNEL, receivedStatuses, startTestRig, type TestRig } from './testing/test-rig';
import { waitFor } from './testing/wait-for';

// Shapes of Meta's published samples (fixtures/text.json and reaction.json in the shared WhatsApp notes).
const metadata = { display_phone_number: '15550783881', phone_number_id: '106540352242922' };
const contacts = [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }];
const envelope = (message: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: '102290129340398', changes: [{ value: { messaging_product: 'whatsapp', metadata, contacts, messages: [message] }, field: 'messages' }] }],
});
const TEXT_FIXTURE = envelope({
  from: '16505551234',
  id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
  timestamp: '1749416383',
  type: 'text',
  text: { body: 'Does it come in another color?' },
});
const REACTION_FIXTURE = envelope({
  from: '16505551234',
  id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
  timestamp: '1749419544',
  type: 'reaction',
  reaction: { message_id: 'wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=', emoji: '👍' },
});
const MESSAGES = `/v25.0/${CHANNEL.phoneNumberId}/messages`;

async function control(rig: TestRig, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(
    `${rig.simulator.url}/_sim/${path}`,
    body === undefined ? {} : { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) },
  );
  return { status: res.status, json: await res.json() };
}

describe('control routes', () => {
  let rig: TestRig | undefined;
  afterEach(async () => rig?.close());

  it('runs the verification handshake against the webhook URL', async () => {
    rig = await startTestRig();
    const result = await control(rig, 'verify', {});
    expect(result.json).toMatchObject({ ok: true, status: 200, rejectsWrongToken: true });
    expect(result.json.body).toBe(result.json.challenge);
    expect(result.json.challenge).toMatch(/^\d{10}$/);
  });

  it('reports a failed handshake when the token does not match', async () => {
    rig = await startTestRig();
    const result = await control(rig, 'verify', { verifyToken: 'not-the-token' });
    expect(result.json).toMatchObject({ ok: false, status: 403 });
    expect((await control(rig, 'state')).json.lastHandshake.ok).toBe(false);
  });

  it('replays a fixture re-serialised the Meta way and signed', async () => {
    rig = await startTestRig();
    const fixture = REACTION_FIXTURE;
    const result = await control(rig, 'replay', { payload: fixture, wait: true });
    expect(result.json.firstAttempt).toMatchObject({ ok: true, statusCode: 200 });

    const hook = rig.receiver.received[0];
    expect(hook?.body).toBe(serializeLikeMeta(fixture));
    expect(hook?.body).toContain('"emoji":"\\ud83d\\udc4d"');
    expect(hook?.signature).toBe(
      `sha256=${createHmac('sha256', APP_SECRET)
        .update(hook?.raw ?? '')
        .digest('hex')}`,
    );
  });

  it('replays a raw JSON body as-is when it is not wrapped in {payload}', async () => {
    rig = await startTestRig();
    const text = JSON.stringify(TEXT_FIXTURE, null, 2);
    await control(rig, 'replay', text);
    const hook = await waitFor(() => rig?.receiver.received[0], 5_000, 'the replay');
    expect(hook.json).toEqual(JSON.parse(text));
  });

  it('opens the window of a customer whose message was replayed', async () => {
    rig = await startTestRig();
    rig.simulator.setKnobs({ window_mode: 'sync' });
    await control(rig, 'replay', { payload: TEXT_FIXTURE, wait: true });
    const reply = await rig.graph(MESSAGES, { body: { messaging_product: 'whatsapp', to: '16505551234', type: 'text', text: { body: 'Yes, in blue.' } } });
    expect(reply.status).toBe(200);
  });

  it('shows messages, deliveries with attempts and customers in /_sim/state', async () => {
    rig = await startTestRig();
    const { id } = await rig.simulator.injectInbound({ from: '16505551234', name: 'Sheena', text: 'hi', wait: true });
    await rig.graph(MESSAGES, { body: { messaging_product: 'whatsapp', to: '16505551234', type: 'text', text: { body: 'hello' } } });

    const state = (await control(rig, 'state')).json as SimulatorState;
    expect(state.inbound.map((message) => message.id)).toEqual([id]);
    expect(state.sentMessages.map((message) => message.preview)).toEqual(['hello']);
    expect(state.customers).toEqual([expect.objectContaining({ waId: '16505551234', name: 'Sheena' })]);
    expect(state.webhooks?.[0]).toMatchObject({ kind: 'messages', state: 'delivered', attempts: [{ ok: true, statusCode: 200 }] });
    expect((await control(rig, 'state?webhooks=0')).json.webhooks).toBeUndefined();
  });

  it('forgets everything on reset', async () => {
    rig = await startTestRig();
    await rig.simulator.injectInbound({ from: '16505551234', text: 'hi', wait: true });
    await control(rig, 'knobs', { batch_size: 5 });
    expect((await control(rig, 'reset', {})).json).toEqual({ ok: true });

    const state = (await control(rig, 'state')).json as SimulatorState;
    expect([state.inbound, state.customers, state.webhooks, state.sentMessages]).toEqual([[], [], [], []]);
    expect(state.knobs.batch_size).toBe(1);
  });

  it('updates knobs and refuses unknown or invalid ones', async () => {
    rig = await startTestRig();
    expect((await control(rig, 'knobs', { reorder_statuses: true })).json.reorder_statuses).toBe(true);
    const bad = await control(rig, 'knobs', { batch_size: 0, nope: 1 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.reason).toBe('invalid-request');
  });

  it('answers invalid JSON with 400', async () => {
    rig = await startTestRig();
    const res = await control(rig, 'fail-next', '{nope');
    expect(res).toMatchObject({ status: 400, json: { error: { reason: 'invalid-json' } } });
  });

  it('batches several statuses into one POST when batch_size allows', async () => {
    rig = await startTestRig({ statusDelaysMs: { sent: 50, delivered: 50, read: 50, played: 50 } });
    await rig.simulator.injectInbound({ from: '16505551234', text: 'hi', wait: true });
    rig.simulator.setKnobs({ batch_size: 3 });
    await rig.graph(MESSAGES, { body: { messaging_product: 'whatsapp', to: '16505551234', type: 'text', text: { body: 'hello' } } });

    await waitFor(() => receivedStatuses(rig!.receiver).length === 3, 5_000, 'three statuses');
    expect(rig.receiver.received).toHaveLength(2);
    const batch = webhookEnvelopeSchema.parse(rig.receiver.received[1]?.json);
    const value = batch.entry[0]?.changes[0]?.value as { statuses: { status: string }[]; contacts: unknown[] };
    expect(value.statuses.map((status) => status.status)).toEqual(['sent', 'delivered', 'read']);
    expect(value.contacts).toHaveLength(1);
  });

  it('delivers the same bytes twice when duplicate_probability is 1', async () => {
    rig = await startTestRig();
    rig.simulator.setKnobs({ duplicate_probability: 1 });
    await rig.simulator.injectInbound({ from: '16505551234', text: 'dup' });
    await waitFor(() => rig?.receiver.received.length === 2, 5_000, 'two deliveries');
    expect(rig.receiver.received[0]?.body).toBe(rig.receiver.received[1]?.body);
    expect(rig.simulator.webhookLog()[1]?.duplicateOf).toBe(rig.simulator.webhookLog()[0]?.id);
  });

  it('sends read before delivered when reorder_statuses is on', async () => {
    rig = await startTestRig();
    await rig.simulator.injectInbound({ from: '16505551234', text: 'hi', wait: true });
    rig.simulator.setKnobs({ reorder_statuses: true });
    await rig.graph(MESSAGES, { body: { messaging_product: 'whatsapp', to: '16505551234', type: 'text', text: { body: 'hello' } } });
    await waitFor(() => receivedStatuses(rig!.receiver).length === 3, 5_000, 'three statuses');
    expect(receivedStatuses(rig.receiver).map((status) => status['status'])).toEqual(['sent', 'read', 'delivered']);
    expect(rig.simulator.sentMessages()[0]?.status).toBe('read');
  });

  it('serves the phone page at / as HTML', async () => {
    rig = await startTestRig();
    const res = await fetch(`${rig.simulator.url}/`);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('WhatsApp simulator');
  });

  it('answers unknown control routes with 404', async () => {
    rig = await startTestRig();
    expect((await control(rig, 'nope')).status).toBe(404);
  });
});
