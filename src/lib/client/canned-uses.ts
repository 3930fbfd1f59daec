// How often agents sent each canned reply per intent (`canned_reply_uses`, counted by the server), kept on the device
// so the composer can suggest replies offline. A small list: refreshed whenever a composer opens online.
import type PocketBase from 'pocketbase';
import * as z from 'zod/mini';
import type { CannedReplyUse } from '../domain/templates/canned-replies';
import type { DeskDb } from './db';

const KEY = 'canned_reply_uses';
const rowSchema = z.object({ canned_reply: z.string(), intent: z.string(), uses: z.number() });

/** Replaces the device's counts with the server's; rows that don't parse are skipped. */
export async function refreshCannedUses(pb: PocketBase, db: DeskDb): Promise<void> {
  const rows = await pb.collection(KEY).getFullList({ fields: 'canned_reply,intent,uses', requestKey: null });
  const uses: CannedReplyUse[] = rows.flatMap((raw) => {
    const parsed = rowSchema.safeParse(raw);
    return parsed.success ? [{ cannedReply: parsed.data.canned_reply, intent: parsed.data.intent, uses: parsed.data.uses }] : [];
  });
  await db.meta.put({ key: KEY, value: uses });
}

/** The counts last synced to this device; none before the first sync. */
export async function cachedCannedUses(db: DeskDb): Promise<CannedReplyUse[]> {
  const entry = await db.meta.get(KEY);
  return Array.isArray(entry?.value) ? (entry.value as CannedReplyUse[]) : [];
}
