// Command lines for the PocketBase binary. Its CLI (cobra) reads any argument that starts with "-" as a flag, so a
// value never goes in a position where it could be taken for one: flags as `--name=value`, positional values
// after `--`.
import { randomBytes } from 'node:crypto';

/** A random password that cannot start with "-" (hex), of `bytes` random bytes. */
export function generatePassword(bytes = 18) {
  return randomBytes(bytes).toString('hex');
}

/** The flags every PocketBase command of ours takes: its directories, which default relative to the binary. */
export function dirFlags(config) {
  return [`--dir=${config.dataDir}`, `--migrationsDir=${config.migrationsDir}`, `--hooksDir=${config.hooksDir}`];
}

/** `superuser upsert` with the e-mail and password after `--`: a password such as "-x…" stays a value. */
export function superuserUpsertArgs(config, email, password) {
  return ['superuser', 'upsert', ...dirFlags(config), '--', email, password];
}

/**
 * `serve`, with CORS limited to the configured origins (PocketBase's default is every origin). Never in dev mode
 * (which logs every SQL statement, and which PocketBase picks by itself when its binary sits under the temp
 * directory) unless POCKETDESK_PB_DEV=1 asks for it.
 */
export function serveArgs(config, env = process.env) {
  const args = ['serve', `--http=${config.http}`, '--hooksPool=40', `--origins=${config.corsOrigins.join(',')}`, ...dirFlags(config)];
  if (config.production) args.push('--hooksWatch=false', '--automigrate=false');
  args.push(env.POCKETDESK_PB_DEV === '1' ? '--dev=true' : '--dev=false');
  return args;
}
