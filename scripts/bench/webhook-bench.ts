import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api } from '../../tests/support/api';
import { startPocketBase, TEST_APP_SECRET } from '../../tests/support/pocketbase';
import { createChannel, createTeam } from '../../tests/support/seed';
import { textWebhook } from '../../tests/support/webhook-client';
import { spawnWorker } from '../../tests/support/worker-process';
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
    entry: [
      {
        id: 'WABA',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
              statuses: [{ id: wamid, status, timestamp: String(timestamp), recipient_id: '15550000000' }],
            },
          },
        ],
      },
    ],
  };
}

/**
 * Meta's side, reduced to accepting every send: new customers get a greeting, which the worker sends as in
 * production. Without anything listening the worker's retries would load PocketBase and skew every figure.
 */
async function acceptingGraph(): Promise<{ url: string; server: Server }> {
  let n = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [], messages: [{ id: `wamid.bench.out.${++n}` }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export interface DrainResult {
  label: string;
  /** Events stored by the load and applied (by the route itself or the worker's drain) per second, drain included. */
  appliedPerSecond: number;
  /** How long after the load ended the last stored event was applied. */
  drainMs: number;
  events: number;
}

async function pendingCount(api: Api): Promise<number> {
  return (await api.request('GET', '/api/pocketdesk/webhooks/backlog')).body.pending as number;
}

/**
 * Waits until the worker has sent every greeting the load's new customers got: otherwise the next load would
 * compete with those sends and measure them too.
 */
async function outboundIdle(api: Api): Promise<void> {
  const waiting = async () =>
    (await api.request('GET', "/api/collections/messages/records?perPage=1&skipTotal=0&filter=(status%3D'queued')")).body.totalItems as number;
  while ((await waiting()) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Runs a load with the real worker draining, then waits until every stored event is applied. */
async function loadAndDrain(api: Api, spec: Parameters<typeof runLoad>[0]): Promise<{ load: LoadResult; drain: DrainResult }> {
  const before = (await api.request('GET', '/api/collections/webhook_events/records?perPage=1&skipTotal=0')).body.totalItems as number;
  const started = performance.now();
  const load = await runLoad(spec);
  const loadEnded = performance.now();
  while ((await pendingCount(api)) > 0) await new Promise((resolve) => setTimeout(resolve, 25));
  const drained = performance.now();
  const events = ((await api.request('GET', '/api/collections/webhook_events/records?perPage=1&skipTotal=0')).body.totalItems as number) - before;
  await outboundIdle(api);
  return {
    load,
    drain: { label: spec.label, appliedPerSecond: Math.round(events / ((drained - started) / 1000)), drainMs: Math.round(drained - loadEnded), events },
  };
}

/**
 * Inbound messages, status updates and PocketBase's own record create, measured on the same machine in one run.
 * The worker runs as in production: under load the route only stores, and the worker drains in order.
 */
export async function benchWebhooks(durationSeconds = 10): Promise<{ loads: LoadResult[]; drains: DrainResult[] }> {
  const pb = await startPocketBase();
  const graph = await acceptingGraph();
  let worker: ReturnType<typeof spawnWorker> | null = null;
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
      fields: [
        { name: 'wamid', type: 'text' },
        { name: 'body', type: 'text', max: 100000 },
        { name: 'payload', type: 'json' },
      ],
      indexes: ['CREATE UNIQUE INDEX idx_bench_wamid ON bench_records (wamid)'],
    });

    const runId = Date.now().toString(36);
    const inbound = (n: number) =>
      webhookRequest(
        textWebhook({
          from: `1555${String(n).padStart(8, '0')}`,
          name: `Customer ${n}`,
          wamid: `wamid.bench.${runId}.${n}`,
          text: `Hello, I need help with order ${n}`,
        }),
      );
    const serverPid = pb.pid;
    // Every pooled VM loads the hooks bundles on first use: warm them before measuring steady state.
    await runLoad({ label: 'warm-up', url: pb.url, request: (n) => inbound(5_000_000 + n), durationSeconds: 3, connections: CONNECTIONS });
    // Apply the warm-up's events now, so the one-minute cron finds nothing to apply during the loads below.
    while (((await api.request('POST', '/api/pocketdesk/worker/apply-webhooks', { limit: 500 })).body.attempted as number) > 0);
    const results: LoadResult[] = [];
    const drains: DrainResult[] = [];
    // The baseline first, on a quiet PocketBase: after the webhook loads the worker is still sending greetings.
    const baseline = (n: number) => ({
      path: '/api/collections/bench_records/records',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ wamid: `base.${runId}.${n}`, body: inbound(n).body, payload: { n } }),
    });
    const baselineLoad = await runLoad({
      label: '(c) PocketBase record create (baseline)',
      url: pb.url,
      request: baseline,
      durationSeconds,
      connections: CONNECTIONS,
      serverPid,
    });
    // Then with nothing applying (the worker is not started yet): what acknowledging alone costs, then how fast
    // the worker applies the backlog it left when it has the machine to itself.
    // Shorter than the others: every second of it leaves ~1,000 events the worker then needs ~10 s to apply.
    const acksAlone = await runLoad({
      label: "(a') inbound text, acknowledgements alone (nothing applying)",
      url: pb.url,
      request: (n) => inbound(3_000_000 + n),
      durationSeconds: Math.min(durationSeconds, 4),
      connections: CONNECTIONS,
      serverPid,
    });
    results.push(acksAlone);
    const backlog = await pendingCount(api);
    const drainStarted = performance.now();
    worker = spawnWorker(pb.url, { WHATSAPP_GRAPH_URL: graph.url });
    while ((await pendingCount(api)) > 0) await new Promise((resolve) => setTimeout(resolve, 25));
    const drainMs = performance.now() - drainStarted;
    await outboundIdle(api);
    drains.push({
      label: "the backlog left by (a'), applied by the worker alone (worker start included)",
      events: backlog,
      appliedPerSecond: Math.round(backlog / (drainMs / 1000)),
      drainMs: Math.round(drainMs),
    });

    const maxInbound = await loadAndDrain(api, {
      label: '(a) inbound text, max throughput',
      url: pb.url,
      request: inbound,
      durationSeconds,
      connections: CONNECTIONS,
      serverPid,
    });
    results.push(maxInbound.load);
    drains.push(maxInbound.drain);

    // Outbound messages to update: the delivery ladder for each of them.
    const [conversation] = await api.list('conversations', '', '-created');
    const outbound: string[] = [];
    for (let i = 0; i < 200; i++) {
      const wamid = `wamid.out.${runId}.${i}`;
      await api.create('messages', { conversation: conversation.id, direction: 'out', type: 'text', text: 'reply', status: 'sending', wamid });
      outbound.push(wamid);
    }
    const ladder = ['sent', 'delivered', 'read'];
    const statuses = (n: number) =>
      webhookRequest(statusWebhook(outbound[n % outbound.length], ladder[Math.floor(n / outbound.length) % 3], 1_700_000_000 + n));
    // Meta's sizing: at 80 msg/s each outbound message brings ~3 statuses for every inbound message.
    const mixed = (n: number) => (n % 4 === 0 ? inbound(2_000_000 + n) : statuses(n));
    const steady = await loadAndDrain(api, {
      label: '(a+b) steady 240 req/s, 1 inbound : 3 statuses',
      url: pb.url,
      request: mixed,
      durationSeconds,
      connections: CONNECTIONS,
      rate: 240,
      serverPid,
    });
    results.push(steady.load);
    drains.push(steady.drain);
    const maxStatuses = await loadAndDrain(api, {
      label: '(b) status updates, max throughput',
      url: pb.url,
      request: (n) => statuses(1_000_000 + n),
      durationSeconds,
      connections: CONNECTIONS,
      serverPid,
    });
    results.push(maxStatuses.load);
    drains.push(maxStatuses.drain);

    results.push(baselineLoad);
    return { loads: results, drains };
  } finally {
    await worker?.kill();
    graph.server.close();
    await pb.stop();
  }
}
