// Under load the webhook route acknowledges once the bytes are in the inbox (PocketBase's auxiliary database) and
// leaves applying to the drain (the worker, or the cron without one). These tests build a backlog on purpose —
// an event queued for replay in `webhook_events` is waiting work like any other — and watch it drain in order.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createChannel, createTeam } from '../support/seed';
import { drainStoredWebhooks, eventually } from '../support/stack';
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

/** An event queued for replay, as an operator does by setting a stored event back to `pending`. */
async function storePending(raw: string): Promise<string> {
  const created = await api.create('webhook_events', { raw, body_hash: createHash('sha256').update(raw).digest('hex'), status: 'pending', attempts: 0 });
  expect(created.status).toBe(200);
  return created.body.id;
}

/** Changes the size of `webhook_events.fields`, as a later version's migration could. */
async function withFieldsLimit(maxSize: number): Promise<void> {
  const collection = (await api.request('GET', '/api/collections/webhook_events')).body;
  const fields = collection.fields.map((field: { name: string }) => (field.name === 'fields' ? { ...field, maxSize } : field));
  expect((await api.request('PATCH', '/api/collections/webhook_events', { fields })).status).toBe(200);
}

const drain = (body: Record<string, unknown> = {}) => api.request('POST', '/api/pocketdesk/worker/apply-webhooks', body);
const backlog = async () =>
  (await api.request('GET', '/api/pocketdesk/webhooks/backlog')).body as {
    pending: number;
    retrying: number;
    failing: Array<{ attempts: number; applyAfter: string; error: string }>;
  };
const messagesWith = (wamid: string) => api.list('messages', `wamid = "${wamid}"`);

// One due event already waiting is enough for a request to leave its own to the drain (enqueue in webhook-inbox.ts).
const ALREADY_WAITING = 1;
const customerText = (n: number, text: string) =>
  JSON.stringify(textWebhook({ from: `155501${String(n).padStart(5, '0')}`, wamid: `wamid.backlog.${n}`, text }));

