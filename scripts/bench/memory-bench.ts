// What the pooled JS VMs cost in memory (README "Deploying on one server → Memory"): PocketBase with a pool of 40
// VMs, 40 clients at once on a full-bundle route until every pooled VM has loaded pb_hooks/app.js, then the
// resident size of the PocketBase process (VmRSS) after the load, without GOMEMLIMIT. Also the bundle's size and
// what loading it costs one VM (compile + run its top level, timed inside PocketBase's own VM).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pocketBaseBinary, projectRoot } from '../pocketbase-paths.mjs';
import { freePort, startPocketBase } from '../../tests/support/pocketbase';
import { runLoad } from './measure';

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
  const dir = mkdtempSync(join(tmpdir(), 'pocketdesk-bundle-load-'));
  const hooks = join(dir, 'hooks');
  mkdirSync(hooks);
  try {
    writeFileSync(join(dir, 'bundle.js'), bundle);
    writeFileSync(
      join(hooks, 'bench.pb.js'),
      `onBootstrap((e) => {
  e.next();
  const source = toString($os.readFile(__hooks + '/../bundle.js'));
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
  $os.writeFile(__hooks + '/../result.tmp', JSON.stringify({ times, retainedKb: (after - before) / kept.length }), 0o644);
  $os.rename(__hooks + '/../result.tmp', __hooks + '/../result.json');
});\n`,
    );
    const port = await freePort();
    const args = [
      'serve',
      `--dir=${join(dir, 'data')}`,
      `--hooksDir=${hooks}`,
      `--migrationsDir=${join(dir, 'migrations')}`,
      `--publicDir=${join(dir, 'public')}`,
      `--http=127.0.0.1:${port}`,
      '--dev=false',
      '--hooksWatch=false',
    ];
    const server = spawn(pocketBaseBinary(), args, { stdio: 'ignore' });
    const resultFile = join(dir, 'result.json');
    try {
      for (let waited = 0; !existsSync(resultFile) && waited < 120_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      server.kill();
    }
    if (!existsSync(resultFile)) throw new Error('the bundle load measurement did not finish in 2 minutes');
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as { times: number[]; retainedKb: number };
    const times = result.times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)]!, retainedMb: Number((result.retainedKb / 1024).toFixed(1)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
