import { createHmac } from 'node:crypto';
import { Api } from '../../tests/support/api';
import { startPocketBase, TEST_APP_SECRET } from '../../tests/support/pocketbase';
import { createChannel, createTeam } from '../../tests/support/seed';
import { textWebhook } from '../../tests/support/webhook-client';
import { runLoad, type LoadResult } from './measure';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const sign = (body: string) => `sha256=${createHmac('sha256', TEST_APP_SECRET).update(body).digest('hex')}`;
const webhookRequest = (payload: unknown) => {
  const body = JSON.stringify(payload);
  return { path: '/api/whatsapp/webhook', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) }, body };
};

function statusWebhook(wamid: string, status: string, timestamp: number) {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' }, statuses: [{ id: wamid, status, timestamp: String(timestamp), recipient_id: '15550000000' }] } }] }],
  };
}

/** Inbound messages, status updates and PocketBase's own record create, measured on the same machine in one run. */
export async function benchWebhooks(durationSeconds = 10): Promise<LoadResult[]> {
  const pb = await startPocketBase();
  try {
    const api = new Api(pb.url, pb.superuserToken);
    const team = await createTeam(api, 'Bench');
    await createChannel(api, { default_team: team });
    // The rate limiter is off for every load alike: we measure the handlers, not the limiter's refusals.
    await api.request('PATCH', '/api/settings', { rateLimits: { enabled: false } });
    await api.request('POST', '/api/collections', {
      name: 'bench_records',
      type: 'base',
      createRule: '',
      fields: [{ name: 'wamid', type: 'text' }, { name: 'body', type: 'text', max: 100000 }, { name: 'payload', type: 'json' }],
      indexes: ['CREATE UNIQUE INDEX idx_bench_wamid ON bench_records (wamid)'],
    });

    const runId = Date.now().toString(36);
    const inbound = (n: number) => webhookRequest(textWebhook({ from: `1555${String(n).padStart(8, '0')}`, name: `Customer ${n}`, wamid: `wamid.bench.${runId}.${n}`, text: `Hello, I need help with order ${n}` }));
    // Every pooled VM compiles the hooks bundle on first use: warm them all before measuring steady state.
    await runLoad({ label: 'warm-up', url: pb.url, request: (n) => inbound(5_000_000 + n), durationSeconds: 3, connections: CONNECTIONS });
    const results: LoadResult[] = [];
    results.push(await runLoad({ label: '(a) inbound text, max throughput', url: pb.url, request: inbound, durationSeconds, connections: CONNECTIONS }));
    results.push(await runLoad({ label: '(a) inbound text, steady 240 req/s', url: pb.url, request: (n) => inbound(1_000_000 + n), durationSeconds, connections: CONNECTIONS, rate: 240 }));

    // Outbound messages to update: the delivery ladder for each of them.
    const [conversation] = await api.list('conversations', '', '-created');
    const outbound: string[] = [];
    for (let i = 0; i < 200; i++) {
      const wamid = `wamid.out.${runId}.${i}`;
      await api.create('messages', { conversation: conversation.id, direction: 'out', type: 'text', text: 'reply', status: 'sending', wamid });
      outbound.push(wamid);
    }
    const ladder = ['sent', 'delivered', 'read'];
    const statuses = (n: number) => webhookRequest(statusWebhook(outbound[n % outbound.length], ladder[Math.floor(n / outbound.length) % 3], 1_700_000_000 + n));
    results.push(await runLoad({ label: '(b) status updates, max throughput', url: pb.url, request: statuses, durationSeconds, connections: CONNECTIONS }));

    const baseline = (n: number) => ({
      path: '/api/collections/bench_records/records',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ wamid: `base.${runId}.${n}`, body: inbound(n).body, payload: { n } }),
    });
    results.push(await runLoad({ label: '(c) PocketBase record create (baseline)', url: pb.url, request: baseline, durationSeconds, connections: CONNECTIONS }));
    return results;
  } finally {
    await pb.stop();
  }
}
