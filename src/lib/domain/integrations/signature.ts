// The signature on every webhook delivery, Stripe-style: `Pocketdesk-Signature: t=<unix seconds>,v1=<hex>` where
// v1 = HMAC-SHA256(endpoint secret, `${t}.${raw body}`). The timestamp is signed too, so a receiver that refuses old
// timestamps refuses replays. The HMAC itself is computed by the worker (node:crypto); these are its pure parts.

export const SIGNATURE_HEADER = 'Pocketdesk-Signature';
/** How old a signature a receiver should accept; the README's verification snippet uses it. */
export const SIGNATURE_TOLERANCE_S = 300;

/** The text the HMAC covers. */
export function signedContent(timestampS: number, body: string): string {
  return `${timestampS}.${body}`;
}

/** The header value for a timestamp and the hex HMAC of `signedContent`. */
export function signatureHeaderValue(timestampS: number, v1Hex: string): string {
  return `t=${timestampS},v1=${v1Hex}`;
}

/** Reads a header value; several v1 entries are allowed (a receiver accepts any one, which lets secrets roll). */
export function parseSignatureHeader(value: string): { timestampS: number; v1: string[] } | null {
  let timestampS: number | null = null;
  const v1: string[] = [];
  for (const part of value.split(',')) {
    const [key, raw] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(raw ?? '')) timestampS = Number(raw);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(raw ?? '')) v1.push(raw);
  }
  return timestampS === null || v1.length === 0 ? null : { timestampS, v1 };
}

/** Whether a signature's timestamp is recent enough to accept (both directions, for clock skew). */
export function isFreshTimestamp(timestampS: number, nowS: number, toleranceS = SIGNATURE_TOLERANCE_S): boolean {
  return Math.abs(nowS - timestampS) <= toleranceS;
}
