// A channel as the admin settings screens read it: its name, language, time zone and the JSON settings they edit.
import type PocketBase from 'pocketbase';
import { z } from 'zod';
import { loadRecords, saveRecord } from './admin-records';
import type { SaveResult } from './settings-errors';

const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');
const json = z
  .unknown()
  .optional()
  .transform((value) => value ?? null);

export const channelSettingsRecordSchema = z.object({
  id: z.string(),
  name: text,
  display_phone_number: text,
  language: text,
  timezone: text,
  routing: json,
  auto_replies: json,
  faq: json,
});
export type ChannelSettingsRecord = z.infer<typeof channelSettingsRecordSchema>;

/** The JSON fields the settings screens edit, one per form. */
export type ChannelSettingsField = 'routing' | 'auto_replies' | 'faq';

export function loadChannelSettings(pb: PocketBase): Promise<SaveResult<ChannelSettingsRecord[]>> {
  return loadRecords(pb, 'channels', channelSettingsRecordSchema, 'name');
}

/**
 * Saves one settings field (plus any plain fields in `extra`, such as the reply language). The server checks the
 * whole channel again and answers field errors keyed `field.path`; they come back keyed `path`.
 */
export function saveChannelSettings(
  pb: PocketBase,
  channelId: string,
  field: ChannelSettingsField,
  value: unknown,
  extra: Record<string, unknown> = {},
): Promise<SaveResult<ChannelSettingsRecord>> {
  return saveRecord(pb, 'channels', channelId, { ...extra, [field]: value }, channelSettingsRecordSchema, field);
}
