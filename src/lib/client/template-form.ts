// The template editor: a `templates` record as header, body and footer inputs, and back. Components the form has no
// input for (buttons, a media header) are kept as they were, so editing a template synced from Meta loses nothing.
import { z } from 'zod';
import { templateSchema, TEMPLATE_CATEGORIES, TEMPLATE_STATUSES, PARAMETER_FORMATS, type TemplateInput } from '../schemas/template';
import { errorsFromIssues, type FieldErrorMap } from './settings-errors';

export { TEMPLATE_CATEGORIES, TEMPLATE_STATUSES, PARAMETER_FORMATS };

const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');
const component = z.looseObject({ type: z.string(), format: z.string().optional(), text: z.string().optional() });

export const templateAdminRecordSchema = z.object({
  id: z.string(),
  name: text,
  language: text,
  category: text,
  parameter_format: text,
  status: text,
  components: z
    .array(component)
    .nullish()
    .transform((value) => value ?? []),
  // Written by Meta's reviews and "Get templates from Meta", shown beside the status.
  status_reason: text,
  removed_at: text,
  channel: text,
});
export type TemplateAdminRecord = z.infer<typeof templateAdminRecordSchema>;
type Component = TemplateAdminRecord['components'][number];

export type TextPart = 'header' | 'body' | 'footer';
const PART_TYPES: Record<TextPart, string> = { header: 'HEADER', body: 'BODY', footer: 'FOOTER' };
const ORDER = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'];

export interface TemplateFormDraft {
  name: string;
  language: string;
  category: string;
  parameter_format: string;
  status: string;
  header: string;
  body: string;
  footer: string;
  /** Components without a text input here. */
  kept: Component[];
}

const isTextPart = (c: Component, type: string) => c.type.toUpperCase() === type && (type !== 'HEADER' || (c.format ?? 'TEXT').toUpperCase() === 'TEXT');

export function templateFormDraftOf(template: TemplateAdminRecord | null): TemplateFormDraft {
  const components = template?.components ?? [];
  const textOf = (part: TextPart) => components.find((c) => isTextPart(c, PART_TYPES[part]))?.text ?? '';
  return {
    name: template?.name ?? '',
    language: template?.language ?? 'en',
    category: template?.category || 'utility',
    parameter_format: template?.parameter_format || 'named',
    status: template?.status || 'approved',
    header: textOf('header'),
    body: textOf('body'),
    footer: textOf('footer'),
    kept: structuredClone(components.filter((c) => !Object.values(PART_TYPES).some((type) => isTextPart(c, type)))),
  };
}

/** The components in Meta's order; an empty header or footer is left out. */
export function componentsOf(draft: TemplateFormDraft): Component[] {
  const parts = (['header', 'body', 'footer'] as const).filter((part) => part === 'body' || draft[part].trim() !== '');
  const written = parts.map((part) => ({ type: PART_TYPES[part], ...(part === 'header' ? { format: 'TEXT' } : {}), text: draft[part] }));
  return [...written, ...draft.kept].sort((a, b) => ORDER.indexOf(a.type.toUpperCase()) - ORDER.indexOf(b.type.toUpperCase()));
}

export function templateInputOf(draft: TemplateFormDraft): TemplateInput {
  return {
    name: draft.name.trim(),
    language: draft.language.trim(),
    category: draft.category,
    parameter_format: draft.parameter_format,
    status: draft.status,
    components: componentsOf(draft),
  } as TemplateInput;
}

/** Errors on `components.N.text` (and a missing body) moved onto the header, body or footer input that wrote them. */
export function templateFormErrors(errors: FieldErrorMap, draft: TemplateFormDraft): FieldErrorMap {
  const components = componentsOf(draft);
  const placed: FieldErrorMap = {};
  for (const [path, problem] of Object.entries(errors)) {
    const at = /^components\.(\d+)\.text$/.exec(path);
    const type = at ? components[Number(at[1])]?.type.toUpperCase() : path === 'components' ? 'BODY' : undefined;
    const part = (Object.keys(PART_TYPES) as TextPart[]).find((p) => PART_TYPES[p] === type);
    placed[part ?? path] ??= problem;
  }
  return placed;
}

/** The record to send, or field errors keyed like the form. */
export function checkTemplateDraft(draft: TemplateFormDraft): { ok: true; input: TemplateInput } | { ok: false; errors: FieldErrorMap } {
  const input = templateInputOf(draft);
  const parsed = templateSchema.safeParse(input);
  return parsed.success ? { ok: true, input } : { ok: false, errors: templateFormErrors(errorsFromIssues(parsed.error.issues), draft) };
}
