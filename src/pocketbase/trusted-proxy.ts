import { readConfig } from './config';

// The reverse proxy's client-IP header, applied to PocketBase's settings on every start so the per-IP rate limits
// (and the logs) see each client rather than the proxy. `npm start`/`npm run serve` validate the variable first
// (scripts/runtime-config.mjs); unset clears the setting, so removing it from the environment takes effect too.

/** onBootstrap: sets `trustedProxy` from POCKETDESK_TRUSTED_PROXY. */
export function applyTrustedProxyAfterBootstrap(e: core.BootstrapEvent): void {
  e.next();
  const header = readConfig().trustedProxy;
  const settings = e.app.settings();
  const current = settings.trustedProxy.headers ?? [];
  const wanted = header ? [header] : [];
  if (current.length === wanted.length && current.every((h, i) => h === wanted[i]) && !settings.trustedProxy.useLeftmostIP) return;
  settings.trustedProxy.headers = wanted;
  // The rightmost address is the one our proxy saw (or appended): anything left of it was sent by the client.
  settings.trustedProxy.useLeftmostIP = false;
  e.app.save(settings);
}
