// Issue #19 in `npm start`: the demo's simulator, left alone, plays the business side of Meta (a history sync at
// start, an ad click, the owner answering from the WhatsApp Business app, a customer's edit and delete, a missed and
// an answered call, a template review, an opt-out) and the desk applies each one. Asserted on the desk's records,
// and on the admin's history and health view; plus the contract cases the demo found missing (a declined history,
// a pause explained in `other_info` with `reason: null`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PHONE_NUMBER_ID, seedDemo } from '../../scripts/demo-seed.mjs';
import { startSimulator, type Simulator } from '../../src/simulator/server';
import { Api } from '../support/api';
import { startPocketBase, TEST_APP_SECRET, TEST_VERIFY_TOKEN, type RunningPocketBase } from '../support/pocketbase';
import { drainStoredWebhooks, eventually } from '../support/stack';
import { postWebhook } from '../support/webhook-client';

let pb: RunningPocketBase;
let api: Api;
let sim: Simulator;
let channelId: string;

beforeAll(async () => {
  pb = await startPocketBase();
  api = new Api(pb.url, pb.superuserToken);
  await seedDemo(pb.url, pb.superuserToken);
  channelId = (await api.list('channels', `phone_number_id = "${DEMO_PHONE_NUMBER_ID}"`))[0].id;
  // The demo's own settings (scripted customers and the business phone on, as `npm start` runs them), time compressed.
  sim = await startSimulator({
    webhookUrl: `${pb.url}/api/whatsapp/webhook`,
    appSecret: TEST_APP_SECRET,
    accessToken: 'demo-token',
    verifyToken: TEST_VERIFY_TOKEN,
    timeScale: 0.005,
    channels: [{ phoneNumberId: DEMO_PHONE_NUMBER_ID, displayPhoneNumber: '15550783881', wabaId: '102290129340398' }],
    scriptedCustomers: true,
    businessPhone: true,
    seed: 19,
  });
}, 60_000);
afterAll(async () => {
  await sim?.close();
  await pb?.stop();
});

/** Waits until the desk's records satisfy `check`, applying stored webhooks as a worker would. */
const desk = <T>(check: () => Promise<T | null | undefined | false>, what: string) =>
  eventually(
    async () => {
      await drainStoredWebhooks(api);
      return check();
    },
    what,
    90_000,
  );

const messages = (filter: string) => api.list('messages', filter);

describe('the demo simulator left alone', () => {
  it('imports a past history at start, in two phases, once', async () => {
    const imported = await desk(async () => {
      const rows = await messages("origin = 'history'");
      return rows.length >= 4 && rows;
    }, 'the start-up history');
    expect(imported.every((m: { wamid: string }) => m.wamid.startsWith('wamid.sim-history.start.'))).toBe(true);
    expect(new Set(imported.map((m: { direction: string }) => m.direction))).toEqual(new Set(['in', 'out']));
    const health = (await api.view('channels', channelId)).body.health;
    expect(health.history).toMatchObject({ progress: 100, phases: [{ phase: 0 }, { phase: 1 }] });
    expect(health.history.finishedAt).not.toBe('');
  });

  it('brings a customer from an ad, with the ad on their message', async () => {
    const fromAd = await desk(async () => (await messages("referral != null && direction = 'in'"))[0], 'the ad click');
    expect(fromAd.referral).toMatchObject({ sourceType: 'ad', sourceId: '120210000000001' });
  });

  it('shows the owner’s reply from the WhatsApp Business app in a waiting customer’s ticket', async () => {
    const echo = await desk(async () => (await messages("origin = 'business_app'"))[0], 'an echo');
    const [ana] = await api.list('agents', "email = 'ana@demo.pocketdesk'");
    // The demo number is a Coexistence number whose phone Ana answers: the reply is hers.
    expect(echo).toMatchObject({ direction: 'out', sender: 'agent', author: ana.id });
    const conversation = (await api.view('conversations', echo.conversation)).body;
    expect(conversation.first_response_at).not.toBe('');
  });

  it('applies a customer’s edit and a customer’s delete to their messages', async () => {
    const edited = await desk(async () => (await messages("edited_at != '' && direction = 'in'"))[0], 'a customer edit');
    expect(edited.text).toMatch(/\((corrected|corregido)\)$/);
    const deleted = await desk(async () => (await messages("deleted_at != '' && direction = 'in'"))[0], 'a customer delete');
    expect(deleted.text).toBe('');
    expect(deleted.id).not.toBe(edited.id);
  });

  it('puts a missed call and an answered call in the timeline', async () => {
    const calls = await desk(async () => {
      const rows = await messages("type = 'call'");
      const outcomes = rows.map((m: { payload: { call: { outcome: string } } }) => m.payload.call.outcome);
      return outcomes.includes('missed') && outcomes.includes('completed') && rows;
    }, 'both calls');
    expect(calls.find((m: { payload: { call: { outcome: string } } }) => m.payload.call.outcome === 'completed').text).toBe('Call ended · 1:35');
  });

  it('pauses the reviewed template with Meta’s explanation', async () => {
    const template = await desk(async () => (await api.list('templates', "name = 'order_update' && status = 'paused'"))[0], 'the template review');
    expect(template.status_reason).toMatch(/blocked or reported/);
  });

  it('records a customer’s marketing opt-out on the contact', async () => {
    await desk(async () => (await api.list('contacts', 'marketing_opt_out = true'))[0], 'the opt-out');
  });

  it('gives the admin the history import and health of the number', async () => {
    const admin = await api.as('ana@demo.pocketdesk', DEMO_PASSWORD);
    const view = (await admin.request('GET', `/api/pocketdesk/channels/${channelId}/health`)).body;
    expect(view.history).toMatchObject({ state: 'finished', progress: 100 });
    expect(view.history.imported).toBeGreaterThanOrEqual(4);
    expect(view.lastWebhookAt).not.toBe('');
    // The demo number has no token: the admin is told, not shown a working line.
    expect(view.token).toBe('missing');
    const agent = await api.as('ben@demo.pocketdesk', DEMO_PASSWORD);
    expect((await agent.request('GET', `/api/pocketdesk/channels/${channelId}/health`)).status).toBe(403);
  });
});

