import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Api } from '../../tests/support/api';
import { startPocketBase } from '../../tests/support/pocketbase';
import { createChannel, createTeam } from '../../tests/support/seed';
import { postWebhook, textWebhook } from '../../tests/support/webhook-client';
import { startReceiver } from '../../tests/support/webhook-receiver';
import { spawnWorker } from '../../tests/support/worker-process';
import { projectRoot } from '../pocketbase-paths.mjs';

// Integrations: (1) events delivered per second by one worker, draining a backlog written while it was stopped;
// (2) the delay from a customer's webhook reaching PocketBase to its `message.received` event reaching a receiver,
// under a steady stream of WhatsApp webhooks (every one of them also applied, routed and stored).

const BACKLOG = Number(process.env.BENCH_INTEGRATION_EVENTS ?? 2000);
const RATE = Number(process.env.BENCH_INTEGRATION_RATE ?? 20);
const WAIT_MS = 120_000;

function percentile(sorted: number[], p: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Number((sorted[rank] ?? 0).toFixed(1));
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`integrations bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface IntegrationFigures {
  /** Seconds from starting the worker (its sign-in included) to the last event at the receiver. */
  backlog: { events: number; seconds: number; perSecond: number };
  latency: { rate: number; samples: number; p50Ms: number; p99Ms: number };
}

export async function benchIntegrations(seconds: number): Promise<IntegrationFigures> {
  if (!existsSync(join(projectRoot, 'build', 'worker.mjs'))) throw new Error('integrations bench: build/worker.mjs is missing (npm run build:node)');
  const pb = await startPocketBase({ POCKETDESK_ALLOW_PRIVATE_WEBHOOKS: '1' });
  const receiver = await startReceiver();
  const workerEnv = { POCKETDESK_ALLOW_PRIVATE_WEBHOOKS: '1' };
  let worker = null as ReturnType<typeof spawnWorker> | null;
  try {
    const api = new Api(pb.url, pb.superuserToken);
    await api.request('PATCH', '/api/settings', { rateLimits: { enabled: false } });
    const team = await createTeam(api, 'Bench');
    const quiet = { autoReply: { enabled: false } };
    await createChannel(api, {
      default_team: team,
      routing: { newCustomer: { agentsOnline: quiet, agentsOffline: quiet } },
      auto_replies: { greeting: { enabled: false }, outOfHours: { enabled: false } },
    });
    const endpoint = await api.create('webhook_endpoints', {
      name: 'Bench',
      kind: 'webhook',
      url: `${receiver.url}/bench`,
      events: ['contact.created', 'message.received'],
      active: true,
    });
    if (endpoint.status !== 200) throw new Error(`integrations bench: ${JSON.stringify(endpoint.body)}`);

    // (1) Backlog: events written with no worker running, then one worker drains them.
    for (let start = 0; start < BACKLOG; start += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, BACKLOG - start) }, (_, i) =>
          api.create('contacts', { wa_id: `1777${String(start + i).padStart(7, '0')}`, name: `Backlog ${start + i}` }),
        ),
      );
    }
    const drainStarted = performance.now();
    worker = spawnWorker(pb.url, workerEnv);
    await until(() => receiver.uniqueEvents('/bench').length >= BACKLOG, `${BACKLOG} backlog events\n${worker?.logs()}`);
    const drainSeconds = (performance.now() - drainStarted) / 1000;

    // (2) Steady webhook load: RATE customers a second for `seconds`; each message's event timed at the receiver.
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const total = Math.max(1, Math.round(RATE * seconds));
    const arrivals = new Map<string, number>();
    receiver.onAccepted((event) => {
      if (event.type === 'message.received' && !arrivals.has(event.data.message.text)) arrivals.set(event.data.message.text, performance.now());
    });
    const started = performance.now();
    const sends: Array<Promise<unknown>> = [];
    for (let n = 0; n < total; n++) {
      const due = started + (n * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const text = `steady ${n}`;
      const body = JSON.stringify(
        textWebhook({ from: `1888${String(n).padStart(7, '0')}`, name: `Steady ${n}`, wamid: `wamid.bench.integrations.${n}`, text }),
      );
      sentAt.set(text, performance.now());
      sends.push(postWebhook(pb.url, body));
    }
    await Promise.all(sends);
    await until(() => arrivals.size >= total, `${total} message events (${arrivals.size} so far)`);
    for (const [text, at] of arrivals) if (sentAt.has(text)) latencies.push(at - sentAt.get(text)!);
    latencies.sort((a, b) => a - b);
    return {
      backlog: { events: BACKLOG, seconds: Number(drainSeconds.toFixed(2)), perSecond: Math.round(BACKLOG / drainSeconds) },
      latency: { rate: RATE, samples: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) },
    };
  } finally {
    await worker?.kill();
    await receiver.close();
    await pb.stop();
  }
}
