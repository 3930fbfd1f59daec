// The desk's own settings from the app (admins write, everyone signed in reads): the business name and time zone.
// Forms check with the server's own schema (src/lib/schemas/desk-settings.ts) before sending.
import type PocketBase from 'pocketbase';
import { z } from 'zod';
import { DESK_SETTINGS_ID, deskSettingsSchema, type DeskSettingsInput } from '../schemas/desk-settings';
import { saveRecord } from './admin-records';
import { errorsFromIssues, failureOf, type FieldErrorMap, type SaveResult } from './settings-errors';

const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');

export const deskSettingsRecordSchema = z.object({ id: z.string(), business_name: text, timezone: text });
export type DeskSettingsRecord = z.infer<typeof deskSettingsRecordSchema>;

export async function loadDeskSettings(pb: PocketBase): Promise<SaveResult<DeskSettingsRecord>> {
  try {
    const parsed = deskSettingsRecordSchema.safeParse(await pb.collection('desk_settings').getOne(DESK_SETTINGS_ID, { requestKey: null }));
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'unreadable', errors: {} };
  } catch (error) {
    return failureOf(error);
  }
}

/** The draft checked as the server will check it. */
export function checkDeskSettings(draft: DeskSettingsInput): { ok: true; input: DeskSettingsInput } | { ok: false; errors: FieldErrorMap } {
  const parsed = deskSettingsSchema.safeParse(draft);
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, errors: errorsFromIssues(parsed.error.issues as never) };
}

export function saveDeskSettings(pb: PocketBase, input: DeskSettingsInput): Promise<SaveResult<DeskSettingsRecord>> {
  return saveRecord(pb, 'desk_settings', DESK_SETTINGS_ID, input, deskSettingsRecordSchema);
}
