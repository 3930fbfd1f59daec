import { deskSettingsSchema } from '../lib/schemas/desk-settings';
import { fieldErrorsOf, respondError } from './api-errors';
import { INVALID_INPUT } from './route-kit';
import { GoTimeZone } from './time-zone';

/**
 * onRecordUpdateRequest('desk_settings'): the business name and time zone must pass the form's own schema, and the
 * zone must be one this server knows (an unknown name would silently become UTC in every schedule).
 */
export function guardDeskSettings(e: core.RecordRequestEvent): void {
  const record = e.record!;
  const parsed = deskSettingsSchema.safeParse({ business_name: record.getString('business_name'), timezone: record.getString('timezone') });
  if (!parsed.success) {
    respondError(e, 400, 'invalid-input', 'Some fields are invalid.', fieldErrorsOf(parsed.error.issues, INVALID_INPUT.fieldErrors));
    return;
  }
  if (!new GoTimeZone().isValidZone(parsed.data.timezone)) {
    respondError(e, 400, 'invalid-input', 'Some fields are invalid.', {
      timezone: { code: 'unknown-timezone', message: `"${parsed.data.timezone}" is not a time zone this server knows.` },
    });
    return;
  }
  record.set('business_name', parsed.data.business_name);
  record.set('timezone', parsed.data.timezone);
  e.next();
}
