import { createHmac, timingSafeEqual } from 'node:crypto';
import { isFreshTimestamp, parseSignatureHeader, signatureHeaderValue, signedContent } from '../lib/domain/integrations/signature';

/** The `Pocketdesk-Signature` value for a body sent at `timestampS`. */
export function signBody(secret: string, timestampS: number, body: string): string {
  return signatureHeaderValue(timestampS, createHmac('sha256', secret).update(signedContent(timestampS, body)).digest('hex'));
}

/** What a receiver does (the README's snippet is this function): true when one v1 matches and the time is fresh. */
export function verifySignature(secret: string, header: string, rawBody: string, nowS: number): boolean {
  const parsed = parseSignatureHeader(header);
  if (!parsed || !isFreshTimestamp(parsed.timestampS, nowS)) return false;
  const expected = createHmac('sha256', secret).update(signedContent(parsed.timestampS, rawBody)).digest();
  return parsed.v1.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
}
