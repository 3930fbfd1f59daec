import { createECDH, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hasUsableKeys } from './subscription-keys';

const ecdh = createECDH('prime256v1');
ecdh.generateKeys();
const valid = { endpoint: 'https://push.example/send/abc', p256dh: ecdh.getPublicKey('base64url'), auth: randomBytes(16).toString('base64url') };

describe('hasUsableKeys', () => {
  it('accepts keys a browser hands out', () => {
    expect(hasUsableKeys(valid)).toBe(true);
  });

  it('accepts padded base64url keys', () => {
    expect(hasUsableKeys({ ...valid, p256dh: `${valid.p256dh}=`, auth: `${valid.auth}==` })).toBe(true);
  });

  it.each([
    ['a compressed public key', { p256dh: ecdh.getPublicKey('base64url', 'compressed') }],
    ['a truncated auth secret', { auth: randomBytes(8).toString('base64url') }],
    ['standard base64', { p256dh: valid.p256dh.replace(/_/g, '/').replace(/-/g, '+').replace(/^B/, 'B+').slice(0, 87) }],
    ['an http endpoint', { endpoint: 'http://push.example/send/abc' }],
    ['empty keys', { p256dh: '', auth: '' }],
  ])('rejects %s', (_, overrides) => {
    expect(hasUsableKeys({ ...valid, ...overrides })).toBe(false);
  });
});
