// The canned reply editor: a `canned_replies` record as inputs, and back.
import { z } from 'zod';
import { cannedReplyInputSchema, type CannedReplyInput } from '../schemas/canned-reply';
import { errorsFromIssues, type FieldErrorMap } from './settings-errors';

const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');

export const cannedAdminRecordSchema = z.object({ id: z.string(), shortcut: text, title: text, body: text, language: text });
export type CannedAdminRecord = z.infer<typeof cannedAdminRecordSchema>;

export type CannedDraft = Omit<CannedAdminRecord, 'id'>;

export const cannedDraftOf = (reply: CannedAdminRecord | null): CannedDraft => ({
  shortcut: reply?.shortcut ?? '',
  title: reply?.title ?? '',
  body: reply?.body ?? '',
  language: reply?.language ?? '',
});

/** The record to send, or field errors. */
export function checkCannedDraft(draft: CannedDraft): { ok: true; input: CannedReplyInput } | { ok: false; errors: FieldErrorMap } {
  const parsed = cannedReplyInputSchema.safeParse(draft);
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, errors: errorsFromIssues(parsed.error.issues) };
}
