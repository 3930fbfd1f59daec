import { afterEach, describe, expect, it } from 'vitest';
import { graphErrorResponseSchema, sendMessageResponseSchema } from '../lib/schemas/graph';
import { deliveryStatusSchema } from '../lib/schemas/webhook';
import { CHANNEL, receivedStatuses, receivedValueErrors, startTestRig, type TestRig } from './testing/test-rig';
import { waitFor } from './testing/wait-for';

const PHONE = '16505551234';
const MESSAGES = `/v25.0/${CHANNEL.phoneNumberId}/messages`;
const text = (body: string, to = `+${PHONE}`) => ({ messaging_product: 'whatsapp', to, type: 'text', text: { body } });
const template = (name: string, parameters: Record<string, string>[] = [], code = 'en_US') => ({
  messaging_product: 'whatsapp',
  to: PHONE,
  type: 'template',
  template: { name, language: { code }, components: parameters.length > 0 ? [{ type: 'body', parameters }] : [] },
});

function statusesOf(rig: TestRig, id: string) {
  return receivedStatuses(rig.receiver).filter((status) => status['id'] === id);
}

describe('POST /{v}/{pnid}/messages', () => {
  let rig: TestRig | undefined;
  afterEach(async () => rig?.close());

  async function openWindow() {
    await rig?.simulator.injectInbound({ from: PHONE, name: 'Sheena', text: 'hi', wait: true });
  }

  it('refuses a missing or wrong token with 401 and code 190', async () => {
    rig = await startTestRig();
    for (const token of [null, 'wrong']) {
      const res = await rig.graph(MESSAGES, { body: text('hi'), token });
      expect(res.status).toBe(401);
      expect(graphErrorResponseSchema.parse(res.json).error.code).toBe(190);
    }
    expect(rig.simulator.sentMessages()).toHaveLength(0);
  });

  it('answers code 100 naming the field when the body does not match the schema', async () => {
    rig = await startTestRig();
    const res = await rig.graph(MESSAGES, { body: { messaging_product: 'sms', to: PHONE, type: 'text', text: { body: '' } } });
    const { error } = graphErrorResponseSchema.parse(res.json);
    expect(res.status).toBe(400);
    expect(error).toMatchObject({ code: 100, type: 'OAuthException', error_data: { messaging_product: 'whatsapp' } });
    expect(error.error_data?.details).toContain('messaging_product');
    expect(error.error_data?.details).toContain('text.body');
    expect(error.fbtrace_id).toMatch(/^[\w-]{23}$/);
  });

  it.each([
    [
      'a fourth reply button',
      { type: 'button', body: { text: 'Pick' }, action: { buttons: [1, 2, 3, 4].map((n) => ({ type: 'reply', reply: { id: `b${n}`, title: `B${n}` } })) } },
    ],
    [
      'a button title over 20 characters',
      { type: 'button', body: { text: 'Pick' }, action: { buttons: [{ type: 'reply', reply: { id: 'b', title: 'x'.repeat(21) } }] } },
    ],
    [
      'eleven list rows',
      {
        type: 'list',
        body: { text: 'Pick' },
        action: { button: 'Open', sections: [{ title: 'S', rows: Array.from({ length: 11 }, (_, n) => ({ id: `r${n}`, title: `R${n}` })) }] },
      },
    ],
  ])('refuses %s with 131009', async (_label, interactive) => {
    rig = await startTestRig();
    await openWindow();
    const res = await rig.graph(MESSAGES, { body: { messaging_product: 'whatsapp', to: PHONE, type: 'interactive', interactive } });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(131009);
  });

  it('returns fresh unique wamids in the documented response shape', async () => {
    rig = await startTestRig();
    await openWindow();
    const first = await rig.graph(MESSAGES, { body: text('one') });
    const second = await rig.graph(MESSAGES, { body: text('two') });
    const one = sendMessageResponseSchema.parse(first.json);
    const two = sendMessageResponseSchema.parse(second.json);

    expect(one.contacts).toEqual([{ input: `+${PHONE}`, wa_id: PHONE }]);
    expect(one.messages[0]?.id).toMatch(/^wamid\.[A-Za-z0-9+/=]+$/);
    expect(one.messages[0]?.id).not.toBe(two.messages[0]?.id);
  });

  it('plays out sent, delivered and read status webhooks in order', async () => {
    rig = await startTestRig();
    await openWindow();
    const id = (await rig.graph(MESSAGES, { body: { ...text('hello'), biz_opaque_callback_data: 'ticket-9' } })).json.messages[0].id as string;

    await waitFor(() => statusesOf(rig!, id).length === 3, 5_000, 'three statuses');
    const statuses = statusesOf(rig, id).map((status) => deliveryStatusSchema.parse(status));
    expect(statuses.map((status) => status.status)).toEqual(['sent', 'delivered', 'read']);
    expect(statuses[0]).toMatchObject({
      recipient_id: PHONE,
      biz_opaque_callback_data: 'ticket-9',
      pricing: { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' },
    });
    expect(statuses[2]?.pricing).toBeUndefined();
    expect(rig.simulator.sentMessages()[0]?.status).toBe('read');
  });

  it('adds played for a voice note', async () => {
    rig = await startTestRig();
    await openWindow();
    const upload = new FormData();
    upload.set('messaging_product', 'whatsapp');
    upload.set('file', new Blob([Buffer.from('OggS-not-really')], { type: 'audio/ogg' }), 'note.ogg');
    const mediaId = (await rig.graph(`/v25.0/${CHANNEL.phoneNumberId}/media`, { form: upload })).json.id as string;
    const id = (await rig.graph(MESSAGES, { body: { messaging_product: 'whatsapp', to: PHONE, type: 'audio', audio: { id: mediaId, voice: true } } })).json
      .messages[0].id as string;

    await waitFor(() => statusesOf(rig!, id).length === 4, 5_000, 'four statuses');
    expect(statusesOf(rig, id).map((status) => status['status'])).toEqual(['sent', 'delivered', 'read', 'played']);
  });

  it('gives a business reaction only a sent status', async () => {
    rig = await startTestRig({ statusDelaysMs: { sent: 10, delivered: 20, read: 30, played: 40 } });
    await openWindow();
    const inbound = rig.simulator.inboundMessages()[0]?.id ?? '';
    const reaction = await rig.graph(MESSAGES, {
      body: { messaging_product: 'whatsapp', to: PHONE, type: 'reaction', reaction: { message_id: inbound, emoji: '👍' } },
    });
    const follow = await rig.graph(MESSAGES, { body: text('after') });

    await waitFor(() => statusesOf(rig!, follow.json.messages[0].id).length === 3, 5_000, 'the later message to be read');
    expect(statusesOf(rig, reaction.json.messages[0].id).map((status) => status['status'])).toEqual(['sent']);
  });

  it('accepts a free-form message outside the window, then fails it with 131047', async () => {
    rig = await startTestRig();
    const res = await rig.graph(MESSAGES, { body: text('are you there?') });
    expect(res.status).toBe(200);

    const id = res.json.messages[0].id as string;
    const [failed] = await waitFor(() => statusesOf(rig!, id).length > 0 && statusesOf(rig!, id), 5_000, 'the failed status');
    expect(deliveryStatusSchema.parse(failed)).toMatchObject({
      status: 'failed',
      recipient_id: PHONE,
      errors: [{ code: 131047, title: 'Re-engagement message' }],
    });
    expect(failed?.['pricing']).toBeUndefined();
    expect(rig.simulator.sentMessages()[0]).toMatchObject({ status: 'failed', windowOpen: false });
  });

  it('refuses a free-form message outside the window synchronously when the knob says so', async () => {
    rig = await startTestRig();
    rig.simulator.setKnobs({ window_mode: 'sync' });
    const res = await rig.graph(MESSAGES, { body: text('are you there?') });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(131047);
    expect(rig.simulator.sentMessages()).toHaveLength(0);
  });

  it('treats a window older than 24 hours as closed', async () => {
    let now = Date.UTC(2026, 0, 1);
    rig = await startTestRig({ now: () => now });
    rig.simulator.setKnobs({ window_mode: 'sync' });
    await openWindow();
    now += 24 * 60 * 60 * 1000 - 1;
    expect((await rig.graph(MESSAGES, { body: text('just in time') })).status).toBe(200);
    now += 1;
    expect((await rig.graph(MESSAGES, { body: text('too late') })).json.error.code).toBe(131047);
  });

  it('sends an approved template outside the window, billed as a regular utility message', async () => {
    rig = await startTestRig();
    const res = await rig.graph(MESSAGES, {
      body: template('order_update', [
        { type: 'text', text: 'A-42' },
        { type: 'text', text: 'shipped' },
      ]),
    });
    expect(res.status).toBe(200);
    expect(res.json.messages[0].message_status).toBe('accepted');
    const id = res.json.messages[0].id as string;
    await waitFor(() => statusesOf(rig!, id).length === 3, 5_000, 'template statuses');
    expect(statusesOf(rig, id)[0]?.['pricing']).toEqual({ billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' });
  });

  it('prices a utility template inside the window as free customer service', async () => {
    rig = await startTestRig();
    await openWindow();
    await rig.graph(MESSAGES, { body: template('welcome_back', [{ type: 'text', parameter_name: 'customer_name', text: 'Sheena' }]) });
    expect(rig.simulator.sentMessages()[0]?.pricing).toEqual({ billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' });
  });

  it('answers 132001 with HTTP 404 for an unknown template or language', async () => {
    rig = await startTestRig();
    for (const body of [template('no_such_template'), template('hello_world', [], 'fr')]) {
      const res = await rig.graph(MESSAGES, { body });
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe(132001);
    }
  });

  it('answers 132000 when the parameter count does not match', async () => {
    rig = await startTestRig();
    const res = await rig.graph(MESSAGES, { body: template('order_update', [{ type: 'text', text: 'only one' }]) });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(132000);
  });

  it('checks a text header’s parameters separately from the body’s', async () => {
    rig = await startTestRig();
    const shipped = (components: unknown[]) => ({
      messaging_product: 'whatsapp',
      to: PHONE,
      type: 'template',
      template: { name: 'order_shipped', language: { code: 'en_US' }, components },
    });
    const body = { type: 'body', parameters: [{ type: 'text', text: 'tomorrow' }] };
    const missingHeader = await rig.graph(MESSAGES, { body: shipped([body]) });
    expect(missingHeader.status).toBe(400);
    expect(missingHeader.json.error.code).toBe(132000);
    expect(missingHeader.json.error.error_data.details).toContain('header');
    const complete = await rig.graph(MESSAGES, { body: shipped([{ type: 'header', parameters: [{ type: 'text', text: 'A-1042' }] }, body]) });
    expect(complete.status).toBe(200);
  });

  it('answers 132012 when a named template gets unnamed parameters', async () => {
    rig = await startTestRig();
    const res = await rig.graph(MESSAGES, { body: template('welcome_back', [{ type: 'text', text: 'Sheena' }]) });
    expect(res.json.error.code).toBe(132012);
  });

  it('marks a customer message read with {success:true} and records it', async () => {
    rig = await startTestRig();
    await openWindow();
    const inbound = rig.simulator.inboundMessages()[0]?.id ?? '';
    const res = await rig.graph(MESSAGES, { body: { messaging_product: 'whatsapp', status: 'read', message_id: inbound, typing_indicator: { type: 'text' } } });
    expect(res).toEqual({ status: 200, json: { success: true } });
    expect(rig.simulator.markedRead()).toEqual([expect.objectContaining({ messageId: inbound, typing: true, phoneNumberId: CHANNEL.phoneNumberId })]);
  });

  it('fails the next sends synchronously as injected', async () => {
    rig = await startTestRig();
    await openWindow();
    rig.simulator.failNext({ code: 131000, count: 2 });
    expect((await rig.graph(MESSAGES, { body: text('1') })).json.error.code).toBe(131000);
    expect((await rig.graph(MESSAGES, { body: text('2') })).status).toBe(500);
    expect((await rig.graph(MESSAGES, { body: text('3') })).status).toBe(200);
  });

  it('fails the next send asynchronously with a failed status when asked', async () => {
    rig = await startTestRig();
    await openWindow();
    const queued = await fetch(`${rig.simulator.url}/_sim/fail-next`, { method: 'POST', body: JSON.stringify({ code: 131026, mode: 'async' }) });
    expect(await queued.json()).toEqual({ queued: 1 });
    const res = await rig.graph(MESSAGES, { body: text('1') });
    expect(res.status).toBe(200);

    const id = res.json.messages[0].id as string;
    await waitFor(() => statusesOf(rig!, id).length > 0, 5_000, 'the failed status');
    expect(statusesOf(rig, id)[0]).toMatchObject({ status: 'failed', errors: [{ code: 131026 }] });
  });

  it('emits a value-level error instead of statuses in value mode', async () => {
    rig = await startTestRig();
    await openWindow();
    rig.simulator.failNext({ code: 130429, mode: 'value' });
    expect((await rig.graph(MESSAGES, { body: text('1') })).status).toBe(200);
    const [error] = await waitFor(() => receivedValueErrors(rig!.receiver).length > 0 && receivedValueErrors(rig!.receiver), 5_000, 'the value error');
    expect(error).toMatchObject({ code: 130429, title: 'Rate limit hit' });
  });

  it('answers to a BSUID recipient with user_id in contacts', async () => {
    rig = await startTestRig();
    await rig.simulator.injectInbound({ userId: 'US.13491208655302741918', name: 'No Phone', text: 'hi' });
    const res = await rig.graph(MESSAGES, {
      body: { messaging_product: 'whatsapp', recipient: 'US.13491208655302741918', type: 'text', text: { body: 'hello' } },
    });
    expect(res.json.contacts).toEqual([{ input: 'US.13491208655302741918', user_id: 'US.13491208655302741918' }]);
  });

  it('refuses media ids it does not know', async () => {
    rig = await startTestRig();
    await openWindow();
    const res = await rig.graph(MESSAGES, { body: { messaging_product: 'whatsapp', to: PHONE, type: 'image', image: { id: '123' } } });
    expect(res.json.error.code).toBe(131009);
  });

  it.each([
    ['letters', 'call-me'],
    ['too few digits', '+1 2'],
  ])('refuses a to with %s with code 100', async (_label, to) => {
    rig = await startTestRig();
    const res = await rig.graph(MESSAGES, { body: text('hi', to) });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(100);
    expect(rig.simulator.customers()).toHaveLength(0);
  });

  it('refuses unknown phone number ids', async () => {
    rig = await startTestRig();
    const res = await rig.graph('/v25.0/999/messages', { body: text('hi') });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(100);
  });
});