describe('contract cases for the health screen', () => {
  const PNID = '209876543210987';
  let otherId: string;
  const envelope = (field: string, value: Record<string, unknown>) =>
    JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'WABA2', changes: [{ field, value }] }] });
  const metadata = { display_phone_number: '15550001111', phone_number_id: PNID };

  beforeAll(async () => {
    const created = await api.create('channels', {
      name: 'Second shop',
      phone_number_id: PNID,
      display_phone_number: '15550001111',
      timezone: 'UTC',
      waba_id: '102290129340398',
    });
    expect(created.status).toBe(200);
    otherId = created.body.id;
  });

  it('shows a declined history as declined, with Meta’s reason, not as an import stuck at 0 %', async () => {
    const declined = envelope('history', {
      messaging_product: 'whatsapp',
      metadata,
      history: [{ errors: [{ code: 2593109, title: 'History sync is turned off by the business', error_data: { details: 'declined' } }] }],
    });
    expect((await postWebhook(pb.url, declined)).status).toBe(200);
    await drainStoredWebhooks(api);
    const admin = await api.as('ana@demo.pocketdesk', DEMO_PASSWORD);
    const view = (await admin.request('GET', `/api/pocketdesk/channels/${otherId}/health`)).body;
    expect(view.history).toMatchObject({ state: 'declined', phases: [], errors: [{ code: 2593109 }] });
  });

  it('keeps the reason of a pause sent with `reason: null` and `other_info`', async () => {
    const created = await api.create('templates', {
      name: 'spring_promo',
      language: 'en_US',
      category: 'marketing',
      parameter_format: 'positional',
      components: [{ type: 'BODY', text: 'Spring sale!' }],
      status: 'approved',
      channel: otherId,
    });
    expect(created.status).toBe(200);
    const paused = envelope('message_template_status_update', {
      event: 'PAUSED',
      message_template_id: 5550001,
      message_template_name: 'spring_promo',
      message_template_language: 'en_US',
      reason: null,
      other_info: { title: 'FIRST_PAUSE', description: 'Paused for 3 hours due to low quality.' },
    });
    expect((await postWebhook(pb.url, paused)).status).toBe(200);
    await drainStoredWebhooks(api);
    const [template] = await api.list('templates', "name = 'spring_promo'");
    expect(template).toMatchObject({ status: 'paused', status_reason: 'Paused for 3 hours due to low quality.' });
  });
});
