import { describe, expect, it } from 'vitest';
import { SECRET_KEY_PATTERN as RUNTIME_PATTERN } from '../../scripts/runtime-config.mjs';
import { SEALED_PREFIX, SECRET_KEY_PATTERN } from '../lib/domain/secrets/sealed-secret';
import { ChannelTokens, openSecret, parseSecretKey, sealSecret, SecretKeyError } from './channel-tokens';

const KEY = parseSecretKey('k'.repeat(16) + 'Z9+/_-'.repeat(2) + 'abcd');
const OTHER = parseSecretKey('o'.repeat(32));

describe('sealed channel tokens', () => {
  it.each(['EAAGm0PX4ZCpsBA-token', '', 'ñandú 🔑 unicode', 'x'.repeat(700)])('opens what it sealed: %j', (token) => {
    const sealed = sealSecret(token, KEY);
    expect(sealed.startsWith(SEALED_PREFIX)).toBe(true);
    expect(sealed).not.toContain(token || '\u0000');
    expect(openSecret(sealed, KEY)).toBe(token);
  });

  it('seals the same token differently every time (a fresh nonce)', () => {
    expect(sealSecret('same', KEY)).not.toBe(sealSecret('same', KEY));
  });

  it('refuses a value sealed with another key', () => {
    expect(() => openSecret(sealSecret('secret', OTHER), KEY)).toThrow(SecretKeyError);
  });

  it.each([
    ['a flipped ciphertext byte', (bytes: Buffer) => (bytes[14] ^= 1)],
    ['a flipped tag byte', (bytes: Buffer) => (bytes[bytes.length - 1] ^= 1)],
    ['a flipped nonce byte', (bytes: Buffer) => (bytes[0] ^= 1)],
  ])('detects tampering: %s', (_, tamper) => {
    const bytes = Buffer.from(sealSecret('secret-token', KEY).slice(SEALED_PREFIX.length), 'base64');
    tamper(bytes);
    expect(() => openSecret(SEALED_PREFIX + bytes.toString('base64'), KEY)).toThrow(SecretKeyError);
  });

  it.each(['plain-token', `${SEALED_PREFIX}AAAA`])('refuses what is not a whole sealed value: %j', (value) => {
    expect(() => openSecret(value, KEY)).toThrow(SecretKeyError);
  });

  it.each(['', 'short', 'x'.repeat(33), `${'x'.repeat(31)} `, `${'x'.repeat(31)}é`])('refuses a malformed key: %j', (key) => {
    expect(() => parseSecretKey(key)).toThrow(SecretKeyError);
  });

  it('checks the key the same way in the start script and in the hooks and worker', () => {
    expect(RUNTIME_PATTERN.source).toBe(SECRET_KEY_PATTERN.source);
  });
});

describe('ChannelTokens', () => {
  const sealed = sealSecret('channel-own-token', KEY);

  it('uses the channel’s own token, opened, and WHATSAPP_ACCESS_TOKEN for channels without one', () => {
    const tokens = new ChannelTokens(KEY.toString('ascii'), 'default-token');
    expect(tokens.forChannel('pnid', sealed)).toBe('channel-own-token');
    expect(tokens.forChannel('pnid', null)).toBe('default-token');
  });

  it('fails loudly, naming the key, when it cannot open a channel’s token', () => {
    expect(() => new ChannelTokens(OTHER.toString('ascii'), 'default-token').forChannel('pnid', sealed)).toThrow(/POCKETDESK_SECRET_KEY/);
    expect(() => new ChannelTokens(undefined, 'default-token').forChannel('pnid', sealed)).toThrow(/POCKETDESK_SECRET_KEY is not set/);
  });
});
