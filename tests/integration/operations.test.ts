import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChannelHealth, loadFailedDeliveries, replayDelivery } from '../../src/lib/client/operations-api';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { CHANNEL_PNID, createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';

// The operations screen's calls: failed webhook deliveries replayed by admins only, and the channels' health lines.
let server: RunningPocketBase;
let root: Api;
const ids: Record<string, string> = {};
const as: Record<string, PocketBase> = {};

beforeAll(async () => {
  server = await startPocketBase();
  root = new Api(server.url, server.superuserToken);
  const team = await createTeam(root, 'Front desk');
  ids.channel = await createChannel(root);
  for (const [key, role] of [
    ['admin', 'admin'],
    ['manager', 'manager'],
  ] as const) {
    const person = await createAgent(root, { name: `The ${key}`, role, teams: [team], status: 'offline' });
    const pb = new PocketBase(server.url);
    pb.autoCancellation(false);
    await pb.collection('agents').authWithPassword(person.email, PASSWORD);
    as[key] = pb;
  }
  ids.failed = (
    await root.create('webhook_events', {
      body_hash: 'failed-one',
      status: 'failed',
      error: 'boom',
      raw: '{"object":"whatsapp_business_account","entry":[]}',
      phone_number_ids: [CHANNEL_PNID],
      received_at: '2026-01-02 10:00:00.000Z',
    })
  ).body.id;
});
afterAll(async () => server?.stop());

describe('operations', () => {
  it('lists failed deliveries and lets only admins replay one', async () => {
    const listed = await loadFailedDeliveries(as.admin);
    expect(listed.ok && listed.value.map((row) => row.id)).toEqual([ids.failed]);
    expect(await replayDelivery(as.manager, ids.failed)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect((await root.view('webhook_events', ids.failed)).body.status).toBe('failed');
    expect(await replayDelivery(as.admin, ids.failed)).toMatchObject({ ok: true });
    expect(['pending', 'processed']).toContain((await root.view('webhook_events', ids.failed)).body.status);
  });

  it('gives admins a health line per channel: last webhook and last send Meta refused', async () => {
    const contact = (await root.create('contacts', { wa_id: '15550007777', name: 'Hal' })).body.id;
    const conversation = (await root.create('conversations', { contact, channel: ids.channel, status: 'open' })).body.id;
    await root.create('messages', {
      conversation,
      direction: 'out',
      type: 'text',
      text: 'x',
      status: 'failed',
      error_code: 190,
      error_title: 'Invalid OAuth access token',
    });
    const health = await loadChannelHealth(as.admin);
    expect(health.ok && health.value[0]).toMatchObject({
      id: ids.channel,
      disabled: false,
      lastWebhookAt: expect.stringContaining('2026-01-02'),
      lastError: { code: 190, title: 'Invalid OAuth access token' },
    });
    expect(await loadChannelHealth(as.manager)).toMatchObject({ ok: false, reason: 'forbidden' });
    // Operations reads the one switch the webhook and the sender obey.
    await root.update('channels', ids.channel, { disabled: true });
    const off = await loadChannelHealth(as.admin);
    expect(off.ok && off.value[0]).toMatchObject({ id: ids.channel, disabled: true });
    expect(off.ok && 'active' in off.value[0]).toBe(false);
    await root.update('channels', ids.channel, { disabled: false });
  });
});
