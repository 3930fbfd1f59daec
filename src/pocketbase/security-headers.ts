import { readConfig } from './config';

// The PWA may load only from our own origin. SvelteKit adds a <meta> CSP with hashes for its inline bootstrap;
// browsers enforce both policies, so the header sets the baseline and what a meta tag cannot (frame-ancestors).
const PWA_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Adds security headers to the PWA's files (the app-shell route; PocketBase itself sends nosniff and frame options
 * on every answer); false when it answered the request itself: an unknown API path the index fallback caught.
 */
export function addSecurityHeaders(e: core.RequestEvent): boolean {
  const headers = e.response.header();
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'same-origin');
  headers.set('Permissions-Policy', 'camera=(self), microphone=(self), geolocation=()');
  const path = e.request!.url!.path;
  // Every path no other route claims lands here, and the SPA's index fallback would answer an unknown API path
  // with index.html and 200; clients need a 404.
  if (path.startsWith('/api/')) {
    e.json(404, { status: 404, message: 'Not found.', reason: 'unknown-route', data: {} });
    return false;
  }
  // Chromium expects the manifest's own media type; the static file server does not know .webmanifest.
  if (path.endsWith('.webmanifest')) headers.set('Content-Type', 'application/manifest+json');
  headers.set('Content-Security-Policy', PWA_POLICY);
  headers.set('X-Frame-Options', 'DENY');
  return true;
}

/** GET /api/pocketdesk/push/public-key: the VAPID public key the PWA subscribes with (never hard-coded in the bundle). */
export function pushPublicKey(e: core.RequestEvent): void {
  e.json(200, { publicKey: readConfig().vapidPublicKey });
}
