import type * as z from 'zod/mini';

/** Field-level problems in PocketBase's error shape: `{ field: { code, message } }`. */
export type FieldErrors = Record<string, { code: string; message: string }>;

/** Answers in PocketBase's own error shape so the SDK and the PWA read every refusal the same way. */
export function respondError(e: core.RequestEvent, status: number, reason: string, message: string, data: FieldErrors = {}): void {
  e.json(status, { status, message, reason, data });
}

export interface FieldErrorOptions {
  /** Prefix of every key: the record field the checked value sits in (`auto_replies` → `auto_replies.greeting.text`). */
  under?: string;
  /** Key of an issue about the value as a whole (empty path) when there is no `under`; `body` unless told. */
  root?: string;
  /** Key by the top-level field only, as PocketBase keys a record's own errors (`template_params`, not `template_params.0`). */
  topLevel?: boolean;
  /** The code every issue gets; `invalid` unless told. */
  code?: string;
  /** Each issue's own code instead: a custom check's `params.code`, else zod's code in kebab-case (the admin forms'). */
  issueCodes?: boolean;
}

function codeOfIssue(issue: z.core.$ZodIssue): string {
  const custom = issue.code === 'custom' && typeof issue.params?.code === 'string' ? issue.params.code : '';
  return custom || issue.code.replace(/_/g, '-');
}

/**
 * The one encoding of zod issues as field errors: dotted paths as keys, zod's own wording as the message, and the
 * first issue on a field wins (the later ones are usually consequences of it).
 */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], options: FieldErrorOptions = {}): FieldErrors {
  const { under, root = 'body', topLevel = false, code = 'invalid', issueCodes = false } = options;
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = (topLevel ? issue.path.slice(0, 1) : issue.path).map(String).join('.');
    const key = under ? (path ? `${under}.${path}` : under) : path || root;
    errors[key] ??= { code: issueCodes ? codeOfIssue(issue) : code, message: issue.message };
  }
  return errors;
}
