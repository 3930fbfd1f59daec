// Colleagues, teams, labels, channels, templates and canned replies: small lists every screen may need offline.
// Refreshed with the queue; colleagues' shift changes also arrive by realtime.
import type PocketBase from 'pocketbase';
import type { EntityTable } from 'dexie';
import * as z from 'zod/mini';
import { agentRecordSchema, cannedReplyRecordSchema, labelRecordSchema, teamRecordSchema, templateRecordSchema } from '../schemas/directory';
import { channelHoursRecordSchema } from './channel-record';
import type { DeskDb } from './db';
import { putChanged } from './local-records';

const AGENT_FIELDS = 'id,name,role,status,teams,max_open,shift_ends_at,updated';

/**
 * Replaces one list with the server's (what was deleted there disappears here); rows that don't parse are skipped.
 * Only what changed is written, so an unchanged list wakes none of the screens reading it.
 */
async function replaceAll<T extends { id: string }>(table: EntityTable<T, 'id'>, schema: z.ZodMiniType<T>, raws: unknown[]): Promise<void> {
  const rows = raws.flatMap((raw) => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  await table.db.transaction('rw', table, async () => {
    const keep = new Set(rows.map((row) => row.id));
    const gone = (await table.toCollection().primaryKeys()).filter((id) => !keep.has(id as string));
    if (gone.length) await table.bulkDelete(gone);
    await putChanged(table, rows);
  });
}

/** Pulls every reference list; one failing list leaves the others updated. */
export async function refreshDirectory(pb: PocketBase, db: DeskDb): Promise<void> {
  const list = (collection: string, options: Record<string, unknown> = {}) => pb.collection(collection).getFullList({ requestKey: null, ...options });
  const jobs: Promise<void>[] = [
    list('agents', { fields: AGENT_FIELDS, sort: 'name' }).then((rows) => replaceAll(db.agents, agentRecordSchema, rows)),
    list('teams', { sort: 'name' }).then((rows) => replaceAll(db.teams, teamRecordSchema, rows)),
    list('labels', { sort: 'name' }).then((rows) => replaceAll(db.labels, labelRecordSchema, rows)),
    list('channels', { sort: 'name' }).then((rows) => replaceAll(db.channels, channelHoursRecordSchema, rows)),
    list('templates', { filter: 'status = "approved"', sort: 'name' }).then((rows) => replaceAll(db.templates, templateRecordSchema, rows)),
    list('canned_replies', { sort: 'shortcut' }).then((rows) => replaceAll(db.canned_replies, cannedReplyRecordSchema, rows)),
  ];
  const results = await Promise.allSettled(jobs);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}
