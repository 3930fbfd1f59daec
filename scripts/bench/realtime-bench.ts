// What open apps cost the server: every agent's PWA keeps one realtime stream open. A JS middleware around the
// stream would hold one of PocketBase's pooled VMs for as long as the app stays open, and the JS routes then run
// in throwaway VMs that load the hooks bundle first; this measures a JS route with and without open streams.
import { readFileSync } from 'node:fs';
import { startPocketBase } from '../../tests/support/pocketbase';
import { runLoad } from './measure';

export interface RealtimeBench {
  streams: number;
  withoutStreams: { requestsPerSecond: number; p50Ms: number; p99Ms: number };
  withStreams: { requestsPerSecond: number; p50Ms: number; p99Ms: number };
  residentMb: number;
}

export async function benchRealtimeStreams(streams = 45, durationSeconds = 5): Promise<RealtimeBench> {
  const pb = await startPocketBase();
  const open: AbortController[] = [];
  try {
    // A full-bundle route (nothing to apply): it borrows a pooled VM like every JS route does.
    const request = () => ({
      path: '/api/pocketdesk/worker/apply-webhooks',
      headers: { authorization: pb.superuserToken, 'content-type': 'application/json' },
      body: '{}',
    });
    const load = async (label: string) => {
      const result = await runLoad({ label, url: pb.url, request, durationSeconds, connections: 4 });
      return { requestsPerSecond: result.requestsPerSecond, p50Ms: result.p50Ms, p99Ms: result.p99Ms };
    };
    await load('warm-up');
    const withoutStreams = await load('no open apps');
    for (let i = 0; i < streams; i++) {
      const stream = new AbortController();
      open.push(stream);
      const response = await fetch(`${pb.url}/api/realtime`, { signal: stream.signal });
      const reader = response.body!.getReader();
      void (async () => {
        try {
          while (!(await reader.read()).done);
        } catch {
          // aborted at the end
        }
      })();
    }
    const withStreams = await load(`${streams} open apps`);
    const resident = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pb.pid}/status`, 'utf8'));
    return { streams, withoutStreams, withStreams, residentMb: resident ? Math.round(Number(resident[1]) / 1024) : 0 };
  } finally {
    for (const stream of open) stream.abort();
    await pb.stop();
  }
}
