import { performance } from 'node:perf_hooks';
import { Api } from '../../tests/support/api';
import { startPocketBase } from '../../tests/support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../../tests/support/seed';

export interface MetricsEndpointResult {
  conversations: number;
  seedSeconds: number;
  medianMs: number;
  samples: number[];
  overviewMedianMs: number;
  overviewSamples: number[];
  /** The overview as the dashboard asks for it: grouped by agent (per-agent rows, open load, SLA breaches). */
  overviewByAgentMedianMs: number;
  overviewByAgentSamples: number[];
}

async function timeRequests(api: Api, path: string, runs = 6): Promise<{ median: number; samples: number[] }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await api.request('GET', path);
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    // The first run warms the VM and SQLite's page cache.
    if (i > 0) samples.push(Math.round(performance.now() - started));
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], samples };
}

/** Times the full report and the SQL overview, whole and by agent (30 days, as an admin), over a generated history of `total` conversations. */
export async function benchMetricsEndpoint(total = 100_000): Promise<MetricsEndpointResult> {
  const pb = await startPocketBase({ POCKETDESK_ENABLE_BENCH_SEED: '1' });
  try {
    const root = new Api(pb.url, pb.superuserToken);
    const team = await createTeam(root, 'Bench team');
    const channel = await createChannel(root, { default_team: team });
    const agents = [];
    for (let i = 0; i < 10; i++) agents.push((await createAgent(root, { name: `Bench agent ${i}`, teams: [team], status: 'offline' })).id);
    const admin = await root.as((await createAgent(root, { name: 'Bench admin', role: 'admin', status: 'offline' })).email, PASSWORD);
    const seedStart = performance.now();
    for (let done = 0; done < total; done += 20_000) {
      const response = await root.request('POST', '/api/pocketdesk/bench/seed', {
        conversations: Math.min(20_000, total - done),
        channel,
        team,
        agents,
        days: 30,
      });
      if (response.status !== 200) throw new Error(`seed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const to = Date.now() + 60_000;
    const from = to - 31 * 86_400_000;
    const full = await timeRequests(admin, `/api/pocketdesk/metrics?from=${from}&to=${to}&groupBy=agent`);
    const overview = await timeRequests(admin, `/api/pocketdesk/metrics/overview?from=${from}&to=${to}`, 8);
    const byAgent = await timeRequests(admin, `/api/pocketdesk/metrics/overview?from=${from}&to=${to}&groupBy=agent`, 8);
    return {
      conversations: total,
      seedSeconds: Math.round(seedSeconds),
      medianMs: full.median,
      samples: full.samples,
      overviewMedianMs: overview.median,
      overviewSamples: overview.samples,
      overviewByAgentMedianMs: byAgent.median,
      overviewByAgentSamples: byAgent.samples,
    };
  } finally {
    await pb.stop();
  }
}
