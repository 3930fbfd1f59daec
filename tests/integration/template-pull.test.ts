import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../src/simulator/template-registry';
import { startSimulator, type Simulator } from '../../src/simulator/server';
import { Api } from '../support/api';
import { startPocketBase, TEST_APP_SECRET, TEST_VERIFY_TOKEN, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createTeam, PASSWORD } from '../support/seed';

// "Get templates from Meta": the channel's account's templates pulled page by page from the Graph API (here the
// simulator, with a small page size so the pull follows Meta's cursor), upserted by name and language.

const PNID = '106540352277002';
const WABA = '102290129340399';
const VALID_TOKEN = 'valid-simulator-token';
let sim: Simulator;
let pb: RunningPocketBase;
let root: Api;
let admin: Api;
let manager: Api;
let agent: Api;
let agentId = '';
let channelId = '';

beforeAll(async () => {
  sim = await startSimulator({
    webhookUrl: 'http://127.0.0.1:9/api/whatsapp/webhook',
    appSecret: TEST_APP_SECRET,
    accessToken: VALID_TOKEN,
    verifyToken: TEST_VERIFY_TOKEN,
    timeScale: 0.001,
    channels: [{ phoneNumberId: PNID, displayPhoneNumber: '15550197002', wabaId: WABA }],
    scriptedCustomers: false,
    seed: 12,
  });
  pb = await startPocketBase({ WHATSAPP_GRAPH_URL: sim.url });
  root = new Api(pb.url, pb.superuserToken);
  const team = await createTeam(root, 'Support');
  const a = await createAgent(root, { name: 'Pull Admin', role: 'admin', teams: [team], status: 'online', max_open: 5 });
  const m = await createAgent(root, { name: 'Pull Manager', role: 'manager', teams: [team], status: 'online', max_open: 5 });
  const g = await createAgent(root, { name: 'Pull Agent', role: 'agent', teams: [team], status: 'online', max_open: 5 });
  admin = await root.as(a.email, PASSWORD);
  manager = await root.as(m.email, PASSWORD);
  agent = await root.as(g.email, PASSWORD);
  agentId = g.id;
  const created = await admin.create('channels', {
    name: 'Corner shop',
    timezone: 'UTC',
    phone_number_id: PNID,
    waba_id: WABA,
    access_token: VALID_TOKEN,
    default_team: team,
  });
  expect(created.status).toBe(200);
  channelId = created.body.id;
}, 60_000);
afterAll(async () => {
  await sim?.close();
  await pb?.stop();
});

const pull = (as: Api = admin) => as.request('POST', `/api/pocketdesk/channels/${channelId}/pull-templates`);
const rows = async () => (await root.list('templates', `channel = "${channelId}"`)) as Record<string, any>[];
const row = async (name: string) => (await rows()).find((t) => t.name === name);

describe('getting the templates from Meta', () => {
  it('follows Meta’s pages and stores every template with its status, reason and quality', async () => {
    sim.setKnobs({ template_page_size: 3 });
    const pulled = await pull();
    expect(pulled.status).toBe(200);
    expect(pulled.body).toMatchObject({ ok: true, total: DEFAULT_TEMPLATES.length, created: DEFAULT_TEMPLATES.length, updated: 0, removed: 0 });
    // More templates than one page holds: only following the cursor finds them all.
    expect(DEFAULT_TEMPLATES.length).toBeGreaterThan(3);
    expect(await rows()).toHaveLength(DEFAULT_TEMPLATES.length);
    expect(await row('spring_sale')).toMatchObject({ status: 'paused', meta_status: 'PAUSED', category: 'marketing' });
    expect(await row('win_a_prize')).toMatchObject({ status: 'rejected', status_reason: 'PROMOTIONAL' });
    const shipped = await row('order_shipped');
    expect(shipped).toMatchObject({
      status: 'approved',
      quality: 'GREEN',
      language: 'en_US',
      parameter_format: 'positional',
      meta_id: expect.stringMatching(/^\d+$/),
    });
    expect(shipped?.components).toEqual([
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
      { type: 'BODY', text: 'Good news: it ships {{1}}.' },
    ]);
    expect((await row('welcome_back'))?.parameter_format).toBe('named');
  });

  it('changes nothing when pulled again', async () => {
    const before = await rows();
    const again = await pull();
    expect(again.body).toMatchObject({ ok: true, created: 0, updated: 0, removed: 0, unchanged: DEFAULT_TEMPLATES.length });
    expect(await rows()).toEqual(before);
  });

  it('marks a template Meta no longer has, and keeps it', async () => {
    const local = await admin.create('templates', {
      name: 'old_offer',
      language: 'en_US',
      category: 'marketing',
      parameter_format: 'positional',
      status: 'approved',
      channel: channelId,
      components: [{ type: 'BODY', text: 'Old offer' }],
    });
    expect(local.status).toBe(200);
    expect((await pull()).body).toMatchObject({ ok: true, removed: 1, created: 0, updated: 0 });
    expect(await row('old_offer')).toMatchObject({ status: 'disabled', meta_status: 'DELETED', removed_at: expect.stringMatching(/^\d{4}-/) });
    expect((await pull()).body).toMatchObject({ removed: 0, unchanged: DEFAULT_TEMPLATES.length });
  });

  it('refuses a paused template in a reply, as the composer does', async () => {
    const contact = (await root.create('contacts', { wa_id: '34600111222', name: 'Marta' })).body.id;
    const conversation = (
      await root.create('conversations', {
        contact,
        channel: channelId,
        status: 'open',
        assignee: agentId,
        last_inbound_at: new Date(Date.now() - 48 * 3600_000).toISOString(),
      })
    ).body.id;
    const paused = await row('spring_sale');
    const refused = await agent.create('messages', {
      conversation,
      direction: 'out',
      author: agentId,
      type: 'template',
      template: paused?.id,
      template_params: ['20%'],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.reason).toBe('template-not-approved');
    // What the composer offers: only approved templates are synced to the device.
    const offered = await agent.list('templates', 'status = "approved"');
    expect(offered.map((t: { name: string }) => t.name)).not.toContain('spring_sale');
  });

  it.each([
    ['not-the-right-token', 'token-invalid'],
    ['expired-EAAG0000000000', 'token-expired'],
  ])('explains Meta’s refusal of token %s and writes nothing', async (token, reason) => {
    const before = await rows();
    expect((await admin.update('channels', channelId, { access_token: token })).status).toBe(200);
    try {
      const refused = await pull();
      expect(refused.status).toBe(200);
      expect(refused.body).toMatchObject({ ok: false, reason, code: 190 });
      expect(await rows()).toEqual(before);
    } finally {
      expect((await admin.update('channels', channelId, { access_token: VALID_TOKEN })).status).toBe(200);
    }
  });

  it('says when Meta does not know the account', async () => {
    expect((await admin.update('channels', channelId, { waba_id: '999999999999' })).status).toBe(200);
    try {
      expect((await pull()).body).toMatchObject({ ok: false, reason: 'wrong-number-id', code: 100 });
    } finally {
      await admin.update('channels', channelId, { waba_id: WABA });
    }
  });

  it('is for admins only', async () => {
    expect((await pull(manager)).status).toBe(403);
    expect((await pull(agent)).status).toBe(403);
    expect((await pull(new Api(pb.url, ''))).status).toBe(401);
  });
});
