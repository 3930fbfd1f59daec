/**
 * Gzips the PWA's own files (scripts, styles, the index): on a phone's network they are most of a first visit's
 * bytes. Only the app-shell route runs it; API answers, realtime streams and ranged media downloads stay as
 * PocketBase serves them.
 */
export function compressAppShell(e: core.RequestEvent): void {
  $apis.gzip().func(e);
}
