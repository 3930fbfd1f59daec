// The key that seals channel access tokens: POCKETDESK_SECRET_KEY, else a key generated once into the data dir.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, SECRET_KEY_PATTERN } from './runtime-config.mjs';

/** Same name as SECRET_KEY_FILE in src/lib/domain/secrets (the hooks keep this file out of backups). */
export const SECRET_KEY_FILE = 'secret.key';

/** The configured key, or the data dir's key file, created (mode 0600) with 192 random bits on first start. */
export function loadSecretKey(dataDir, configured) {
  if (configured) return configured;
  const file = join(dataDir, SECRET_KEY_FILE);
  // 'wx' fails if another start created the file in the meantime; that key is then read below.
  if (!existsSync(file)) {
    try {
      writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
  }
  const key = readFileSync(file, 'utf8').trim();
  if (!SECRET_KEY_PATTERN.test(key)) throw new ConfigError(`${file} does not hold a valid key (32 characters of A-Z a-z 0-9 + / - _)`);
  return key;
}
