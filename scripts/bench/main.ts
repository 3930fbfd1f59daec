import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { projectRoot } from '../pocketbase-paths.mjs';
import { benchDashboard } from './dashboard-bench';
import { benchMetrics } from './metrics-bench';
import { benchMetricsEndpoint } from './metrics-endpoint-bench';
import { benchPush } from './push-bench';
import { measurePwaInitialJs } from './pwa-size';
import { benchRouting } from './routing-bench';
import { benchWebhooks } from './webhook-bench';

// Prints every figure and ratio; writes them to .reports/bench.json so the README's table can be refreshed.
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const report: Record<string, unknown> = { date: new Date().toISOString(), machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`, node: process.version };

console.log(`Pocketdesk benchmarks — ${report.machine}, Node ${process.version}, ${seconds} s per load\n`);
const pwa = measurePwaInitialJs();
console.log(`PWA first visit (queue): ${pwa.files} JS files, ${pwa.rawKb} KB raw, ${pwa.gzipKb} KB gzipped (target ≤ 120 KB gzipped)\n`);
report.pwa = pwa;
const webhook = await benchWebhooks(seconds);
console.log('| load | req/s | p50 ms | p99 ms | requests | non-2xx | errors |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of webhook) console.log(`| ${row.label} | ${row.requestsPerSecond} | ${row.p50Ms} | ${row.p99Ms} | ${row.requests} | ${row.non2xx} | ${row.errors} |`);
const inbound = webhook[0];
const baseline = webhook[webhook.length - 1];
const ratio = inbound.requestsPerSecond / baseline.requestsPerSecond;
console.log(`\nratio inbound webhook / plain record create (a/c): ${ratio.toFixed(2)} (target ≥ 0.5)`);
report.webhook = webhook;
report.ratioInboundToBaseline = Number(ratio.toFixed(3));

console.log('\nPure routing decision (decideRouting, Node):');
console.log('| agents | decisions/s | mean µs | p99 µs |');
console.log('| ---: | ---: | ---: | ---: |');
const routing = await benchRouting();
for (const row of routing.rows) console.log(`| ${row.agents} | ${row.decisionsPerSecond} | ${row.meanMicros} | ${row.p99Micros} |`);
report.routing = routing.rows;

const push = await benchPush();
console.log(`\nAssignment → push request at the (mock) push service, worker included: p50 ${push.p50Ms} ms, p95 ${push.p95Ms} ms over ${push.samples} notifications (target p95 ≤ 2000 ms)`);
report.push = push;

const pure = benchMetrics();
console.log(`\nMetrics over ${pure.conversations} conversations: pure summarize in Node ${pure.summarizeMs} ms`);
const endpoint = await benchMetricsEndpoint(Number(process.env.BENCH_METRICS_CONVERSATIONS ?? 100_000));
console.log(`GET /api/pocketdesk/metrics/overview (dashboard, SQL) over ${endpoint.conversations} conversations, 30 days: median ${endpoint.overviewMedianMs} ms (samples ${endpoint.overviewSamples.join(', ')})`);
console.log(`GET /api/pocketdesk/metrics (full report by agent, JS in the hooks VM): median ${endpoint.medianMs} ms (samples ${endpoint.samples.join(', ')}; seeding took ${endpoint.seedSeconds} s)`);
report.metrics = { pure, endpoint };

const dashboardSizes = (process.env.BENCH_DASHBOARD_CONVERSATIONS ?? '5000,20000').split(',').map(Number);
console.log('\nService dashboard as the PWA loads it (report + SLA count + reviews, JS SDK, admin):');
console.log('| conversations (30 days) | period | load median ms | shaping median ms |');
console.log('| ---: | ---: | ---: | ---: |');
const dashboard = await benchDashboard(dashboardSizes);
for (const row of dashboard) console.log(`| ${row.conversations} | ${row.days} d | ${row.loadMedianMs} | ${row.shapeMedianMs} |`);
report.dashboard = dashboard;

mkdirSync(join(projectRoot, '.reports'), { recursive: true });
writeFileSync(join(projectRoot, '.reports', 'bench.json'), JSON.stringify(report, null, 2));
console.log('\nwritten to .reports/bench.json');
