// The labels screen: records as it reads them and what it sends, checked with the server's own schema.
import { z } from 'zod';
import { labelInputSchema, type LabelInput } from '../schemas/label';
import { errorsFromIssues, type FieldErrorMap } from './settings-errors';

export const labelAdminRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  color: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
});
export type LabelAdminRecord = z.infer<typeof labelAdminRecordSchema>;

export interface LabelDraft {
  name: string;
  /** '' for no colour; the colour input always holds one, so a checkbox says whether it is used. */
  color: string;
  colored: boolean;
}

export const labelDraftOf = (label: LabelAdminRecord | null): LabelDraft => ({
  name: label?.name ?? '',
  color: label?.color || '#2f6fde',
  colored: !!label?.color,
});

/** The label to send, or field errors. */
export function checkLabelDraft(draft: LabelDraft): { ok: true; input: LabelInput } | { ok: false; errors: FieldErrorMap } {
  const parsed = labelInputSchema.safeParse({ name: draft.name, color: draft.colored ? draft.color : '' });
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, errors: errorsFromIssues(parsed.error.issues) };
}
