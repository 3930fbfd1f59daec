// A local stand-in for a browser vendor's push service (RFC 8030 + VAPID RFC 8292 + message encryption RFC 8291):
// HTTPS with a throwaway self-signed certificate, checks the VAPID JWT like FCM/Mozilla do, decrypts each push
// with the subscription's private key, and answers with whatever status a test asks for.
import { execFileSync } from 'node:child_process';
import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// http_ece ships no types; this is the one call the mock makes.
interface Ece {
  decrypt(buffer: Buffer, params: { version: 'aes128gcm'; privateKey: ECDH; authSecret: Buffer }): Buffer;
}
const ece = createRequire(import.meta.url)('http_ece') as Ece;

/** What the browser's `PushSubscription.toJSON()` gives the app. */
export interface MockSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface ReceivedPush {
  endpoint: string;
  /** The status the mock answered. */
  status: number;
  headers: { ttl: number | null; urgency: string | null; topic: string | null };
  /** Decrypted plaintext; null when the request was refused before decryption. */
  payload: string | null;
  /** `performance.now()` when the request was complete. */
  at: number;
}

export interface RejectedPush {
  endpoint: string;
  status: number;
  reason: string;
}

export interface MockPushService {
  /** https://127.0.0.1:<port> — the `aud` every VAPID JWT must carry. */
  origin: string;
  /** PEM of the self-signed certificate: pass as NODE_EXTRA_CA_CERTS to a process, or use `agent` in this one. */
  caFile: string;
  agent: Agent;
  /** A new device subscribed with `applicationServerKey` (the VAPID public key, base64url). */
  subscribe(applicationServerKey: string): MockSubscription;
  /** The next `count` pushes to `endpoint` are answered with `status` (201 afterwards). */
  failNext(endpoint: string, status: number, count?: number, headers?: Record<string, string>): void;
  /** Pushes answered 2xx and decrypted, optionally for one endpoint. */
  received(endpoint?: string): ReceivedPush[];
  /** Every push request that reached a known endpoint, whatever was answered. */
  requests(endpoint?: string): ReceivedPush[];
  /** Requests refused for a protocol error (bad VAPID, bad encryption, missing TTL): a correct sender has none. */
  rejections(): RejectedPush[];
  /** Called for each accepted push (benchmarks time them). */
  onReceive(listener: (push: ReceivedPush) => void): void;
  close(): Promise<void>;
}

interface Device {
  ecdh: ECDH;
  authSecret: Buffer;
  applicationServerKey: string;
  failures: Array<{ status: number; headers: Record<string, string> }>;
}

/** A self-signed P-256 certificate for 127.0.0.1 and localhost, made with the system's openssl. */
function selfSignedCertificate(dir: string): { key: string; cert: string; certFile: string } {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-subj',
      '/CN=pocketdesk-mock-push',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'pipe' },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