describe('a webhook arriving behind a backlog', () => {
  it('behind others is stored and acknowledged without being applied, then drained oldest first', async () => {
    for (let n = 10; n < 10 + ALREADY_WAITING; n++) await storePending(customerText(n, `burst ${n}`));
    const last = customerText(99, 'last of the burst');
    const response = await postWebhook(pb.url, last);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: true, duplicate: false, applied: false });
    expect(await messagesWith('wamid.backlog.99')).toHaveLength(0);
    expect((await backlog()).pending).toBe(ALREADY_WAITING + 1);

    expect((await drain()).body).toEqual({ applied: ALREADY_WAITING + 1, failed: 0, attempted: ALREADY_WAITING + 1 });
    const applied = await api.list('messages', 'wamid ~ "wamid.backlog." && text ~ "burst"', 'created');
    expect(applied.map((m) => m.text)).toEqual([...Array.from({ length: ALREADY_WAITING }, (_, i) => `burst ${10 + i}`), 'last of the burst']);
    expect((await backlog()).pending).toBe(0);
    expect(await api.list('webhook_events', "status = 'pending'")).toHaveLength(0);
    // The body carries a timestamp: hash the bytes that were sent, not a rebuilt copy.
    const [event] = await api.list('webhook_events', `body_hash = "${createHash('sha256').update(last).digest('hex')}"`);
    expect(event).toMatchObject({ status: 'processed', attempts: 1 });
    expect(Date.parse(event.received_at.replace(' ', 'T'))).toBeLessThanOrEqual(Date.parse(event.created.replace(' ', 'T')));
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

  it('is only drained by superusers, and its backlog only shown to admins', async () => {
    const anonymous = await fetch(`${pb.url}/api/pocketdesk/worker/apply-webhooks`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(403);
    expect((await fetch(`${pb.url}/api/pocketdesk/webhooks/backlog`)).status).toBe(403);
  });
});

describe('an event that fails to apply', () => {
  it('is kept, retried later with a growing wait, and finally marked failed without blocking newer events', async () => {
    // A body whose own parts are bad is no longer a failure (its parts are recorded `invalid`, see
    // webhook-parts.test.ts). What still fails is the event itself: here its record, because a later version's
    // rule (a smaller `fields` column) no longer accepts the change names it lists.
    await withFieldsLimit(20);
    const id = await storePending(
      JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [{ id: 'WABA', changes: [{ field: 'message_template_status_update', value: { event: 'APPROVED' } }] }],
      }),
    );
    expect((await drain()).body).toEqual({ applied: 0, failed: 1, attempted: 1 });
    let waiting = await backlog();
    expect(waiting).toMatchObject({ pending: 1, retrying: 1 });
    expect(waiting.failing[0].attempts).toBe(1);
    expect(waiting.failing[0].error).toContain('fields');
    expect(Date.parse(waiting.failing[0].applyAfter)).toBeGreaterThan(Date.now());

    // Not due yet: it neither blocks nor delays a new delivery.
    const fresh = await postWebhook(pb.url, JSON.stringify(textWebhook({ from: '15550100006', wamid: 'wamid.backlog.after-failure', text: 'still flowing' })));
    expect(fresh.body).toMatchObject({ applied: true });
    expect((await drain()).body.attempted).toBe(0);

    let now = Date.now();
    const waits: number[] = [];
    for (let round = 0; round < 10 && waiting.pending > 0; round++) {
      const next = Date.parse(waiting.failing[0].applyAfter);
      waits.push(next - now);
      now = next + 1;
      await drain({ now });
      waiting = await backlog();
    }
    expect(waits.length).toBeGreaterThan(1);
    expect(waits[1]).toBeGreaterThan(waits[0]);
    const event = (await api.view('webhook_events', id)).body;
    expect(event.status).toBe('failed');
    expect(event.attempts).toBeGreaterThan(1);
    expect(event.error).toContain('fields');
    expect(event.raw).toContain('whatsapp_business_account');
    expect((await drain({ now: now + 86_400_000 })).body.attempted).toBe(0);
    await withFieldsLimit(10_000);
  });
});

describe('an acknowledged delivery', () => {
  it('survives PocketBase being killed before it is applied, and is applied exactly once after the restart', async () => {
    const own = await startPocketBase();
    let restarted: RunningPocketBase | null = null;
    try {
      const ownApi = new Api(own.url, own.superuserToken);
      await createChannel(ownApi, { default_team: await createTeam(ownApi, 'Support') });
      const queuedFirst = customerText(70, 'queued first');
      await ownApi.create('webhook_events', {
        raw: queuedFirst,
        body_hash: createHash('sha256').update(queuedFirst).digest('hex'),
        status: 'pending',
        attempts: 0,
      });
      const body = customerText(71, 'acknowledged, then the power went out');
      expect((await postWebhook(own.url, body)).body).toMatchObject({ duplicate: false, applied: false });
      await own.crash();

      restarted = await startPocketBase({}, own.dataDir);
      const after = new Api(restarted.url, restarted.superuserToken);
      // Meta did not see a failure, but a retry must still change nothing.
      expect((await postWebhook(restarted.url, body)).body).toMatchObject({ duplicate: true });
      await drainStoredWebhooks(after);
      await drainStoredWebhooks(after);
      expect(await after.list('messages', 'wamid = "wamid.backlog.71"')).toHaveLength(1);
      expect(await after.list('messages', 'wamid = "wamid.backlog.70"')).toHaveLength(1);
      expect((await after.request('GET', '/api/pocketdesk/webhooks/backlog')).body.pending).toBe(0);
    } finally {
      await restarted?.stop();
      await own.stop();
    }
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
      await eventually(async () => (await backlog()).pending === 0, 'the inbox to be empty');
    } finally {
      await worker.kill();
    }
  });
});
