import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { isSealed, isValidSecretKey, SEALED_PREFIX } from '../lib/domain/secrets/sealed-secret';

// Channel access tokens arrive from the claim routes sealed (the hooks sealed them when an admin wrote them); they are
// opened here, in the only process that calls the Graph API with them, right before use.

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value this key cannot open: another key sealed it, or it was altered. */
export class SecretKeyError extends Error {}

/** The AES-256 key from POCKETDESK_SECRET_KEY (see SECRET_KEY_PATTERN for why its characters are the key bytes). */
export function parseSecretKey(raw: string): Buffer {
  if (!isValidSecretKey(raw)) throw new SecretKeyError('POCKETDESK_SECRET_KEY must be 32 characters of A-Z a-z 0-9 + / - _ (e.g. `openssl rand -base64 24`)');
  return Buffer.from(raw, 'ascii');
}

/** Seals the way PocketBase's `$security.encrypt` does, with our prefix (the worker only needs it in tests). */
export function sealSecret(plaintext: string, key: Buffer): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64');
}

/** Opens a sealed value; throws SecretKeyError when the key is not the one that sealed it or the value was altered. */
export function openSecret(sealed: string, key: Buffer): string {
  if (!isSealed(sealed)) throw new SecretKeyError('not a sealed value');
  const bytes = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64');
  if (bytes.length < NONCE_BYTES + TAG_BYTES) throw new SecretKeyError('sealed value is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretKeyError('sealed value does not open with this key (wrong POCKETDESK_SECRET_KEY, or the value was altered)');
  }
}

/** Which token the worker calls the Graph API with for a claimed item. */
export class ChannelTokens {
  readonly #key: Buffer | null;
  readonly #fallback: string;

  constructor(secretKey: string | undefined, fallback: string) {
    this.#key = secretKey ? parseSecretKey(secretKey) : null;
    this.#fallback = fallback;
  }

  /** The channel's own token, opened, when it has one; otherwise WHATSAPP_ACCESS_TOKEN. */
  forChannel(phoneNumberId: string, sealed: string | null): string {
    if (!sealed) return this.#fallback;
    if (!this.#key) throw new SecretKeyError(`channel ${phoneNumberId} has a sealed access token but POCKETDESK_SECRET_KEY is not set`);
    try {
      return openSecret(sealed, this.#key);
    } catch (error) {
      throw new SecretKeyError(`cannot use channel ${phoneNumberId}'s access token: ${(error as Error).message}`);
    }
  }
}
