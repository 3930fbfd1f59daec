import * as z from 'zod/mini';
// The desk's own settings (the `desk_settings` row): first-run setup and Admin settings → Your business check with
// this schema before sending, and the server's guard checks every change with the same one.

/** The one row's id (the migration creates it; the API never creates or deletes it). */
export const DESK_SETTINGS_ID = 'desksettings001';

export const deskSettingsSchema = z.object({
  business_name: z.string().check(
    z.trim(),
    z.refine((value) => value.length >= 1 && value.length <= 100, {
      message: 'Give the business a name of up to 100 characters.',
      params: { code: 'business-name-required' },
    }),
  ),
  timezone: z.string().check(
    z.trim(),
    z.refine((value) => value.length >= 1 && value.length <= 64, { message: 'Choose a time zone.', params: { code: 'timezone-required' } }),
  ),
});
export type DeskSettingsInput = z.infer<typeof deskSettingsSchema>;
