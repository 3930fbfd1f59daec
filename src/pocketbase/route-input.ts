// The admin routes' shared first steps: who is asking, and the JSON body checked against the app's own zod schema
// (the one the PWA's form uses), with refusals in PocketBase's error shape. Small on purpose: the route kit may
// take it over.
import * as z from 'zod/mini';
import type { StaffRole } from '../lib/schemas/directory';
import { respondError, type FieldErrors } from './api-errors';
import { readJsonBody } from './route-kit';
import { signedInStaff, type SignedInStaff } from './staff-auth';

/** The signed-in staff member when they hold one of `roles`; otherwise answers 401/403 and gives null. */
export function requireStaff(e: core.RequestEvent, ...roles: StaffRole[]): SignedInStaff | null {
  const staff = signedInStaff(e);
  if (!staff) respondError(e, 401, 'sign-in-required', 'Sign in as an agent.');
  else if (!roles.includes(staff.role)) respondError(e, 403, `${roles.join('-or-')}-only`, 'Not allowed for your role.');
  else return staff;
  return null;
}

/** Zod issues keyed by dotted path, first issue per field. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const custom = issue.code === 'custom' && typeof issue.params?.code === 'string' ? issue.params.code : '';
    errors[issue.path.map(String).join('.') || 'form'] ??= { code: custom || issue.code.replace(/_/g, '-'), message: issue.message };
  }
  return errors;
}

/** The request body parsed by `schema`; answers 400 with field errors and gives null when it does not parse. */
export function readBody<S extends z.core.$ZodType>(e: core.RequestEvent, schema: S): z.output<S> | null {
  // The route kit's one JSON-body policy: no body is {}, anything else that is not JSON is a 400 invalid-json.
  const read = readJsonBody(e);
  if (!read.ok) return null;
  const parsed = z.safeParse(schema, read.value);
  if (parsed.success) return parsed.data;
  respondError(e, 400, 'invalid-input', 'Some fields are invalid.', fieldErrorsOf(parsed.error.issues));
  return null;
}

/** A record by the path's `{id}`, or a 404 answer and null. */
export function recordOfPath(e: core.RequestEvent, collection: string, what: string): core.Record | null {
  const record = $app.findRecordsByFilter(collection, 'id = {:id}', '', 1, 0, { id: e.request!.pathValue('id') } as dbx.Params)[0];
  if (!record) respondError(e, 404, 'not-found', `No such ${what}.`);
  return record ?? null;
}
