import { compressAppShell } from './app-shell-compression';
import { addSecurityHeaders } from './security-headers';

/**
 * The one middleware every request passes. PocketBase holds a pooled VM for each JS middleware until the response
 * is written, so one middleware instead of two halves what every request costs in VMs.
 */
export function handleEveryRequest(e: core.RequestEvent): void {
  if (addSecurityHeaders(e)) compressAppShell(e);
}
