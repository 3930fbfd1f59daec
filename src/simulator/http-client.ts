import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface OutgoingRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
  /** Aborts the request when the simulator closes. */
  signal?: AbortSignal;
}

export interface IncomingResult {
  status: number;
  body: string;
}

/** One HTTP exchange with no redirects followed (Meta does not follow them) and no pooled sockets left behind. */
export function sendRequest(options: OutgoingRequest): Promise<IncomingResult> {
  const url = new URL(options.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let deadline: NodeJS.Timeout | undefined;
    const finish = (outcome: () => void) => {
      clearTimeout(deadline);
      outcome();
    };
    const req = send(
      url,
      {
        method: options.method,
        headers: { ...options.headers, ...(options.body ? { 'Content-Length': String(options.body.length) } : {}) },
        agent: false,
        signal: options.signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => finish(() => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })));
        res.on('error', (error) => finish(() => reject(error)));
      },
    );
    // A total deadline, not a socket idle timeout: a receiver trickling bytes must still time out.
    deadline = setTimeout(() => req.destroy(new Error(`timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('error', (error) => finish(() => reject(error)));
    req.end(options.body);
  });
}
