import { loadavg } from 'node:os';
import { benchDashboard } from './dashboard-bench';

// `npm run bench -- dashboard`: the dashboard's part of the benchmarks alone (each size seeds its own PocketBase),
// for iterating on the load path without the webhook, push and queue benches. Same table as the full run.
const sizes = (process.env.BENCH_DASHBOARD_CONVERSATIONS ?? '20000,100000').split(',').map(Number);
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
console.log(`Service dashboard as the PWA loads it (JS SDK, admin), load average before: ${load()}`);
console.log('| conversations (30 days) | period | first paint median ms (target < 1000) | samples | timeline figures median ms |');
console.log('| ---: | ---: | ---: | --- | ---: |');
for (const row of await benchDashboard(sizes)) console.log(`| ${row.conversations} | ${row.days} d | ${row.firstPaintMedianMs} | ${row.firstPaintSamples.join(', ')} | ${row.timelinesMedianMs ?? 'skipped'} |`);
console.log(`load average after: ${load()}`);
