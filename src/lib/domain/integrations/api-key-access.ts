// API keys for integrators. A key acts through an account of its own in `agents` (flagged `api_key`), so every
// collection rule and desk route treats it exactly as an agent of that role: `agent` keys act like an agent of the
// teams chosen for them, `admin` keys like an admin, and `read-only` keys read what an admin reads and are refused
// every write. The key itself is a PocketBase static auth token of that account: expiry is the token's own, and
// revoking rotates the account's token key, which voids it at once.

export const API_KEY_ACCESS = ['read-only', 'agent', 'admin'] as const;
export type ApiKeyAccess = (typeof API_KEY_ACCESS)[number];

export const MAX_KEY_DAYS = 366;

/** The role of the account a key acts through. */
export function accountRoleOf(access: ApiKeyAccess): 'agent' | 'admin' {
  return access === 'agent' ? 'agent' : 'admin';
}

export interface KeyState {
  access: ApiKeyAccess;
  expiresAt: number;
  revokedAt: number | null;
}

export type KeyUse = { ok: true } | { ok: false; reason: 'api-key-revoked' | 'api-key-expired' | 'api-key-read-only' };

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request made with this key may go on (the token checks expiry and revocation too; this is the record's say). */
export function checkKeyUse(key: KeyState, method: string, now: number): KeyUse {
  if (key.revokedAt !== null) return { ok: false, reason: 'api-key-revoked' };
  if (key.expiresAt <= now) return { ok: false, reason: 'api-key-expired' };
  if (key.access === 'read-only' && !READS.has(method.toUpperCase())) return { ok: false, reason: 'api-key-read-only' };
  return { ok: true };
}

/** Whole days a new key lasts, clamped to 1…MAX_KEY_DAYS; null for a value that is not a number. */
export function keyLifetimeDays(requested: unknown): number | null {
  const days = Number(requested);
  if (!Number.isFinite(days)) return null;
  return Math.min(MAX_KEY_DAYS, Math.max(1, Math.round(days)));
}
