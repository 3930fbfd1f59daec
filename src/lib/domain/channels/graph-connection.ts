// What a "Check connection" call to the Graph API (GET /{phone-number-id}) told us, as a stable reason the app turns
// into a sentence. Meta's own message is kept for the curious but never shown as the explanation: it is English,
// terse, and often says "invalid parameter" when the id is simply wrong.

/** Why a connection check failed, or `connected`. */
export type ConnectionReason =
  | 'connected'
  | 'token-expired'
  | 'token-invalid'
  | 'permission-denied'
  | 'wrong-number-id'
  | 'account-restricted'
  | 'rate-limited'
  | 'meta-unavailable'
  | 'unreachable'
  | 'no-token'
  | 'unknown';

/** What the Graph API answered: an HTTP status and the parsed body, or no answer at all (status 0). */
export interface GraphAnswer {
  status: number;
  body: unknown;
}

export interface ConnectedNumber {
  displayPhoneNumber: string;
  verifiedName: string;
  qualityRating: string;
}

export type ConnectionOutcome =
  | ({ ok: true; reason: 'connected' } & ConnectedNumber)
  | { ok: false; reason: Exclude<ConnectionReason, 'connected'>; code: number | null; subcode: number | null; metaMessage: string };

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

// Subcodes under code 190 that mean "this token was good once and has run out" (463) or was ended by the owner
// (460 password changed, 464 unconfirmed user, 492 the system user lost access are treated as invalid).
const EXPIRED_SUBCODES = new Set([463]);

/** The reason for a Graph error's code (and subcode) as documented by Meta, or by the HTTP status when the code is unknown. */
export function reasonOfGraphError(
  code: number | null,
  subcode: number | null,
  status: number,
): Exclude<ConnectionReason, 'connected' | 'no-token' | 'unreachable'> {
  if (code === 190) return subcode !== null && EXPIRED_SUBCODES.has(subcode) ? 'token-expired' : 'token-invalid';
  if (code === 0 || code === 102) return 'token-invalid';
  if (code === 10 || code === 3 || (code !== null && code >= 200 && code <= 299)) return 'permission-denied';
  // 100 with subcode 33: "Object with ID … does not exist, cannot be loaded due to missing permissions".
  if (code === 100 || code === 803) return 'wrong-number-id';
  if (code === 368 || code === 131031) return 'account-restricted';
  if (code === 4 || code === 17 || code === 32 || code === 613 || code === 80007 || code === 130429) return 'rate-limited';
  if (code === 1 || code === 2 || code === 131016 || code === 133004 || status >= 500) return 'meta-unavailable';
  if (status === 401) return 'token-invalid';
  if (status === 403) return 'permission-denied';
  if (status === 404) return 'wrong-number-id';
  if (status === 429) return 'rate-limited';
  return 'unknown';
}

/** Reads the Graph API's answer to GET /{phone-number-id}?fields=display_phone_number,verified_name,quality_rating. */
export function interpretConnectionCheck(answer: GraphAnswer): ConnectionOutcome {
  if (answer.status === 0) return { ok: false, reason: 'unreachable', code: null, subcode: null, metaMessage: '' };
  const body = record(answer.body);
  if (answer.status >= 200 && answer.status < 300 && !('error' in body)) {
    return {
      ok: true,
      reason: 'connected',
      displayPhoneNumber: text(body.display_phone_number),
      verifiedName: text(body.verified_name),
      qualityRating: text(body.quality_rating),
    };
  }
  const error = record(body.error);
  const code = numberOrNull(error.code);
  const subcode = numberOrNull(error.error_subcode);
  return { ok: false, reason: reasonOfGraphError(code, subcode, answer.status), code, subcode, metaMessage: text(error.message).slice(0, 500) };
}
