import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

/** What a route handler answers; the server writes it. Handlers stay free of `res` so they are easy to test. */
export interface Reply {
  status: number;
  body: unknown;
  /** Raw bytes bypass JSON encoding (media downloads, the phone page). */
  bytes?: Buffer;
  contentType?: string;
}

export const json = (status: number, body: unknown): Reply => ({ status, body });

export class BodyTooLargeError extends Error {}

/** Reads the whole request body, refusing more than `limitBytes` (uploads go up to 100 MB). */
export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limitBytes) throw new BodyTooLargeError(`body exceeds ${limitBytes} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body; `undefined` for an empty body, a SyntaxError instance for malformed JSON. */
export function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    return error instanceof SyntaxError ? error : new SyntaxError(String(error));
  }
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  const bytes = reply.bytes ?? Buffer.from(JSON.stringify(reply.body ?? null));
  res.writeHead(reply.status, {
    'Content-Type': reply.contentType ?? 'application/json; charset=utf-8',
    'Content-Length': bytes.length,
    'Cache-Control': 'no-store',
  });
  res.end(bytes);
}

/** Constant-time check of `Authorization: Bearer <token>`. */
export function hasBearer(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
