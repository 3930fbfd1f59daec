// A local webhook receiver for integration tests: records every request and answers as the test says (up, down,
// gone, hanging). Receivers dedupe on the event id: `uniqueEvents` is what a well-behaved one would have processed.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceiverMode = 'ok' | 'down' | 'gone' | 'hang';

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  status: number;
}

export interface Receiver {
  url: string;
  /** Mode per path (default 'ok'); `hangOnce` hangs the next request to that path only. */
  setMode(path: string, mode: ReceiverMode): void;
  hangOnce(path: string): void;
  requests(path?: string): ReceivedRequest[];
  /** Called with each accepted (2xx) request's parsed body as it arrives (benchmarks time arrivals with it). */
  onAccepted(listener: (event: any) => void): void;
  /** Parsed bodies of accepted (2xx) requests, first copy of each event id, in arrival order. */
  uniqueEvents(path: string): Array<{ id: string; type: string; data: any; occurred_at: string; version: number }>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const modes = new Map<string, ReceiverMode>();
  const hangs = new Set<string>();
  const received: ReceivedRequest[] = [];
  const hanging = new Set<() => void>();
  const listeners: Array<(event: any) => void> = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const mode = hangs.delete(path) ? 'hang' : (modes.get(path) ?? 'ok');
      const status = mode === 'ok' ? 200 : mode === 'gone' ? 410 : mode === 'down' ? 503 : 0;
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      if (mode === 'hang') {
        const end = () => response.destroy();
        hanging.add(end);
        response.on('close', () => hanging.delete(end));
        return;
      }
      response.writeHead(status, { 'content-type': 'text/plain' }).end(mode);
      if (status === 200 && listeners.length) {
        const event = JSON.parse(received[received.length - 1].body);
        for (const listener of listeners) listener(event);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setMode: (path, mode) => modes.set(path, mode),
    hangOnce: (path) => hangs.add(path),
    onAccepted: (listener) => listeners.push(listener),
    requests: (path) => received.filter((r) => path === undefined || r.path === path),
    uniqueEvents: (path) => {
      const seen = new Set<string>();
      const events = [];
      for (const request of received) {
        if (request.path !== path || request.status !== 200) continue;
        const event = JSON.parse(request.body);
        if (seen.has(event.id)) continue;
        seen.add(event.id);
        events.push(event);
      }
      return events;
    },
    close: async () => {
      for (const end of hanging) end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
