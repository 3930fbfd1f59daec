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

describe('a webhook arriving behind a backlog', () => {
  it('is stored and acknowledged without being applied, then drained after the older one', async () => {
    await storePending(JSON.stringify(textWebhook({ from: '15550100001', wamid: 'wamid.backlog.first', text: 'first in line' })));
    const response = await postWebhook(pb.url, JSON.stringify(textWebhook({ from: '15550100002', wamid: 'wamid.backlog.second', text: 'second in line' })));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: true, duplicate: false, applied: false });
    expect(await messagesWith('wamid.backlog.second')).toHaveLength(0);
    expect(await api.list('webhook_events', "status = 'pending'")).toHaveLength(2);

    expect((await drain()).body).toEqual({ applied: 2, failed: 0, attempted: 2 });
    const [first] = await messagesWith('wamid.backlog.first');
    const [second] = await messagesWith('wamid.backlog.second');
    expect(first.text).toBe('first in line');
    expect(second.text).toBe('second in line');
    // Oldest first: the earlier event opened its ticket first.
    const [firstTicket, secondTicket] = await Promise.all([first, second].map((m) => api.request('GET', `/api/collections/conversations/records/${m.conversation}`)));
    expect(firstTicket.body.created <= secondTicket.body.created).toBe(true);
    expect(await api.list('webhook_events', "status = 'pending'")).toHaveLength(0);
  });

  it('is applied at once when nothing is waiting', async () => {
    const response = await postWebhook(pb.url, JSON.stringify(textWebhook({ from: '15550100003', wamid: 'wamid.backlog.alone', text: 'nobody ahead' })));
    expect(response.body).toMatchObject({ applied: true });
    expect(await messagesWith('wamid.backlog.alone')).toHaveLength(1);
  });

  it('is a duplicate while it still waits, so a retry from Meta changes nothing', async () => {
    await storePending(JSON.stringify(textWebhook({ from: '15550100004', wamid: 'wamid.backlog.blocker', text: 'ahead' })));
    const body = JSON.stringify(textWebhook({ from: '15550100005', wamid: 'wamid.backlog.retried', text: 'sent twice' }));
    expect((await postWebhook(pb.url, body)).body).toMatchObject({ duplicate: false, applied: false });
    expect((await postWebhook(pb.url, body)).body).toMatchObject({ duplicate: true });
    await drain();
    expect(await messagesWith('wamid.backlog.retried')).toHaveLength(1);
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
    await storePending(JSON.stringify(textWebhook({ from: '15550100007', wamid: 'wamid.backlog.worker', text: 'the worker picks me up' })));
    const worker = spawnWorker(pb.url, { WORKER_WEBHOOK_POLL_MS: '50' });
    try {
      await eventually(async () => (await messagesWith('wamid.backlog.worker')).length === 1, 'the worker to apply the stored event');
      expect(await api.list('webhook_events', "status = 'pending'")).toHaveLength(0);
    } finally {
      await worker.kill();
    }
  });
});
