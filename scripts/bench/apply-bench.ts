import { createHmac } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../pocketbase-paths.mjs';
import { Api } from '../../tests/support/api';
import { startPocketBase, TEST_APP_SECRET } from '../../tests/support/pocketbase';
import { createAgent, createChannel, createTeam } from '../../tests/support/seed';
import { textWebhook } from '../../tests/support/webhook-client';
import { processCpuMs, runLoad } from './measure';

// "Apply only": PocketBase's CPU per event while stored events are applied through the worker's drain route, with
// nothing else running. Events are first stored by a short load of acknowledgements (under load the route only
// stores), then drained in batches; the CPU of the drain divided by the events it applied is the cost of applying.

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

export interface ApplyResult {
  label: string;
  events: number;
  cpuMsPerEvent: number;
  eventsPerSecond: number;
}

async function pending(api: Api): Promise<number> {
  return (await api.request('GET', '/api/pocketdesk/webhooks/backlog')).body.pending as number;
}

/**
 * With BENCH_PPROF=host:port (a PocketBase built with -tags pocketdesk_profiling and PPROF_ADDR, see README
 * "Benchmarks"), profiles the first BENCH_PPROF_SECONDS (8) of a drain: Go's CPU profile, or with BENCH_PPROF_KIND=goja
 * the JS VMs' by function name, into .reports/profile-<section>.<kind>.pprof (`go tool pprof -top`).
 */
function profileDrain(label: string): Promise<void> | null {
  const address = process.env.BENCH_PPROF;
  const section = label.split(' ')[0]!;
  if (!address || section === 'warm-up') return null;
  const kind = process.env.BENCH_PPROF_KIND === 'goja' ? 'goja' : 'go';
  const path = kind === 'goja' ? 'goja' : 'debug/pprof/profile';
  return fetch(`http://${address}/${path}?seconds=${process.env.BENCH_PPROF_SECONDS ?? 8}`).then(async (answer) => {
    mkdirSync(join(projectRoot, '.reports'), { recursive: true });
    writeFileSync(join(projectRoot, '.reports', `profile-${section}.${kind}.pprof`), Buffer.from(await answer.arrayBuffer()));
  });
}

async function drain(api: Api, pid: number, label: string): Promise<ApplyResult> {
  const events = await pending(api);
  const cpuBefore = processCpuMs(pid);
  const started = performance.now();
  const profiling = profileDrain(label);
  while (((await api.request('POST', '/api/pocketdesk/worker/apply-webhooks', { limit: 200 })).body.attempted as number) > 0);
  const ms = performance.now() - started;
  await profiling;
  return {
    label,
    events,
    cpuMsPerEvent: Number(((processCpuMs(pid) - cpuBefore) / Math.max(1, events)).toFixed(3)),
    eventsPerSecond: Math.round(events / (ms / 1000)),
  };
}

export async function benchApply(seconds = 3): Promise<ApplyResult[]> {
  const pb = await startPocketBase();
  try {
    const api = new Api(pb.url, pb.superuserToken);
    const team = await createTeam(api, 'Bench');
    await createChannel(api, { default_team: team });
    for (let i = 0; i < 3; i++) await createAgent(api, { name: `Bench agent ${i}`, teams: [team], max_open: 1000 });
    await api.request('PATCH', '/api/settings', { rateLimits: { enabled: false } });
    const runId = Date.now().toString(36);
    const customer = (n: number, k: number) =>
      webhookRequest(
        textWebhook({
          from: `1555${String(n).padStart(8, '0')}`,
          name: `Customer ${n}`,
          wamid: `wamid.apply.${runId}.${k}.${n}`,
          text: `Hello, I need help with order ${n}`,
        }),
      );
    // Warm every pooled VM, then apply what the warm-up left.
    await runLoad({ label: 'warm-up', url: pb.url, request: (n) => customer(900_000 + n, 0), durationSeconds: 2, connections: 8 });
    await drain(api, pb.pid, 'warm-up');
    const results: ApplyResult[] = [];
    const stored = await runLoad({ label: 'new customers', url: pb.url, request: (n) => customer(n, 1), durationSeconds: seconds, connections: 8 });
    results.push(await drain(api, pb.pid, 'new customer (contact, ticket, routing, notification)'));
    if (process.env.BENCH_TIMING_LOG) (await import('node:fs')).writeFileSync(process.env.BENCH_TIMING_LOG, pb.logs());
    const customers = stored.requests;
    await runLoad({ label: 'follow-ups', url: pb.url, request: (n) => customer(n % customers, 2), durationSeconds: seconds, connections: 8 });
    results.push(await drain(api, pb.pid, 'follow-up message (same customer, open ticket)'));
    const [conversation] = await api.list('conversations', '', '-created');
    const outbound: string[] = [];
    for (let i = 0; i < 200; i++) {
      const wamid = `wamid.apply.out.${runId}.${i}`;
      await api.create('messages', { conversation: conversation.id, direction: 'out', type: 'text', text: 'reply', status: 'sending', wamid });
      outbound.push(wamid);
    }
    const ladder = ['sent', 'delivered', 'read'];
    await runLoad({
      label: 'statuses',
      url: pb.url,
      request: (n) => webhookRequest(statusWebhook(outbound[n % 200]!, ladder[Math.floor(n / 200) % 3]!, 1_700_000_000 + n)),
      durationSeconds: seconds,
      connections: 8,
    });
    results.push(await drain(api, pb.pid, 'status update'));
    // PocketBase's own record create, for the ratio.
    await api.request('POST', '/api/collections', { name: 'bench_records', type: 'base', createRule: '', fields: [{ name: 'n', type: 'number' }] });
    const base = await runLoad({
      label: 'record create',
      url: pb.url,
      serverPid: pb.pid,
      durationSeconds: seconds,
      connections: 8,
      request: (n) => ({ path: '/api/collections/bench_records/records', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n }) }),
    });
    results.push({
      label: "PocketBase's own record create (per request, for the ratio)",
      events: base.requests,
      cpuMsPerEvent: base.serverCpuMsPerRequest ?? 0,
      eventsPerSecond: base.requestsPerSecond,
    });
    return results;
  } finally {
    await pb.stop();
  }
}
