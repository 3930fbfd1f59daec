// Message media are protected files: their URLs need a short-lived file token from PocketBase.
import type PocketBase from 'pocketbase';

// PocketBase file tokens last about 2 minutes; renew a little before that.
const TOKEN_REUSE_MS = 90_000;
let cached: { token: string; until: number } | null = null;

/** A URL for one protected file of a record, or null when no token can be had (offline). */
export async function protectedFileUrl(pb: PocketBase, collection: string, recordId: string, filename: string): Promise<string | null> {
  try {
    if (!cached || cached.until < Date.now()) {
      cached = { token: await pb.files.getToken({ requestKey: null }), until: Date.now() + TOKEN_REUSE_MS };
    }
  } catch {
    return null;
  }
  return `/api/files/${collection}/${recordId}/${encodeURIComponent(filename)}?token=${encodeURIComponent(cached.token)}`;
}
