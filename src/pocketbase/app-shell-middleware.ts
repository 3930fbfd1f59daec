import { compressAppShell } from './app-shell-compression';
import { addSecurityHeaders } from './security-headers';

/**
 * The middleware of the route that serves the PWA's files (registered in hooks.pb.ts). API routes and realtime
 * streams do not pass it: PocketBase holds a pooled VM for a JS middleware until the response ends.
 */
export function handleAppShell(e: core.RequestEvent): void {
  if (addSecurityHeaders(e)) compressAppShell(e);
}
