import { INVALID_INPUT } from './route-kit';
import { labelInputSchema } from '../lib/schemas/label';
import { respondError, fieldErrorsOf } from './api-errors';

/** Refuses a label whose name or colour the app's schema rejects, with field errors, before anything is saved. */
export function guardLabel(e: core.RecordRequestEvent): void {
  const record = e.record!;
  const parsed = labelInputSchema.safeParse({ name: record.getString('name'), color: record.getString('color') });
  if (!parsed.success) {
    respondError(e, 400, 'invalid-input', 'Some fields are invalid.', fieldErrorsOf(parsed.error.issues, INVALID_INPUT.fieldErrors));
    return;
  }
  record.set('name', parsed.data.name);
  e.next();
}
