import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { projectRoot } from '../pocketbase-paths.mjs';
import { benchAdminSettings } from './admin-settings-bench';
import { benchDashboard } from './dashboard-bench';
import { benchMetrics } from './metrics-bench';
import { benchMetricsEndpoint } from './metrics-endpoint-bench';
import { benchPush } from './push-bench';
import { benchIntegrations } from './integrations-bench';
import { measurePwaInitialJs } from './pwa-size';
import { benchQueueRender } from './queue-render-bench';
import { benchRealtimeStreams } from './realtime-bench';
import { benchRouting } from './routing-bench';
import { benchWebhooks } from './webhook-bench';

// Prints every figure and ratio; writes them to .reports/bench.json so the README's table can be refreshed.
// `npm run bench -- webhooks dashboard` runs only the named sections (the whole run takes several minutes).
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const report: Record<string, unknown> = { date: new Date().toISOString(), machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`, node: process.version };

console.log(`Pocketdesk benchmarks — ${report.machine}, Node ${process.version}, ${seconds} s per load, load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}\n`);

const sections: Record<string, () => Promise<void> | void> = {
  pwa: () => {
    const pwa = measurePwaInitialJs();
    console.log(`PWA first visit (queue): ${pwa.files} JS files, ${pwa.rawKb} KB raw, ${pwa.gzipKb} KB gzipped (target ≤ 120 KB gzipped)\n`);
    report.pwa = pwa;
  },
  queue: async () => {
    const queue = await benchQueueRender();
    console.log(`Queue render, ${queue.conversations} conversations cached in IndexedDB (Chromium 360×640, ${queue.samples} reloads):`);
    console.log(`  queue starts reading → first rows: p50 ${queue.fromReadP50Ms} ms, p95 ${queue.fromReadP95Ms} ms (target ≤ 100 ms)`);
    console.log(`  navigation → first rows: p50 ${queue.fromNavigationP50Ms} ms, p95 ${queue.fromNavigationP95Ms} ms (DOMContentLoaded p50 ${queue.domContentLoadedP50Ms} ms)`);
    console.log(`  navigation → whole queue read and counted: p50 ${queue.completeP50Ms} ms, p95 ${queue.completeP95Ms} ms; ${queue.rowsInDom} rows in the DOM`);
    console.log(`  search over the whole queue: first query ${queue.firstSearchMs} ms (reads and indexes the cache), then ${queue.nextSearchMs} ms per keystroke (median, to the next frame)\n`);
    report.queueRender = queue;
  },
  admin: () => {
    const admin = benchAdminSettings();
    console.log('Admin settings screens, JS each adds after the queue (lazy-loaded):');
    for (const [route, size] of Object.entries(admin.routes)) console.log(`  ${route}: ${size.files} files, ${size.gzipKb} KB gzipped`);
    console.log(`Device-side check before saving: routing with ${admin.routing.rules} rules / ${admin.routing.keywords} keywords median ${admin.routing.medianMs} ms (p95 ${admin.routing.p95Ms}); FAQ with ${admin.faq.entries} entries median ${admin.faq.medianMs} ms (p95 ${admin.faq.p95Ms})\n`);
    report.adminSettings = admin;
  },
  webhooks: async () => {
    const { loads: webhook, drains } = await benchWebhooks(seconds);
    console.log('Webhook acknowledgements (Meta gets its 200 once the event is in the inbox):');
    console.log('| load | req/s | p50 ms | p99 ms | PocketBase CPU ms per request | requests | non-2xx | errors |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of webhook) console.log(`| ${row.label} | ${row.requestsPerSecond} | ${row.p50Ms} | ${row.p99Ms} | ${row.serverCpuMsPerRequest ?? ''} | ${row.requests} | ${row.non2xx} | ${row.errors} |`);
    console.log('\nApplying them (contacts, tickets, routing, statuses; by the route when idle, else by the worker):');
    console.log('| load | events | applied/s (drain included) | drained after load ends (ms) |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const row of drains) console.log(`| ${row.label} | ${row.events} | ${row.appliedPerSecond} | ${row.drainMs} |`);
    report.webhookDrains = drains;
    const byLabel = (prefix: string) => webhook.find((row) => row.label.startsWith(prefix))!;
    const [alone, inbound, baseline] = [byLabel("(a')"), byLabel('(a)'), byLabel('(c)')];
    const ratio = inbound.requestsPerSecond / baseline.requestsPerSecond;
    console.log(`\nratio inbound webhook / plain record create (a/c): ${ratio.toFixed(2)} with the worker applying meanwhile, ${(alone.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)} acknowledging alone (a'/c) (target ≥ 0.5)`);
    if (alone.serverCpuMsPerRequest && baseline.serverCpuMsPerRequest) {
      console.log(`CPU per request, record create / acknowledgement (a'): ${(baseline.serverCpuMsPerRequest / alone.serverCpuMsPerRequest).toFixed(2)} — the throughput ratio a CPU-bound server would reach`);
      report.cpuRatioBaselineToAck = Number((baseline.serverCpuMsPerRequest / alone.serverCpuMsPerRequest).toFixed(3));
    }
    report.webhook = webhook;
    report.ratioInboundToBaseline = Number(ratio.toFixed(3));
  },
  realtime: async () => {
    const realtime = await benchRealtimeStreams();
    console.log(`\nA JS route (4 clients) while agents' apps hold realtime streams open: ${realtime.withoutStreams.requestsPerSecond} req/s (p50 ${realtime.withoutStreams.p50Ms} ms, p99 ${realtime.withoutStreams.p99Ms} ms) with none, ${realtime.withStreams.requestsPerSecond} req/s (p50 ${realtime.withStreams.p50Ms} ms, p99 ${realtime.withStreams.p99Ms} ms) with ${realtime.streams}; ratio ${(realtime.withStreams.requestsPerSecond / realtime.withoutStreams.requestsPerSecond).toFixed(2)}; PocketBase resident ${realtime.residentMb} MB`);
    report.realtime = realtime;
  },
  routing: async () => {
    console.log('\nPure routing decision (decideRouting, Node):');
    console.log('| agents | decisions/s | mean µs | p99 µs |');
    console.log('| ---: | ---: | ---: | ---: |');
    const routing = await benchRouting();
    for (const row of routing.rows) console.log(`| ${row.agents} | ${row.decisionsPerSecond} | ${row.meanMicros} | ${row.p99Micros} |`);
    report.routing = routing.rows;
  },
  integrations: async () => {
    const figures = await benchIntegrations(seconds);
    console.log(`\nIntegrations: one worker delivered a backlog of ${figures.backlog.events} webhook events in ${figures.backlog.seconds} s (${figures.backlog.perSecond} events/s, receiver on 127.0.0.1)`);
    console.log(`Customer webhook → its message.received event at the receiver, under ${figures.latency.rate} webhooks/s: p50 ${figures.latency.p50Ms} ms, p99 ${figures.latency.p99Ms} ms over ${figures.latency.samples} events`);
    report.integrations = figures;
  },
  push: async () => {
    const push = await benchPush();
    console.log(`\nAssignment → push request at the (mock) push service, worker included: p50 ${push.p50Ms} ms, p95 ${push.p95Ms} ms over ${push.samples} notifications (target p95 ≤ 2000 ms)`);
    console.log(`New customer in a team that uses offers → offer push (Accept/Decline) at the push service: p50 ${push.offer.p50Ms} ms, p95 ${push.offer.p95Ms} ms over ${push.offer.samples} customers (after the webhook's 200: p50 ${push.offer.afterWebhook.p50Ms} ms, p95 ${push.offer.afterWebhook.p95Ms} ms)`);
    report.push = push;
  },
  metrics: async () => {
    const pure = benchMetrics();
    console.log(`\nMetrics over ${pure.conversations} conversations: pure summarize in Node ${pure.summarizeMs} ms`);
    const endpoint = await benchMetricsEndpoint(Number(process.env.BENCH_METRICS_CONVERSATIONS ?? 100_000));
    console.log(`GET /api/pocketdesk/metrics/overview (SQL) over ${endpoint.conversations} conversations, 30 days: median ${endpoint.overviewMedianMs} ms (samples ${endpoint.overviewSamples.join(', ')})`);
    console.log(`GET /api/pocketdesk/metrics/overview?groupBy=agent (the dashboard's first paint): median ${endpoint.overviewByAgentMedianMs} ms (samples ${endpoint.overviewByAgentSamples.join(', ')})`);
    console.log(`GET /api/pocketdesk/metrics (full report by agent, JS in the hooks VM): median ${endpoint.medianMs} ms (samples ${endpoint.samples.join(', ')}; seeding took ${endpoint.seedSeconds} s)`);
    report.metrics = { pure, endpoint };
  },
  dashboard: async () => {
    const dashboardSizes = (process.env.BENCH_DASHBOARD_CONVERSATIONS ?? '20000,100000').split(',').map(Number);
    console.log('\nService dashboard as the PWA loads it (JS SDK, admin): first complete paint of the SQL figures, then the full report in the background:');
    console.log('| conversations (30 days) | period | first paint median ms (target < 1000) | samples | timeline figures median ms |');
    console.log('| ---: | ---: | ---: | --- | ---: |');
    const dashboard = await benchDashboard(dashboardSizes);
    for (const row of dashboard) console.log(`| ${row.conversations} | ${row.days} d | ${row.firstPaintMedianMs} | ${row.firstPaintSamples.join(', ')} | ${row.timelinesMedianMs ?? 'skipped'} |`);
    report.dashboard = dashboard;
  },
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in sections));
if (unknown.length) {
  console.error(`unknown bench section(s): ${unknown.join(', ')}; known: ${Object.keys(sections).join(', ')}`);
  process.exit(2);
}
for (const [name, run] of Object.entries(sections)) if (requested.length === 0 || requested.includes(name)) await run();

mkdirSync(join(projectRoot, '.reports'), { recursive: true });
// A partial run refreshes its own sections and keeps the others' last figures.
const reportFile = join(projectRoot, '.reports', 'bench.json');
const previous = requested.length && existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as Record<string, unknown>) : {};
writeFileSync(reportFile, JSON.stringify({ ...previous, ...report }, null, 2));
console.log('\nwritten to .reports/bench.json');
