import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for Pocketdesk's webhook endpoint in the simulator's own tests: records raw bodies and headers,
// answers the verification handshake, and fails on demand.

export interface ReceivedWebhook {
  /** Raw body exactly as received. */
  raw: Buffer;
  body: string;
  signature: string | undefined;
  contentType: string | undefined;
  json: unknown;
}

export interface ReceiverOptions {
  /** HTTP status for the nth POST (1-based); 200 by default. */
  statusFor?: (attempt: number) => number;
  /** Token the GET handshake accepts. */
  verifyToken?: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  close(): Promise<void>;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startWebhookReceiver(options: ReceiverOptions = {}): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let posts = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://receiver.invalid');
    if (req.method === 'GET') {
      const ok = url.searchParams.get('hub.mode') === 'subscribe' && url.searchParams.get('hub.verify_token') === options.verifyToken;
      res.writeHead(ok ? 200 : 403, { 'Content-Type': 'text/plain' }).end(ok ? (url.searchParams.get('hub.challenge') ?? '') : 'forbidden');
      return;
    }
    void readAll(req).then((raw) => {
      posts += 1;
      const body = raw.toString('latin1');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      received.push({ raw, body, signature: req.headers['x-hub-signature-256'] as string | undefined, contentType: req.headers['content-type'], json });
      res.writeHead(options.statusFor?.(posts) ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/whatsapp/webhook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
