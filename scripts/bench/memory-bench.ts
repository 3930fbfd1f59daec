// What the pooled JS VMs cost in memory (README "Deploying on one server → Memory"): PocketBase with a pool of 40
// VMs, 40 clients at once on a full-bundle route until every pooled VM has loaded pb_hooks/app.js, then the
// resident size of the PocketBase process (VmRSS) after the load, without GOMEMLIMIT. Also the bundle's size and
// what loading it costs one VM (compile + run its top level, timed inside PocketBase's own VM).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../pocketbase-paths.mjs';
import { startPocketBase } from '../../tests/support/pocketbase';
import { runLoad } from './measure';
import { runInPocketBaseVm } from './pocketbase-vm';

export interface MemoryBench {
  clients: number;
  requestsPerSecond: number;
  non2xx: number;
  idleMb: number;
  residentMb: number;
  bundleKb: number;
  bundleLoadMs: number;
  /** Resident growth per copy of the bundle loaded and kept in one VM (what each pooled VM holds), MB. */
  bundleRetainedMb: number;
}

function residentMb(pid: number): number {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : 0;
}

/**
 * Loads the bundle `repeats` times in fresh module scopes inside PocketBase's VM, keeping every copy: the median ms
 * to compile and run its top level, and the resident growth per kept copy (a load-independent view of what each
 * pooled VM holds; the garbage of compiling is included, so it is an upper bound).
 */
async function bundleLoad(bundle: string, repeats = 15): Promise<{ ms: number; retainedMb: number }> {
  const result = await runInPocketBaseVm<{ times: number[]; retainedKb: number }>({
    name: 'bundle-load',
    files: { 'bundle.js': bundle },
    script: `  const source = read('bundle.js');
  const rss = () => Number(/VmRSS:\\s+(\\d+)/.exec(toString($os.readFile('/proc/self/status')))[1]);
  const times = [];
  const kept = [];
  const before = rss();
  for (let i = 0; i < ${repeats}; i++) {
    const started = Date.now();
    const module = { exports: {} };
    new Function('module', 'exports', 'require', source)(module, module.exports, require);
    times.push(Date.now() - started);
    kept.push(module.exports);
  }
  const after = rss();
  done(JSON.stringify({ times, retainedKb: (after - before) / kept.length }));`,
    timeoutMs: 120_000,
  });
  const times = result.times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, retainedMb: Number((result.retainedKb / 1024).toFixed(1)) };
}

export async function benchMemory(clients = 40, durationSeconds = 10): Promise<MemoryBench> {
  // BENCH_MEMORY_BUNDLE measures another build of app.js (e.g. an older one) for the per-VM figures.
  const bundleFile = process.env.BENCH_MEMORY_BUNDLE || join(projectRoot, 'pb_hooks', 'app.js');
  const bundleKb = Math.round(statSync(bundleFile).size / 1024);
  const load = await bundleLoad(readFileSync(bundleFile, 'utf8'));
  const pb = await startPocketBase();
  try {
    const idleMb = residentMb(pb.pid);
    // A full-bundle route with nothing to apply: every request borrows a pooled VM, which loads app.js once.
    const request = () => ({
      path: '/api/pocketdesk/worker/apply-webhooks',
      headers: { authorization: pb.superuserToken, 'content-type': 'application/json' },
      body: '{}',
    });
    await runLoad({ label: 'warm-up', url: pb.url, request, durationSeconds: 3, connections: clients });
    const run = await runLoad({ label: `${clients} clients`, url: pb.url, request, durationSeconds, connections: clients });
    return {
      clients,
      requestsPerSecond: run.requestsPerSecond,
      non2xx: run.non2xx,
      idleMb,
      residentMb: residentMb(pb.pid),
      bundleKb,
      bundleLoadMs: load.ms,
      bundleRetainedMb: load.retainedMb,
    };
  } finally {
    await pb.stop();
  }
}
