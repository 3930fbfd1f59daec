import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY_FILE as DOMAIN_FILE } from '../src/lib/domain/secrets/sealed-secret';
import { ConfigError, SECRET_KEY_PATTERN } from './runtime-config.mjs';
import { loadSecretKey, SECRET_KEY_FILE } from './secret-key.mjs';

const dataDir = () => mkdtempSync(join(tmpdir(), 'pocketdesk-key-'));

describe('loadSecretKey', () => {
  it('generates a key into the data dir on first start, readable by its owner only, and reuses it after', () => {
    const dir = dataDir();
    const first = loadSecretKey(dir, '');
    expect(first).toMatch(SECRET_KEY_PATTERN);
    expect(statSync(join(dir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadSecretKey(dir, '')).toBe(first);
    expect(loadSecretKey(dataDir(), '')).not.toBe(first);
  });

  it('prefers POCKETDESK_SECRET_KEY and then writes no file', () => {
    const dir = dataDir();
    expect(loadSecretKey(dir, 'e'.repeat(32))).toBe('e'.repeat(32));
    expect(() => statSync(join(dir, SECRET_KEY_FILE))).toThrow();
  });

  it('stops on a damaged key file instead of replacing it (that would orphan every sealed token)', () => {
    const dir = dataDir();
    writeFileSync(join(dir, SECRET_KEY_FILE), 'not a key\n');
    expect(() => loadSecretKey(dir, '')).toThrow(ConfigError);
    expect(readFileSync(join(dir, SECRET_KEY_FILE), 'utf8')).toBe('not a key\n');
  });

  it('names the same file the hooks keep out of backups', () => {
    expect(SECRET_KEY_FILE).toBe(DOMAIN_FILE);
  });
});
