import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/server';
import { Api } from '../support/api';
import { startPocketBase, TEST_APP_SECRET, TEST_VERIFY_TOKEN, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createTeam, PASSWORD } from '../support/seed';

// Connecting a number from the app: "Check connection" asks the Graph API (here the simulator) with the stored,
// sealed token and explains Meta's answer; Meta's handshake with the channel's own verify token marks it verified;
// a switched-off number neither applies its customers' messages nor sends.

const PNID = '106540352277001';
const VALID_TOKEN = 'valid-simulator-token';
let sim: Simulator;
let pb: RunningPocketBase;
let root: Api;
let admin: Api;
let manager: Api;

beforeAll(async () => {
  // The simulator first: PocketBase's hooks must know its address (WHATSAPP_GRAPH_URL) when they start.
  sim = await startSimulator({
    webhookUrl: 'http://127.0.0.1:9/api/whatsapp/webhook',
    appSecret: TEST_APP_SECRET,
    accessToken: VALID_TOKEN,
    verifyToken: TEST_VERIFY_TOKEN,
    timeScale: 0.001,
    channels: [{ phoneNumberId: PNID, displayPhoneNumber: '15550197001', wabaId: '102290129340398' }],
    scriptedCustomers: false,
    seed: 11,
  });
  pb = await startPocketBase({ WHATSAPP_GRAPH_URL: sim.url });
  root = new Api(pb.url, pb.superuserToken);
  const team = await createTeam(root, 'Support');
  const a = await createAgent(root, { name: 'Connect Admin', role: 'admin', teams: [team], status: 'online', max_open: 5 });
  const m = await createAgent(root, { name: 'Connect Manager', role: 'manager', teams: [team], status: 'online', max_open: 5 });
  admin = await root.as(a.email, PASSWORD);
  manager = await root.as(m.email, PASSWORD);
}, 60_000);
afterAll(async () => {
  await sim?.close();
  await pb?.stop();
});

async function addNumber(data: Record<string, unknown>): Promise<string> {
  const created = await admin.create('channels', {
    name: 'Corner shop',
    timezone: 'Europe/Madrid',
    phone_number_id: PNID,
    waba_id: '102290129340398',
    ...data,
  });
  expect(created.status).toBe(200);
  return created.body.id;
}

