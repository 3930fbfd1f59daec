/**
 * Gzips the PWA's own files (scripts, styles, the index): on a phone's network they are most of a first visit's
 * bytes. API answers and record files are left alone: realtime streams and ranged media downloads stay as
 * PocketBase serves them.
 */
export function compressAppShell(e: core.RequestEvent): void {
  const path = e.request!.url!.path;
  if (path.startsWith('/api/') || path.startsWith('/_/')) {
    e.next();
    return;
  }
  $apis.gzip().func(e);
}
