// Field errors for the admin forms, whoever found them: the shared zod schema on the device, or the server's 400.
// Keys are dotted paths inside what the form edits (`rules.0.pattern`, `name`); `form` is the record as a whole.
import './zod-english';
import type * as z from 'zod/mini';

/** One field's problem: a stable code (translated when known) and the finder's own wording. */
export interface FieldProblem {
  code: string;
  message: string;
}
export type FieldErrorMap = Record<string, FieldProblem>;

/** Why a save did not happen: `offline`, `forbidden` (not an admin), `invalid` (see the field errors) or the server's reason. */
export type SaveFailure = { ok: false; reason: string; errors: FieldErrorMap };
export type SaveResult<T> = { ok: true; value: T } | SaveFailure;

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown) => (typeof value === 'string' ? value : '');

// PocketBase's own codes read `validation_not_unique`; the app's read `not-unique`: one spelling for the lookup.
const codeOf = (raw: string) => raw.replace(/^validation_/, '').replace(/_/g, '-') || 'invalid-value';

/** Issues from a zod schema, keyed by path; a custom issue's `params.code` is its code. */
export function errorsFromIssues(issues: readonly z.core.$ZodIssue[]): FieldErrorMap {
  const errors: FieldErrorMap = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || 'form';
    const custom = issue.code === 'custom' ? text(record(issue.params).code) : '';
    errors[path] ??= { code: custom || codeOf(issue.code), message: issue.message };
  }
  return errors;
}

/** The server's `data` with `prefix.` taken off (a channel's `routing.rules.0.name` → `rules.0.name`); `prefix` itself becomes `form`. */
export function errorsFromServer(data: unknown, prefix = ''): FieldErrorMap {
  const errors: FieldErrorMap = {};
  for (const [key, value] of Object.entries(record(data))) {
    const path = prefix === '' ? key : key === prefix ? 'form' : key.startsWith(`${prefix}.`) ? key.slice(prefix.length + 1) : key;
    const problem = record(value);
    errors[path] ??= { code: codeOf(text(problem.code)), message: text(problem.message) };
  }
  return errors;
}

/** A rejected SDK call as a save failure: no connection, not allowed, or refused with field errors. */
export function failureOf(error: unknown, prefix = ''): SaveFailure {
  const e = record(error);
  const status = typeof e.status === 'number' ? e.status : 0;
  const response = record(e.response);
  const errors = errorsFromServer(response.data, prefix);
  if (status === 0) return { ok: false, reason: 'offline', errors };
  if (status === 401 || status === 403 || status === 404) return { ok: false, reason: 'forbidden', errors };
  return { ok: false, reason: text(response.reason) || 'invalid', errors };
}

/**
 * Moves errors on list items onto the one input that edits the whole list (`rules.0.keywords.3` → `rules.0.keywords`),
 * for the fields named in `lists`.
 */
export function onListInputs(errors: FieldErrorMap, lists: readonly string[]): FieldErrorMap {
  const placed: FieldErrorMap = {};
  for (const [path, problem] of Object.entries(errors)) {
    const parts = path.split('.');
    const at = parts.findIndex((part, i) => lists.includes(part) && /^\d+$/.test(parts[i + 1] ?? ''));
    placed[at < 0 ? path : parts.slice(0, at + 1).join('.')] ??= problem;
  }
  return placed;
}

/** Errors whose path `isPlaced` does not recognise: shown above the form, so none goes unseen. */
export function unplacedErrors(errors: FieldErrorMap, isPlaced: (path: string) => boolean): Array<[string, FieldProblem]> {
  return Object.entries(errors).filter(([path]) => !isPlaced(path));
}
