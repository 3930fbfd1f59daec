import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

export interface LoadResult {
  label: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** CPU the server process spent per request (user + system), when its pid is known: unlike req/s, it holds on a busy machine. */
  serverCpuMsPerRequest?: number;
}

export interface LoadSpec {
  label: string;
  url: string;
  /** Builds the n-th request; every request is distinct (new customers, new wamids). */
  request: (n: number) => { path: string; headers: Record<string, string>; body: string };
  durationSeconds: number;
  connections: number;
  /** Fixed arrival rate (requests/s) for latency at a steady load; omit for maximum throughput. */
  rate?: number;
  /** The server's pid, to report its CPU time per request. */
  serverPid?: number;
}

/** User + system CPU milliseconds a process has used (Linux /proc; clock ticks are 10 ms there). */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Drives one load with autocannon and reports what it measured; autocannon exits 0 on failures, so they are counted here. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  let n = 0;
  const cpuBefore = spec.serverPid ? processCpuMs(spec.serverPid) : 0;
  const result = await autocannon({
    url: spec.url,
    method: 'POST',
    connections: spec.connections,
    duration: spec.durationSeconds,
    ...(spec.rate ? { overallRate: spec.rate } : {}),
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => {
          const next = spec.request(n++);
          return { ...request, method: 'POST', path: next.path, headers: next.headers, body: next.body };
        },
      },
    ],
  });
  return {
    label: spec.label,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    ...(spec.serverPid ? { serverCpuMsPerRequest: Number(((processCpuMs(spec.serverPid) - cpuBefore) / Math.max(1, result.requests.total)).toFixed(3)) } : {}),
  };
}
