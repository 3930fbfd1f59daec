import { performance } from 'node:perf_hooks';
import PocketBase from 'pocketbase';
import { headlineFigures } from '../../src/lib/client/dashboard/headline';
import { coversTimelines, loadDashboard, loadTimelineFigures, type DashboardQuery } from '../../src/lib/client/dashboard/load-report';
import { mergeTimelineFigures } from '../../src/lib/client/dashboard/overview';
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
  /** Request to every SQL figure shaped for the screen (overview + reviews, figures, bars, the agents CSV): the first complete paint, median ms. */
  firstPaintMedianMs: number;
  firstPaintSamples: number[];
  /** The background full report (handle time, business-hours first response), median ms; null when the period skips it. */
  timelinesMedianMs: number | null;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** One dashboard view up to its first complete paint of SQL figures, as the page shapes it. */
async function firstPaint(client: PocketBase, query: DashboardQuery) {
  const data = await loadDashboard(client, query);
  headlineFigures(scopeToAgent(data.report, '').summary, data.slaBreaches, data.reviews, true);
  agentLoads(data.report.groups, (key) => key ?? '', '', data.openNow);
  toCsv(
    data.report.groups ?? [],
    metricGroupColumns('agent', (key) => key ?? ''),
  );
  return data;
}

/**
 * Times the dashboard as the PWA loads it, through the same client modules and the JS SDK, as an admin over a
 * generated history of each size (30 days), for the last 7 and 30 days: one warm-up, then the median of
 * `runs` first paints; then the background timeline figures (fewer runs: they take seconds each).
 */
export async function benchDashboard(sizes: readonly number[], runs = 7, timelineRuns = 3): Promise<DashboardBenchRow[]> {
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
        const response = await root.request('POST', '/api/pocketdesk/bench/seed', {
          conversations: Math.min(20_000, total - done),
          channel,
          team,
          agents,
          days: 30,
        });
        if (response.status !== 200) throw new Error(`seed: ${response.status} ${JSON.stringify(response.body)}`);
      }
      const client = new PocketBase(pb.url);
      client.autoCancellation(false);
      await client.collection('agents').authWithPassword(admin.email, PASSWORD);
      for (const days of [7, 30]) {
        const to = Date.now() + 60_000;
        const query: DashboardQuery = { from: to - days * 86_400_000, to, bucket: 'day', channelId: '', teamId: '', agentId: '' };
        const paints: number[] = [];
        let last = await firstPaint(client, query);
        for (let run = 0; run < runs; run++) {
          const started = performance.now();
          last = await firstPaint(client, query);
          paints.push(Math.round(performance.now() - started));
        }
        let timelinesMedianMs: number | null = null;
        if (coversTimelines(query)) {
          const timelines: number[] = [];
          for (let run = 0; run < timelineRuns; run++) {
            const started = performance.now();
            mergeTimelineFigures(last.report, await loadTimelineFigures(client, query));
            timelines.push(performance.now() - started);
          }
          timelinesMedianMs = Math.round(median(timelines));
        }
        rows.push({ conversations: total, days, firstPaintMedianMs: median(paints), firstPaintSamples: paints, timelinesMedianMs });
      }
    } finally {
      await pb.stop();
    }
  }
  return rows;
}