function base64urlJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Checks `Authorization: vapid t=<JWT>, k=<public key>` (RFC 8292 §3); returns the problem or null. */
function vapidProblem(authorization: string | null, origin: string, expectedKey: string): { status: number; reason: string } | null {
  const match = /^vapid\s+t=([A-Za-z0-9_.-]+)\s*,\s*k=([A-Za-z0-9_-]+)\s*$/i.exec(authorization ?? '');
  if (!match) return { status: 401, reason: 'missing-vapid' };
  const [, token, k] = match;
  const [header, claims, signature, extra] = token.split('.');
  if (!header || !claims || !signature || extra !== undefined) return { status: 401, reason: 'malformed-jwt' };
  const head = base64urlJson(header);
  if (head?.alg !== 'ES256') return { status: 401, reason: 'jwt-not-es256' };
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) return { status: 401, reason: 'bad-vapid-key' };
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
    format: 'jwk',
  });
  const signed = verify('sha256', Buffer.from(`${header}.${claims}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!signed) return { status: 401, reason: 'bad-jwt-signature' };
  const body = base64urlJson(claims);
  const nowSeconds = Date.now() / 1000;
  if (body?.aud !== origin) return { status: 401, reason: 'wrong-audience' };
  if (typeof body.exp !== 'number' || body.exp <= nowSeconds || body.exp > nowSeconds + 24 * 3600) return { status: 401, reason: 'bad-expiry' };
  if (typeof body.sub !== 'string' || !/^(mailto:|https:\/\/)/.test(body.sub)) return { status: 401, reason: 'bad-subject' };
  // Like real push services: a subscription only takes pushes signed by the key it was created with.
  if (k !== expectedKey.replace(/=+$/, '')) return { status: 403, reason: 'vapid-key-mismatch' };
  return null;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

const header = (request: IncomingMessage, name: string): string | null => {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
};

export async function startMockPushService(): Promise<MockPushService> {
  const dir = mkdtempSync(join(tmpdir(), 'pocketdesk-push-'));
  const { key, cert, certFile } = selfSignedCertificate(dir);
  const devices = new Map<string, Device>();
  const log: ReceivedPush[] = [];
  const refused: RejectedPush[] = [];
  const listeners: Array<(push: ReceivedPush) => void> = [];
  let origin = '';
  let messages = 0;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request);
    const endpoint = `${origin}${request.url ?? ''}`;
    const device = devices.get(endpoint);
    const answer = (status: number, headers: Record<string, string> = {}) => {
      response.writeHead(status, headers);
      response.end();
    };
    const refuse = (status: number, reason: string) => {
      refused.push({ endpoint, status, reason });
      answer(status);
    };
    if (request.method !== 'POST') return answer(405);
    if (!device) return answer(404);
    const ttlHeader = header(request, 'ttl');
    const entry: ReceivedPush = {
      endpoint,
      status: 0,
      headers: { ttl: ttlHeader === null ? null : Number(ttlHeader), urgency: header(request, 'urgency'), topic: header(request, 'topic') },
      payload: null,
      at: performance.now(),
    };
    const problem = vapidProblem(header(request, 'authorization'), origin, device.applicationServerKey);
    if (problem) return refuse(problem.status, problem.reason);
    if (entry.headers.ttl === null || !Number.isInteger(entry.headers.ttl) || entry.headers.ttl < 0) return refuse(400, 'missing-ttl');
    if (entry.headers.topic !== null && !/^[A-Za-z0-9_-]{1,32}$/.test(entry.headers.topic)) return refuse(400, 'bad-topic');
    if (body.length > 4096) return refuse(413, 'payload-too-large');
    if (header(request, 'content-encoding') !== 'aes128gcm') return refuse(415, 'not-aes128gcm');
    const failure = device.failures.shift();
    if (failure) {
      log.push({ ...entry, status: failure.status });
      return answer(failure.status, failure.headers);
    }
    try {
      entry.payload = ece.decrypt(body, { version: 'aes128gcm', privateKey: device.ecdh, authSecret: device.authSecret }).toString('utf8');
    } catch (error) {
      return refuse(400, `undecryptable: ${(error as Error).message}`);
    }
    entry.status = 201;
    log.push(entry);
    for (const listener of listeners) listener(entry);
    answer(201, { location: `${origin}/message/${++messages}` });
  };

  const server: Server = createServer({ key, cert }, (request, response) => {
    handle(request, response).catch(() => {
      response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    origin,
    caFile: certFile,
    agent: new Agent({ ca: cert }),
    subscribe(applicationServerKey) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const authSecret = randomBytes(16);
      const endpoint = `${origin}/push/${randomBytes(12).toString('base64url')}`;
      devices.set(endpoint, { ecdh, authSecret, applicationServerKey, failures: [] });
      return { endpoint, keys: { p256dh: ecdh.getPublicKey('base64url'), auth: authSecret.toString('base64url') } };
    },
    failNext(endpoint, status, count = 1, headers = {}) {
      const device = devices.get(endpoint);
      if (!device) throw new Error(`mock push: unknown endpoint ${endpoint}`);
      for (let i = 0; i < count; i++) device.failures.push({ status, headers });
    },
    received: (endpoint) => log.filter((push) => push.status >= 200 && push.status < 300 && (!endpoint || push.endpoint === endpoint)),
    requests: (endpoint) => log.filter((push) => !endpoint || push.endpoint === endpoint),
    rejections: () => [...refused],
    onReceive: (listener) => void listeners.push(listener),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
