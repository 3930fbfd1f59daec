import { INVALID_INPUT } from './route-kit';
import { contactEditSchema } from '../lib/schemas/contact-edit';
import { respondError, fieldErrorsOf } from './api-errors';
import { jsonField } from './records';

/** Refuses a staff edit of a customer whose name, language or attributes the app's schema rejects, before saving. */
export function guardContactEdit(e: core.RecordRequestEvent): void {
  const record = e.record!;
  const parsed = contactEditSchema.safeParse({
    name: record.getString('name'),
    language: record.getString('language'),
    attributes: jsonField<unknown>(record, 'attributes', null) ?? {},
  });
  if (!parsed.success)
    return void respondError(e, 400, 'invalid-input', 'Some fields are invalid.', fieldErrorsOf(parsed.error.issues, INVALID_INPUT.fieldErrors));
  e.next();
}
