import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isPublicAddress } from '../lib/domain/integrations/endpoint-address';

// One POST to a receiver the desk does not control: the host is resolved here and every address it resolves to
// checked (a public name may point at 127.0.0.1 or a cloud metadata address), then the connection goes to the
// checked address itself, so a second lookup cannot swap it (DNS rebinding). No redirects are followed.

export type PostResult =
  { kind: 'response'; status: number; ms: number } | { kind: 'refused'; ms: number; reason: string } | { kind: 'error'; ms: number; reason: string };

export interface PostOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

const MAX_ANSWER_BYTES = 64 * 1024;

export async function guardedPost(url: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostResult> {
  const started = Date.now();
  const ms = () => Date.now() - started;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { kind: 'refused', ms: ms(), reason: 'invalid-url' };
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return { kind: 'refused', ms: ms(), reason: 'unsupported-scheme' };
  const host = target.hostname.replace(/^\[|\]$/g, '');
  let address: { address: string; family: number };
  try {
    const addresses = await lookup(host, { all: true, verbatim: true });
    if (!addresses.length) return { kind: 'error', ms: ms(), reason: 'dns-no-address' };
    if (!options.allowPrivate && addresses.some((a) => !isPublicAddress(a.address))) return { kind: 'refused', ms: ms(), reason: 'private-address' };
    address = addresses[0];
  } catch (error) {
    return { kind: 'error', ms: ms(), reason: `dns-${(error as NodeJS.ErrnoException).code ?? 'error'}`.toLowerCase() };
  }
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: (_host, _options, callback) => (callback as (err: null, address: string, family: number) => void)(null, address.address, address.family),
        servername: target.protocol === 'https:' && !/^[\d.:]+$/.test(host) ? host : undefined,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        let read = 0;
        // Drain (bounded) so the socket is released; the answer's content is not kept.
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) response.destroy();
        });
        response.on('close', () => resolve({ kind: 'response', status: response.statusCode ?? 0, ms: ms() }));
        response.on('error', () => resolve({ kind: 'response', status: response.statusCode ?? 0, ms: ms() }));
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({
        kind: 'error',
        ms: ms(),
        reason: error.name === 'TimeoutError' || error.name === 'AbortError' ? 'timeout' : (error.code ?? 'network-error').toLowerCase(),
      }),
    );
    request.end(body);
  });
}
