// Message media are protected files: their URLs need a short-lived file token from PocketBase.
import type PocketBase from 'pocketbase';
import type { DeskDb } from './db';
import { cachedMedia, mediaKey } from './media-cache';

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

/** Where a message's file can be shown from: the device's copy (an object URL to revoke), the server, or nowhere. */
export type MediaSource = { url: string; local: boolean } | { url: null; local: false };

/** The device's copy first (works offline, without the service worker), else a tokened URL; nowhere when offline. */
export async function messageMediaSource(pb: PocketBase, db: DeskDb, messageId: string, filename: string): Promise<MediaSource> {
  const kept = await cachedMedia(db, mediaKey(messageId, filename)).catch(() => null);
  if (kept) return { url: URL.createObjectURL(await kept.blob()), local: true };
  const url = await protectedFileUrl(pb, 'messages', messageId, filename);
  return url ? { url, local: false } : { url: null, local: false };
}
