// Reads and writes for the admin screens. Online only: settings are edited against the server's current copy, and
// every answer is parsed with the caller's zod schema before a screen sees it.
import type PocketBase from 'pocketbase';
import type { z } from 'zod';
import { failureOf, type SaveResult } from './settings-errors';

/** Every record of `collection`, parsed; rows that don't parse are left out rather than breaking the screen. */
export async function loadRecords<T>(pb: PocketBase, collection: string, schema: z.ZodType<T>, sort: string): Promise<SaveResult<T[]>> {
  try {
    const rows = await pb.collection(collection).getFullList({ sort, requestKey: null });
    return {
      ok: true,
      value: rows.flatMap((row) => {
        const parsed = schema.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      }),
    };
  } catch (error) {
    return failureOf(error);
  }
}

/**
 * Creates (`id` null) or updates a record and answers the saved copy; server field errors come back keyed inside
 * `prefix` when the form edits one JSON field of the record (`routing`).
 */
export async function saveRecord<T>(
  pb: PocketBase,
  collection: string,
  id: string | null,
  data: Record<string, unknown>,
  schema: z.ZodType<T>,
  prefix = '',
): Promise<SaveResult<T>> {
  try {
    const saved =
      id === null ? await pb.collection(collection).create(data, { requestKey: null }) : await pb.collection(collection).update(id, data, { requestKey: null });
    const parsed = schema.safeParse(saved);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'unreadable', errors: {} };
  } catch (error) {
    return failureOf(error, prefix);
  }
}

/** Deletes a record and answers its id. */
export async function deleteRecord(pb: PocketBase, collection: string, id: string): Promise<SaveResult<string>> {
  try {
    await pb.collection(collection).delete(id, { requestKey: null });
    return { ok: true, value: id };
  } catch (error) {
    return failureOf(error);
  }
}
