import { autoRepliesSettingsSchema } from '../lib/schemas/auto-replies';
import { checkCsatSettings } from '../lib/schemas/csat';
import { faqSettingsSchema } from '../lib/schemas/faq';
import { validateSchedule } from '../lib/schemas/hours';
import { checkRoutingSettings } from '../lib/schemas/routing';
import { fieldErrorsOf, respondError, type FieldErrors } from './api-errors';
import { jsonField } from './records';
import { GoTimeZone } from './time-zone';

function ids(app: core.App, collection: string): string[] {
  return app.findAllRecords(collection).flatMap((record) => (record ? [record.id] : []));
}

/**
 * Refuses a channel whose routing, business hours, auto-replies, FAQ or time zone settings are invalid, with field errors, before
 * anything is saved: bad configuration is caught by the admin who wrote it, not by a customer at 3 a.m.
 */
export function guardChannelSettings(e: core.RecordRequestEvent): void {
  const record = e.record!;
  const errors: FieldErrors = {};
  const port = new GoTimeZone();
  const zone = record.getString('timezone');
  if (zone && !port.isValidZone(zone)) errors.timezone = { code: 'unknown-timezone', message: `"${zone}" is not an IANA time zone.` };
  const routing = jsonField<unknown>(record, 'routing', null);
  if (routing !== null) {
    const checked = checkRoutingSettings(routing, { teamIds: ids(e.app, 'teams'), agentIds: ids(e.app, 'agents') });
    if (!checked.ok) for (const [path, error] of Object.entries(checked.errors)) errors[`routing.${path}`] = error;
  }
  const hours = jsonField<unknown>(record, 'business_hours', null);
  if (hours !== null) {
    const schedule = validateSchedule(hours, port);
    if (!schedule.ok) for (const [path, error] of Object.entries(schedule.errors)) errors[`business_hours.${path}`] = error;
  }
  for (const [field, schema] of [
    ['auto_replies', autoRepliesSettingsSchema],
    ['faq', faqSettingsSchema],
  ] as const) {
    const value = jsonField<unknown>(record, field, null);
    if (value === null) continue;
    const parsed = schema.safeParse(value);
    // The same code as the routing settings' own checks give (src/lib/schemas/routing.ts).
    if (!parsed.success)
      for (const [key, error] of Object.entries(fieldErrorsOf(parsed.error.issues, { under: field, code: 'invalid-value' }))) errors[key] ??= error;
  }
  const service = jsonField<{ csat?: unknown } | null>(record, 'service', null);
  if (service?.csat !== undefined) {
    const csat = checkCsatSettings(service.csat);
    if (!csat.ok) for (const [path, error] of Object.entries(csat.errors)) errors[`service.csat.${path}`] = error;
  }
  if (Object.keys(errors).length) {
    respondError(e, 400, 'invalid-settings', 'The channel settings are invalid.', errors);
    return;
  }
  e.next();
}
