import { existsSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';
import { Api } from '../../tests/support/api';
import { startMockPushService, type ReceivedPush } from '../../tests/support/mock-push-service';
import { startPocketBase } from '../../tests/support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../../tests/support/seed';
import { postWebhook, textWebhook } from '../../tests/support/webhook-client';
import { spawnWorker } from '../../tests/support/worker-process';
import { projectRoot } from '../pocketbase-paths.mjs';

const SAMPLES = Number(process.env.BENCH_PUSH_SAMPLES ?? 200);
const OFFER_SAMPLES = Number(process.env.BENCH_OFFER_SAMPLES ?? 50);
const WAIT_MS = 15_000;

function percentile(sorted: number[], p: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Number(sorted[rank].toFixed(1));
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`push bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Latency from writing a notification row (as the assignment transaction does) to the push request reaching the
 * push service: realtime → worker claim → encrypt → HTTPS POST to the local mock. One at a time, so it is latency,
 * not throughput. The worker runs with the production sweep interval: what is measured is the realtime path.
 */
export interface PushFigures {
  samples: number;
  p50Ms: number;
  p95Ms: number;
}

/**
 * A new customer's message in a team that uses offers → the offer push (with its buttons) at the push service:
 * webhook, routing, the offer and its notification in one transaction, then the same worker path.
 */
async function offerLatencies(
  api: Api,
  pbUrl: string,
  ids: { team: string; channel: string },
  arrivals: Map<string, ReceivedPush>,
): Promise<PushFigures & { afterWebhook: PushFigures }> {
  await api.update('teams', ids.team, { assignment_mode: 'offer', offer_timeout_seconds: 3600 });
  // No welcome messages: nothing else for the worker to do while it is timed.
  const quiet = { teamId: ids.team, autoReply: { enabled: false } };
  await api.update('channels', ids.channel, { routing: { newCustomer: { agentsOnline: quiet, agentsOffline: quiet } } });
  const latencies: number[] = [];
  // From the webhook's 200 (offer and notification committed) to the push: the worker's share alone.
  const afterWebhook: number[] = [];
  for (let n = -1; n < OFFER_SAMPLES; n++) {
    const name = `Offer ${n}`;
    const body = JSON.stringify(
      textWebhook({ from: `1555900${String(n + 1).padStart(4, '0')}`, name, wamid: `wamid.bench.offer.${n}`, text: 'Hello, I need help' }),
    );
    const started = performance.now();
    const response = await postWebhook(pbUrl, body);
    const answered = performance.now();
    if (response.status !== 200) throw new Error(`push bench: webhook ${response.status} ${response.text}`);
    await until(() => arrivals.has(name), `offer push "${name}"`);
    const push = arrivals.get(name)!;
    if (JSON.parse(push.payload!).kind !== 'offer') throw new Error(`push bench: "${name}" was not pushed as an offer`);
    if (n >= 0) latencies.push(push.at - started);
    if (n >= 0) afterWebhook.push(Math.max(0, push.at - answered));
  }
  const figures = (values: number[]): PushFigures => {
    const sorted = [...values].sort((a, b) => a - b);
    return { samples: sorted.length, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95) };
  };
  return { ...figures(latencies), afterWebhook: figures(afterWebhook) };
}

export async function benchPush(): Promise<PushFigures & { offer: PushFigures & { afterWebhook: PushFigures } }> {
  const workerFile = join(projectRoot, 'build', 'worker.mjs');
  if (!existsSync(workerFile)) throw new Error('push bench: build/worker.mjs is missing (npm run build:node)');
  const vapid = webpush.generateVAPIDKeys();
  const pb = await startPocketBase({ VAPID_PUBLIC_KEY: vapid.publicKey });
  const mock = await startMockPushService();
  const worker = spawnWorker(pb.url, {
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: 'mailto:bench@pocketdesk.test',
    NODE_EXTRA_CA_CERTS: mock.caFile,
  });
  try {
    const api = new Api(pb.url, pb.superuserToken);
    await api.request('PATCH', '/api/settings', { rateLimits: { enabled: false } });
    const team = await createTeam(api, 'Bench');
    const channel = await createChannel(api, { default_team: team });
    // Room for every offer the second measurement leaves open (an open offer holds a seat).
    const { id: agentId, email } = await createAgent(api, { name: 'Bench Agent', teams: [team], max_open: 1000 });
    const agent = await api.as(email, PASSWORD);
    const subscription = mock.subscribe(vapid.publicKey);
    await agent.create('push_subscriptions', {
      agent: agentId,
      endpoint: subscription.endpoint,
      p256dh: subscription.keys.p256dh,
      auth: subscription.keys.auth,
    });
    const contact = await api.create('contacts', { wa_id: '15550001234', name: 'Bench Customer' });
    const conversation = await api.create('conversations', { contact: contact.body.id, channel, team, status: 'open', assignee: agentId });

    const arrivals = new Map<string, ReceivedPush>();
    mock.onReceive((push) => arrivals.set(JSON.parse(push.payload!).title, push));
    await until(() => worker.logs().includes('ready'), `the worker to start:\n${worker.logs()}`);

    const latencies: number[] = [];
    // The first one warms the VM pool, the TLS session and the worker's code paths; it is not counted.
    for (let n = -1; n < SAMPLES; n++) {
      const title = `Bench ${n}`;
      const started = performance.now();
      const created = await api.create('notifications', {
        agent: agentId,
        conversation: conversation.body.id,
        kind: 'assigned',
        title,
        body: 'Hello, I need help',
        status: 'pending',
        attempts: 0,
      });
      if (created.status !== 200) throw new Error(`push bench: ${JSON.stringify(created.body)}`);
      await until(() => arrivals.has(title), `push "${title}"\n${worker.logs()}`);
      if (n >= 0) latencies.push(arrivals.get(title)!.at - started);
    }
    if (mock.rejections().length) throw new Error(`push bench: the mock refused pushes: ${JSON.stringify(mock.rejections().slice(0, 3))}`);
    latencies.sort((a, b) => a - b);
    const offer = await offerLatencies(api, pb.url, { team, channel }, arrivals);
    if (mock.rejections().length) throw new Error(`push bench: the mock refused offer pushes: ${JSON.stringify(mock.rejections().slice(0, 3))}`);
    return { samples: latencies.length, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), offer };
  } finally {
    await worker.kill();
    await mock.close();
    await pb.stop();
  }
}
