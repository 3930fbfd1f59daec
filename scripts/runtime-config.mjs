// The one place environment variables are read for `npm start` / `npm run serve`; every variable is in the README.
import { isAbsolute, join, resolve } from 'node:path';
import { projectRoot } from './pocketbase-paths.mjs';

const DEMO = {
  WHATSAPP_APP_SECRET: 'pocketdesk-demo-app-secret',
  WHATSAPP_VERIFY_TOKEN: 'pocketdesk-demo-verify-token',
  WHATSAPP_ACCESS_TOKEN: 'pocketdesk-demo-access-token',
};

export class ConfigError extends Error {}

/** POCKETDESK_SECRET_KEY's shape; the same rule as SECRET_KEY_PATTERN in src/lib/domain/secrets (a test keeps them equal). */
export const SECRET_KEY_PATTERN = /^[A-Za-z0-9+/_-]{32}$/;

function hostPort(value, name) {
  const match = /^([\w.-]+|\[[0-9a-f:]+\]):(\d{1,5})$/i.exec(value);
  if (!match || Number(match[2]) > 65535) throw new ConfigError(`${name} must look like 127.0.0.1:8090 (got "${value}")`);
  return { host: match[1], port: Number(match[2]) };
}

function httpUrl(value, name) {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    return value.replace(/\/$/, '');
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL (got "${value}")`);
  }
}

/** The reverse proxy's client-IP header (`X-Forwarded-For`, `X-Real-IP`, …), or '' when PocketBase faces clients. */
function trustedProxyHeader(value) {
  const header = value.trim();
  if (header && !/^[A-Za-z0-9-]{1,64}$/.test(header))
    throw new ConfigError(`POCKETDESK_TRUSTED_PROXY must be one header name such as X-Forwarded-For or X-Real-IP (got "${value}")`);
  return header;
}

/** Origins allowed to call the API from another site: POCKETDESK_CORS_ORIGINS, else the product's own. */
function corsOrigins(value, ownOrigin) {
  if (!value.trim()) return [ownOrigin];
  return value.split(',').map((entry) => {
    const origin = entry.trim().replace(/\/$/, '');
    if (origin === '*') return origin;
    let parsed = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.origin !== origin) {
      throw new ConfigError(`POCKETDESK_CORS_ORIGINS must be comma-separated origins such as https://desk.example.com (got "${entry.trim()}")`);
    }
    return origin;
  });
}

/**
 * Resolves the runtime configuration. Without WHATSAPP_ACCESS_TOKEN (and not in production) the local
 * simulator plays Meta, and demo secrets fill in what is missing.
 */
export function readRuntimeConfig(env, { production }) {
  const simulator = !production && !env.WHATSAPP_ACCESS_TOKEN;
  const required = (name) => {
    const value = env[name] || (simulator ? DEMO[name] : '');
    if (!value) throw new ConfigError(`${name} is required${production ? ' by npm run serve' : ' when WHATSAPP_ACCESS_TOKEN is set'}`);
    return value;
  };
  const http = env.POCKETDESK_HTTP || '127.0.0.1:8090';
  const { host, port } = hostPort(http, 'POCKETDESK_HTTP');
  const dataDir = env.POCKETDESK_DATA || './pb_data';
  const simulatorPort = Number(env.SIMULATOR_PORT || port + 1);
  if (!Number.isInteger(simulatorPort) || simulatorPort < 1 || simulatorPort > 65535)
    throw new ConfigError(`SIMULATOR_PORT must be a port number (got "${env.SIMULATOR_PORT}")`);
  const email = env.POCKETDESK_ADMIN_EMAIL || '';
  if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) throw new ConfigError(`POCKETDESK_ADMIN_EMAIL is not an email address (got "${email}")`);
  const password = env.POCKETDESK_ADMIN_PASSWORD || '';
  if (password && password.length < 10) throw new ConfigError('POCKETDESK_ADMIN_PASSWORD must have at least 10 characters');
  if (Boolean(email) !== Boolean(password)) throw new ConfigError('set both POCKETDESK_ADMIN_EMAIL and POCKETDESK_ADMIN_PASSWORD, or neither');
  const localHost = host === '0.0.0.0' ? '127.0.0.1' : host;
  const vapid = {
    publicKey: env.VAPID_PUBLIC_KEY || '',
    privateKey: env.VAPID_PRIVATE_KEY || '',
    subject: env.VAPID_SUBJECT || 'mailto:admin@pocketdesk.local',
  };
  if (Boolean(vapid.publicKey) !== Boolean(vapid.privateKey))
    throw new ConfigError('set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (they are generated when absent)');
  const secretKey = env.POCKETDESK_SECRET_KEY || '';
  if (secretKey && !SECRET_KEY_PATTERN.test(secretKey))
    throw new ConfigError('POCKETDESK_SECRET_KEY must be 32 characters of A-Z a-z 0-9 + / - _ (e.g. `openssl rand -base64 24`)');
  if (!/^(mailto:|https:\/\/)/.test(vapid.subject)) throw new ConfigError(`VAPID_SUBJECT must start with mailto: or https:// (got "${vapid.subject}")`);
  const awayAfter = (env.POCKETDESK_AWAY_AFTER_MINUTES || '').trim();
  if (awayAfter && !(/^\d{1,9}$/.test(awayAfter) && Number(awayAfter) >= 30))
    throw new ConfigError(`POCKETDESK_AWAY_AFTER_MINUTES must be a whole number of minutes, at least 30 (got "${env.POCKETDESK_AWAY_AFTER_MINUTES}")`);
  const publicUrl = `http://${localHost}:${port}`;
  return {
    production,
    simulator,
    http,
    publicUrl,
    trustedProxy: trustedProxyHeader(env.POCKETDESK_TRUSTED_PROXY || ''),
    corsOrigins: corsOrigins(env.POCKETDESK_CORS_ORIGINS || '', publicUrl),
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(process.cwd(), dataDir),
    admin: email ? { email, password } : null,
    appSecret: required('WHATSAPP_APP_SECRET'),
    verifyToken: required('WHATSAPP_VERIFY_TOKEN'),
    accessToken: required('WHATSAPP_ACCESS_TOKEN'),
    graphUrl: httpUrl(env.WHATSAPP_GRAPH_URL || (simulator ? `http://127.0.0.1:${simulatorPort}` : 'https://graph.facebook.com'), 'WHATSAPP_GRAPH_URL'),
    graphVersion: graphVersion(env.WHATSAPP_GRAPH_VERSION || 'v25.0'),
    simulatorPort,
    vapid,
    secretKey,
    hooksDir: join(projectRoot, 'pb_hooks'),
    migrationsDir: join(projectRoot, 'pb_migrations'),
    publicDir: join(projectRoot, 'build', 'pwa'),
  };
}

function graphVersion(value) {
  if (!/^v\d+\.\d+$/.test(value)) throw new ConfigError(`WHATSAPP_GRAPH_VERSION must look like v25.0 (got "${value}")`);
  return value;
}
