// A browser's PushSubscription keys, checked before encrypting: a malformed key can never work, so that device is
// answered `failed` at once instead of being retried like a network error.

/** A base64url P-256 public key in uncompressed form: 65 bytes starting with 0x04 (87 characters, 'B' first). */
const P256DH = /^B[A-Za-z0-9_-]{86}(=)?$/;
/** The 16-byte auth secret: 22 base64url characters (optionally padded). */
const AUTH = /^[A-Za-z0-9_-]{22}(==)?$/;

/** True when the keys have the shape RFC 8291 encryption needs; the endpoint must be https. */
export function hasUsableKeys(subscription: { endpoint: string; p256dh: string; auth: string }): boolean {
  return /^https:\/\/[^\s/]+/.test(subscription.endpoint) && P256DH.test(subscription.p256dh) && AUTH.test(subscription.auth);
}
