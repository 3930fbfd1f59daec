import { createHmac } from 'node:crypto';

/** The `X-Hub-Signature-256` header value Meta sends: `sha256=` + hex HMAC-SHA256 of the raw body with the app secret. */
export function signBody(body: string | Uint8Array, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}
