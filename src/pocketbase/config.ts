import { isValidSecretKey } from '../lib/domain/secrets/sealed-secret';

// The one place the hooks read their environment. `npm start`/`npm run serve` validate it first
// (scripts/runtime-config.mjs); a PocketBase started by hand is checked here at bootstrap, so a bad value stops the
// start with a message naming it instead of silently falling back.

/** Settings the hooks read from the environment PocketBase was started with. */
export interface HookConfig {
  appSecret: string;
  verifyToken: string;
  /** Largest webhook body accepted; Meta documents 3 MB. */
  maxWebhookBytes: number;
  /** POCKETDESK_SECRET_KEY, or '' when unset. */
  secretKey: string;
  /** POCKETDESK_TRUSTED_PROXY: the proxy's client-IP header, or ''. */
  trustedProxy: string;
  /** POCKETDESK_AWAY_AFTER_MINUTES (default 240, at least 30) in milliseconds. */
  awayAfterSilenceMs: number;
  vapidPublicKey: string;
  benchSeedEnabled: boolean;
  /** WHATSAPP_GRAPH_URL and WHATSAPP_GRAPH_VERSION, the worker's own: "Check connection" asks the same Graph API. */
  graphUrl: string;
  graphVersion: string;
}

export class HookConfigError extends Error {}

export const DEFAULT_AWAY_AFTER_MINUTES = 240;
export const MIN_AWAY_AFTER_MINUTES = 30;

/** Reads and checks the hooks' environment through `getenv`; throws a HookConfigError naming a bad variable. */
export function parseConfig(getenv: (name: string) => string): HookConfig {
  const secretKey = getenv('POCKETDESK_SECRET_KEY');
  if (secretKey && !isValidSecretKey(secretKey))
    throw new HookConfigError('POCKETDESK_SECRET_KEY must be 32 characters of A-Z a-z 0-9 + / - _ (e.g. `openssl rand -base64 24`)');
  const away = getenv('POCKETDESK_AWAY_AFTER_MINUTES').trim();
  const minutes = away === '' ? DEFAULT_AWAY_AFTER_MINUTES : /^\d{1,9}$/.test(away) ? Number(away) : NaN;
  if (!(minutes >= MIN_AWAY_AFTER_MINUTES))
    throw new HookConfigError(`POCKETDESK_AWAY_AFTER_MINUTES must be a whole number of minutes, at least ${MIN_AWAY_AFTER_MINUTES} (got "${away}")`);
  return {
    appSecret: getenv('WHATSAPP_APP_SECRET'),
    verifyToken: getenv('WHATSAPP_VERIFY_TOKEN'),
    maxWebhookBytes: 3 * 1024 * 1024,
    secretKey,
    trustedProxy: getenv('POCKETDESK_TRUSTED_PROXY').trim(),
    awayAfterSilenceMs: minutes * 60_000,
    vapidPublicKey: getenv('VAPID_PUBLIC_KEY'),
    benchSeedEnabled: getenv('POCKETDESK_ENABLE_BENCH_SEED') === '1',
    graphUrl: (getenv('WHATSAPP_GRAPH_URL').trim() || 'https://graph.facebook.com').replace(/\/+$/, ''),
    graphVersion: /^v\d+\.\d+$/.test(getenv('WHATSAPP_GRAPH_VERSION').trim()) ? getenv('WHATSAPP_GRAPH_VERSION').trim() : 'v25.0',
  };
}

export function readConfig(): HookConfig {
  return parseConfig((name) => $os.getenv(name));
}

/** onBootstrap: refuses to start with a bad environment value, naming it in the log and the error. */
export function checkConfigAtBootstrap(e: core.BootstrapEvent): void {
  try {
    readConfig();
  } catch (error) {
    console.error(`Pocketdesk cannot start: ${(error as Error).message}`);
    throw error;
  }
  e.next();
}
