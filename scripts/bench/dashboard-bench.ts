import { performance } from 'node:perf_hooks';
import PocketBase from 'pocketbase';
import { headlineFigures } from '../../src/lib/client/dashboard/headline';
import { loadDashboard } from '../../src/lib/client/dashboard/load-report';
import { scopeToAgent } from '../../src/lib/client/dashboard/scope';
import { agentLoads } from '../../src/lib/client/dashboard/tables';
import { toCsv } from '../../src/lib/domain/metrics/csv';
import { metricGroupColumns } from '../../src/lib/domain/metrics/report-columns';
import { Api } from '../../tests/support/api';
import { startPocketBase } from '../../tests/support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../../tests/support/seed';

export interface DashboardBenchRow {
  conversations: number;
  days: number;
  /** Everything the PWA fetches for one dashboard view (report, SLA count, reviews), median ms. */
  loadMedianMs: number;
  /** Shaping the answer in the page (figures, bars, the agents CSV), median ms. */
  shapeMedianMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/**
 * Times the dashboard as the PWA loads it, through the same client module and the JS SDK, as an admin over a
 * generated history of each size (30 days), for the last 7 and 30 days: one warm-up, then the median of five.
 */
export async function benchDashboard(sizes: readonly number[]): Promise<DashboardBenchRow[]> {
  const rows: DashboardBenchRow[] = [];
  for (const total of sizes) {
    const pb = await startPocketBase({ POCKETDESK_ENABLE_BENCH_SEED: '1' });
    try {
      const root = new Api(pb.url, pb.superuserToken);
      const team = await createTeam(root, 'Bench team');
      const channel = await createChannel(root, { default_team: team });
      const agents: string[] = [];
      for (let i = 0; i < 10; i++) agents.push((await createAgent(root, { name: `Bench agent ${i}`, teams: [team], status: 'offline' })).id);
      const admin = await createAgent(root, { name: 'Bench admin', role: 'admin', status: 'offline' });
      for (let done = 0; done < total; done += 20_000) {
        const response = await root.request('POST', '/api/pocketdesk/bench/seed', { conversations: Math.min(20_000, total - done), channel, team, agents, days: 30 });
        if (response.status !== 200) throw new Error(`seed: ${response.status} ${JSON.stringify(response.body)}`);
      }
      const client = new PocketBase(pb.url);
      client.autoCancellation(false);
      await client.collection('agents').authWithPassword(admin.email, PASSWORD);
      for (const days of [7, 30]) {
        const to = Date.now() + 60_000;
        const query = { from: to - days * 86_400_000, to, bucket: 'day' as const, channelId: '', teamId: '', agentId: '', myTeams: null };
        const loads: number[] = [];
        const shapes: number[] = [];
        for (let run = 0; run < 6; run++) {
          const started = performance.now();
          const data = await loadDashboard(client, query);
          const loaded = performance.now();
          headlineFigures(scopeToAgent(data.report, '').summary, data.slaBreaches, data.reviews);
          agentLoads(data.report.groups, (key) => key ?? '');
          toCsv(data.report.groups ?? [], metricGroupColumns('agent', (key) => key ?? ''));
          if (run > 0) {
            loads.push(loaded - started);
            shapes.push(performance.now() - loaded);
          }
        }
        rows.push({ conversations: total, days, loadMedianMs: Math.round(median(loads)), shapeMedianMs: Math.round(median(shapes) * 10) / 10 });
      }
    } finally {
      await pb.stop();
    }
  }
  return rows;
}
