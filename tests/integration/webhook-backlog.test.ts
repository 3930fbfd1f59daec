// Under load the webhook route acknowledges once the bytes are stored and leaves applying to the drain
// (the worker, or the cron without one). These tests build a backlog on purpose and watch it drain in order.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createChannel, createTeam } from '../support/seed';
import { eventually } from '../support/stack';
import { spawnWorker } from '../support/worker-process';
import { postWebhook, textWebhook } from '../support/webhook-client';

let pb: RunningPocketBase;
let api: Api;

beforeAll(async () => {
  pb = await startPocketBase();
  api = new Api(pb.url, pb.superuserToken);
  await createChannel(api, { default_team: await createTeam(api, 'Support') });
});
afterAll(async () => pb?.stop());

/** A stored-but-unapplied event, as the route leaves one when others are waiting. */
async function storePending(raw: string): Promise<string> {
  const created = await api.create('webhook_events', { raw, body_hash: createHash('sha256').update(raw).digest('hex'), status: 'pending', attempts: 0 });
  expect(created.status).toBe(200);
  return created.body.id;
}

const drain = (body: Record<string, unknown> = {}) => api.request('POST', '/api/pocketdesk/worker/apply-webhooks', body);
const messagesWith = (wamid: string) => api.list('messages', `wamid = "${wamid}"`);

// One due event already waiting is enough for a request to leave its own to the drain (hasBacklog in webhook-apply.ts).
const ALREADY_WAITING = 1;
const customerText = (n: number, text: string) => JSON.stringify(textWebhook({ from: `155501${String(n).padStart(5, '0')}`, wamid: `wamid.backlog.${n}`, text }));

describe('a webhook arriving behind a backlog', () => {
  it('behind others is stored and acknowledged without being applied, then drained oldest first', async () => {
    for (let n = 10; n < 10 + ALREADY_WAITING; n++) await storePending(customerText(n, `burst ${n}`));
    const response = await postWebhook(pb.url, customerText(99, 'last of the burst'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: true, duplicate: false, applied: false });
    expect(await messagesWith('wamid.backlog.99')).toHaveLength(0);
    expect(await api.list('webhook_events', "status = 'pending'")).toHaveLength(ALREADY_WAITING + 1);

    expect((await drain()).body).toEqual({ applied: ALREADY_WAITING + 1, failed: 0, attempted: ALREADY_WAITING + 1 });
    const applied = await api.list('messages', 'wamid ~ "wamid.backlog." && text ~ "burst"', 'created');
    expect(applied.map((m) => m.text)).toEqual([...Array.from({ length: ALREADY_WAITING }, (_, i) => `burst ${10 + i}`), 'last of the burst']);
    expect(await api.list('webhook_events', "status = 'pending'")).toHaveLength(0);
  });

  it('is applied at once when nothing is waiting', async () => {
    const response = await postWebhook(pb.url, JSON.stringify(textWebhook({ from: '15550100003', wamid: 'wamid.backlog.alone', text: 'nobody ahead' })));
    expect(response.body).toMatchObject({ applied: true });
    expect(await messagesWith('wamid.backlog.alone')).toHaveLength(1);
  });

  it('is a duplicate while it still waits, so a retry from Meta changes nothing', async () => {
    for (let n = 30; n < 30 + ALREADY_WAITING; n++) await storePending(customerText(n, `ahead ${n}`));
    const body = customerText(39, 'sent twice');
    expect((await postWebhook(pb.url, body)).body).toMatchObject({ duplicate: false, applied: false });
    expect((await postWebhook(pb.url, body)).body).toMatchObject({ duplicate: true });
    await drain();
    expect(await messagesWith('wamid.backlog.39')).toHaveLength(1);
  });

  it('is only drained by superusers', async () => {
    const anonymous = await fetch(`${pb.url}/api/pocketdesk/worker/apply-webhooks`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(403);
  });
});

describe('an event that fails to apply', () => {
  it('is kept, retried later with a growing wait, and finally marked failed without blocking newer events', async () => {
    // Stored by an older version whose rules no longer accept it.
    const id = await storePending(JSON.stringify({ object: 'whatsapp_business_account', entry: [] }));
    expect((await drain()).body).toEqual({ applied: 0, failed: 1, attempted: 1 });
    let event = (await api.view('webhook_events', id)).body;
    expect(event).toMatchObject({ status: 'pending', attempts: 1 });
    expect(event.error).toContain('no longer validates');
    expect(Date.parse(event.apply_after.replace(' ', 'T'))).toBeGreaterThan(Date.now());

    // Not due yet: it neither blocks nor delays a new delivery.
    const fresh = await postWebhook(pb.url, JSON.stringify(textWebhook({ from: '15550100006', wamid: 'wamid.backlog.after-failure', text: 'still flowing' })));
    expect(fresh.body).toMatchObject({ applied: true });
    expect((await drain()).body.attempted).toBe(0);

    let now = Date.now();
    for (let round = 0; round < 10 && event.status === 'pending'; round++) {
      now = Date.parse(event.apply_after.replace(' ', 'T')) + 1;
      await drain({ now });
      event = (await api.view('webhook_events', id)).body;
    }
    expect(event.status).toBe('failed');
    expect(event.attempts).toBeGreaterThan(1);
    expect(event.raw).toContain('whatsapp_business_account');
    expect((await drain({ now: now + 86_400_000 })).body.attempted).toBe(0);
  });
});

describe('the worker', () => {
  it('drains a backlog without being asked', async () => {
    for (let n = 50; n < 50 + ALREADY_WAITING; n++) await storePending(customerText(n, `for the worker ${n}`));
    await storePending(JSON.stringify(textWebhook({ from: '15550100007', wamid: 'wamid.backlog.worker', text: 'the worker picks me up' })));
    const worker = spawnWorker(pb.url, { WORKER_WEBHOOK_POLL_MS: '50' });
    try {
      await eventually(async () => (await messagesWith('wamid.backlog.worker')).length === 1, 'the worker to apply the stored events', 60_000);
      expect(await api.list('webhook_events', "status = 'pending'")).toHaveLength(0);
    } finally {
      await worker.kill();
    }
  });
});
