import type * as z from 'zod/mini';

export interface Issue {
  path: string;
  message: string;
}

/** Zod issues as `{path, message}` with dotted paths, for control-route error bodies. */
export function listIssues(error: z.core.$ZodError, prefix = ''): Issue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

/** One line naming every offending field, the way Graph's `error_data.details` reads. */
export function formatIssues(error: z.core.$ZodError, prefix = ''): string {
  return listIssues(error, prefix)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
}

/** A control request the simulator cannot act on; routes turn it into a 400 with a stable reason code. */
export class InvalidRequestError extends Error {
  readonly reason: string;
  readonly issues: Issue[];

  constructor(reason: string, message: string, issues: Issue[] = []) {
    super(message);
    this.reason = reason;
    this.issues = issues;
  }
}
