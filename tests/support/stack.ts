// The whole product for integration tests: real PocketBase, the simulator playing Meta, and the real worker process.
import { startSimulator, type Simulator } from '../../src/simulator/server';
import { Api } from './api';
import { startPocketBase, TEST_APP_SECRET, TEST_VERIFY_TOKEN, type RunningPocketBase } from './pocketbase';
import { CHANNEL_PNID, createChannel, createTeam } from './seed';
import { spawnWorker, type WorkerProcess } from './worker-process';

export type { WorkerProcess } from './worker-process';

export const TEST_ACCESS_TOKEN = 'test_access_token';

export interface Stack {
  pb: RunningPocketBase;
  api: Api;
  sim: Simulator;
  channelId: string;
  teamId: string;
  startWorker(env?: Record<string, string>): WorkerProcess;
  stop(): Promise<void>;
}

/** `simulatorToken`: the only bearer token the simulator accepts (default TEST_ACCESS_TOKEN, the worker's default). */
export async function startStack(options: { timeScale?: number; sweepMs?: number; simulatorToken?: string } = {}): Promise<Stack> {
  const pb = await startPocketBase();
  const api = new Api(pb.url, pb.superuserToken);
  const teamId = await createTeam(api, 'Support');
  // Auto-replies are off here so each test controls exactly which messages go out (they have tests of their own).
  const quiet = { autoReply: { enabled: false } };
  const channelId = await createChannel(api, {
    default_team: teamId,
    routing: { newCustomer: { agentsOnline: quiet, agentsOffline: quiet } },
    auto_replies: { greeting: { enabled: false }, outOfHours: { enabled: false } },
  });
  const sim = await startSimulator({
    webhookUrl: `${pb.url}/api/whatsapp/webhook`,
    appSecret: TEST_APP_SECRET,
    accessToken: options.simulatorToken ?? TEST_ACCESS_TOKEN,
    verifyToken: TEST_VERIFY_TOKEN,
    timeScale: options.timeScale ?? 0.001,
    channels: [{ phoneNumberId: CHANNEL_PNID, displayPhoneNumber: '15550783881', wabaId: 'WABA' }],
    scriptedCustomers: false,
    seed: 7,
  });
  // A webhook's 200 means "stored": when other deliveries (statuses) were in flight it may be applied a moment later
  // by the worker. Tests that read right after injecting drain first, through the worker's own route.
  const inject = sim.injectInbound.bind(sim);
  sim.injectInbound = async (...args: Parameters<Simulator['injectInbound']>) => {
    const injected = await inject(...args);
    await drainStoredWebhooks(api);
    return injected;
  };
  const workers: WorkerProcess[] = [];
  const startWorker = (env: Record<string, string> = {}): WorkerProcess => {
    const worker = spawnWorker(pb.url, {
      WHATSAPP_GRAPH_URL: sim.url,
      WHATSAPP_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
      WORKER_SWEEP_MS: String(options.sweepMs ?? 200),
      WORKER_LEASE_MS: '2000',
      WORKER_RECLAIM_GRACE_MS: '1000',
      ...env,
    });
    workers.push(worker);
    return worker;
  };
  return {
    pb,
    api,
    sim,
    channelId,
    teamId,
    startWorker,
    stop: async () => {
      await Promise.all(workers.map((worker) => worker.kill()));
      await sim.close();
      await pb.stop();
    },
  };
}

/**
 * Applies every stored-but-pending webhook now through the worker's own route; `appliers` > 1 drains in parallel the
 * way several workers would, so decisions still race.
 */
export async function drainStoredWebhooks(api: Api, { appliers = 1, limit = 100 } = {}): Promise<void> {
  const applier = async () => {
    for (;;) {
      const response = await api.request('POST', '/api/pocketdesk/worker/apply-webhooks', { limit });
      if (response.status !== 200) throw new Error(`apply-webhooks ${response.status}`);
      if (response.body.attempted === 0) return;
    }
  };
  await Promise.all(Array.from({ length: appliers }, applier));
}

/** Polls until `check` returns a truthy value (no fixed sleeps: tests wait for conditions, never for time). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