describe('a number connected from the app', () => {
  let channelId = '';

  it('refuses fields the form’s schema refuses, each beside its field, and saves nothing', async () => {
    const refused = await admin.create('channels', { name: ' ', timezone: 'UTC', phone_number_id: '12ab', waba_id: 'x', access_token: 'has spaces in it' });
    expect(refused.status).toBe(400);
    expect(refused.body.data).toMatchObject({
      name: { code: 'name-required' },
      phone_number_id: { code: 'invalid-phone-number-id' },
      waba_id: { code: 'invalid-waba-id' },
      access_token: { code: 'invalid-access-token' },
    });
    expect(await root.list('channels')).toHaveLength(0);
  });

  it('refuses a new number without its WABA id, and an edit that empties it, while an old number without one keeps working', async () => {
    const fields = { name: 'Corner shop', timezone: 'UTC', access_token: VALID_TOKEN };
    for (const waba_id of [undefined, '', '   ']) {
      const refused = await admin.create('channels', { ...fields, phone_number_id: '106540352277999', ...(waba_id === undefined ? {} : { waba_id }) });
      expect(refused.status).toBe(400);
      expect(refused.body.data).toEqual({ waba_id: { code: 'waba-id-required', message: expect.any(String) } });
    }
    expect(await root.list('channels')).toHaveLength(0);

    const id = (await admin.create('channels', { ...fields, phone_number_id: '106540352277999', waba_id: '102290129340777' })).body.id;
    const emptied = await admin.update('channels', id, { waba_id: '' });
    expect(emptied.status).toBe(400);
    expect(emptied.body.data.waba_id.code).toBe('waba-id-required');
    expect((await admin.view('channels', id)).body.waba_id).toBe('102290129340777');

    // A number saved before the id was asked (a seeded row): its other fields still change.
    execFileSync('sqlite3', [join(pb.dataDir, 'data.db'), `UPDATE channels SET waba_id = '' WHERE id = '${id}'`]);
    const renamed = await admin.update('channels', id, { name: 'Corner shop (old)' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Corner shop (old)', waba_id: '' });
    expect((await root.delete('channels', id)).status).toBe(204);
  });

  it('explains an expired token in Meta’s terms, and then reads the number with a valid one', async () => {
    channelId = await addNumber({ access_token: 'expired-EAAG0000000000' });
    const expired = await admin.request('POST', `/api/pocketdesk/channels/${channelId}/check-connection`);
    expect(expired.status).toBe(200);
    expect(expired.body).toMatchObject({ reason: 'token-expired', code: 190, subcode: 463 });

    expect((await admin.update('channels', channelId, { access_token: 'not-the-right-token' })).status).toBe(200);
    expect((await admin.request('POST', `/api/pocketdesk/channels/${channelId}/check-connection`)).body).toMatchObject({ reason: 'token-invalid', code: 190 });

    expect((await admin.update('channels', channelId, { access_token: VALID_TOKEN })).status).toBe(200);
    const valid = await admin.request('POST', `/api/pocketdesk/channels/${channelId}/check-connection`);
    expect(valid.body).toMatchObject({ reason: 'connected', displayPhoneNumber: '15550197001', verifiedName: 'Pocketdesk Simulator', qualityRating: 'GREEN' });
    // The outcome is kept, and the number Meta knows fills the empty display number.
    const state = await admin.request('GET', `/api/pocketdesk/channels/${channelId}/connection`);
    expect(state.body).toMatchObject({ accessTokenSet: true, disabled: false, check: { reason: 'connected' }, webhookVerifiedAt: null });
    expect((await admin.view('channels', channelId)).body.display_phone_number).toBe('15550197001');
  });

  it('plays the expired token through the simulator’s knob as well', async () => {
    sim.setKnobs({ access_token_expired: true });
    try {
      expect((await admin.request('POST', `/api/pocketdesk/channels/${channelId}/check-connection`)).body.reason).toBe('token-expired');
    } finally {
      sim.setKnobs({ access_token_expired: false });
    }
  });

  it('never returns the token or the verify token, and masks them in the audit', async () => {
    const viewed = await admin.view('channels', channelId);
    expect(viewed.body.access_token).toBeUndefined();
    expect(viewed.body.verify_token).toBeUndefined();
    const entries = await root.list('audit_log', `record_id = "${channelId}"`);
    expect(JSON.stringify(entries)).not.toContain(VALID_TOKEN);
  });

  it('turns verified when Meta’s handshake carries the channel’s own verify token', async () => {
    const { verifyToken } = (await admin.request('GET', `/api/pocketdesk/channels/${channelId}/connection`)).body;
    expect(verifyToken).toMatch(/^\S{32}$/);
    const wrong = await sim.verifyWebhook('not-the-token', `${pb.url}/api/whatsapp/webhook`);
    expect(wrong.ok).toBe(false);
    expect((await admin.request('GET', `/api/pocketdesk/channels/${channelId}/connection`)).body.webhookVerifiedAt).toBeNull();
    const handshake = await sim.verifyWebhook(verifyToken, `${pb.url}/api/whatsapp/webhook`);
    expect(handshake).toMatchObject({ ok: true, rejectsWrongToken: true });
    expect((await admin.request('GET', `/api/pocketdesk/channels/${channelId}/connection`)).body.webhookVerifiedAt).toEqual(expect.any(String));
  });

  it('lets only admins read the connection or check it', async () => {
    const guest = new Api(pb.url, '');
    for (const [method, path] of [
      ['GET', 'connection'],
      ['POST', 'check-connection'],
    ] as const) {
      expect((await manager.request(method, `/api/pocketdesk/channels/${channelId}/${path}`)).status).toBe(403);
      expect((await guest.request(method, `/api/pocketdesk/channels/${channelId}/${path}`)).status).toBe(401);
    }
    expect((await manager.update('channels', channelId, { disabled: true })).status).toBe(404);
  });

  it('does not apply a switched-off number’s inbound messages, and applies them again once it is on', async () => {
    expect((await admin.update('channels', channelId, { disabled: true })).status).toBe(200);
    // The simulator posts to a dead address; send the customer's message to this desk directly.
    const sim2 = await startSimulator({
      webhookUrl: `${pb.url}/api/whatsapp/webhook`,
      appSecret: TEST_APP_SECRET,
      accessToken: VALID_TOKEN,
      verifyToken: TEST_VERIFY_TOKEN,
      timeScale: 0.001,
      channels: [{ phoneNumberId: PNID, displayPhoneNumber: '15550197001', wabaId: '102290129340398' }],
      scriptedCustomers: false,
      seed: 12,
    });
    try {
      await sim2.injectInbound({ from: '34600111222', type: 'text', text: 'Hello while off', wait: true });
      await root.request('POST', '/api/pocketdesk/worker/apply-webhooks', {});
      expect(await root.list('conversations', `channel = "${channelId}"`)).toHaveLength(0);
      expect((await admin.update('channels', channelId, { disabled: false })).status).toBe(200);
      await sim2.injectInbound({ from: '34600111223', type: 'text', text: 'Hello while on', wait: true });
      await root.request('POST', '/api/pocketdesk/worker/apply-webhooks', {});
      expect(await root.list('conversations', `channel = "${channelId}"`)).toHaveLength(1);
    } finally {
      await sim2.close();
    }
  });
});
