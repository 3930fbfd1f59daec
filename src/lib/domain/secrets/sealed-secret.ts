// How a secret (a channel's access token) is stored: `sealed:v1:` + PocketBase's `$security.encrypt` output, i.e.
// base64(12-byte nonce ‖ AES-256-GCM ciphertext ‖ 16-byte tag). The hooks seal, the worker opens.

/** Marks a stored value as sealed; anything else in the field is plain text still waiting to be sealed. */
export const SEALED_PREFIX = 'sealed:v1:';

/**
 * POCKETDESK_SECRET_KEY: 32 characters of the base64 or base64url alphabet (`openssl rand -base64 24`), used as the
 * AES-256 key bytes as they are. PocketBase's `$security.encrypt` takes its key as a 32-byte string and the JS VM
 * hands Go only ASCII unchanged, so raw random bytes cannot be the key; 32 such characters carry 192 random bits.
 */
export const SECRET_KEY_PATTERN = /^[A-Za-z0-9+/_-]{32}$/;

/** The file in the data dir that holds a generated key (scripts/start.mjs writes it; backups leave it out). */
export const SECRET_KEY_FILE = 'secret.key';

/** Whether a stored value is already sealed. */
export function isSealed(value: string): boolean {
  return value.startsWith(SEALED_PREFIX);
}

/** Whether a configured key has the shape sealing needs. */
export function isValidSecretKey(key: string): boolean {
  return SECRET_KEY_PATTERN.test(key);
}
