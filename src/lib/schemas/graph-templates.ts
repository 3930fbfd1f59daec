// zod/mini: runs in PocketBase's VM when an admin pulls the account's templates from the Graph API
// (GET /{waba-id}/message_templates). Objects are loose: Meta adds keys.
import * as z from 'zod/mini';
import { templateStatusOf, type TemplateStatus } from './webhook-field-plan';

/** The fields the desk asks Meta for, in the order Meta's docs list them. */
export const TEMPLATE_PULL_FIELDS = 'name,language,status,category,parameter_format,components,quality_score,rejected_reason';

const graphTemplateSchema = z.looseObject({
  id: z.optional(z.union([z.string().check(z.maxLength(64)), z.int()])),
  name: z.string().check(z.regex(/^[a-z0-9_]{1,512}$/)),
  language: z.string().check(z.minLength(2), z.maxLength(16)),
  status: z.string().check(z.maxLength(40)),
  category: z.string().check(z.maxLength(40)),
  parameter_format: z.optional(z.string()),
  components: z.optional(z.array(z.looseObject({ type: z.string() }))),
  quality_score: z.optional(z.looseObject({ score: z.optional(z.string().check(z.maxLength(20))) })),
  rejected_reason: z.optional(z.string()),
});

const templatePageSchema = z.looseObject({
  data: z.array(z.unknown()),
  paging: z.optional(z.looseObject({ cursors: z.optional(z.looseObject({ after: z.optional(z.string()) })), next: z.optional(z.string()) })),
});

/** A template as Meta lists it, in the `templates` collection's terms. */
export type PulledTemplate = {
  meta_id: string;
  name: string;
  language: string;
  category: 'marketing' | 'utility' | 'authentication';
  parameter_format: 'named' | 'positional';
  components: unknown[];
  status: TemplateStatus;
  /** Meta's own word (`APPROVED`, `IN_APPEAL`…). */
  meta_status: string;
  /** Why Meta rejected it (`PROMOTIONAL`…), '' when it did not. */
  status_reason: string;
  /** GREEN, YELLOW, RED or UNKNOWN; '' when Meta did not say. */
  quality: string;
};

/** One page of Meta's list: the templates it could read, how many it could not, and the cursor of the next page. */
export interface TemplatePage {
  templates: PulledTemplate[];
  skipped: number;
  /** The `after` cursor when Meta says there is a next page, else null. */
  after: string | null;
}

function categoryOf(value: string): PulledTemplate['category'] | null {
  const lower = value.toLowerCase();
  return lower === 'marketing' || lower === 'utility' || lower === 'authentication' ? lower : null;
}

/** The `templates` fields for one template of Meta's list, or null when it cannot be stored (unknown category or status). */
export function pulledTemplateOf(input: unknown): PulledTemplate | null {
  const parsed = graphTemplateSchema.safeParse(input);
  if (!parsed.success) return null;
  const t = parsed.data;
  const category = categoryOf(t.category);
  // Meta's list also shows statuses a webhook never sends; anything it does not let a business send is `disabled`.
  const status = templateStatusOf(t.status) ?? 'disabled';
  if (!category) return null;
  const reason = (t.rejected_reason ?? '').toUpperCase() === 'NONE' ? '' : (t.rejected_reason ?? '').slice(0, 2000);
  return {
    meta_id: t.id === undefined ? '' : String(t.id),
    name: t.name,
    language: t.language,
    category,
    parameter_format: (t.parameter_format ?? '').toUpperCase() === 'NAMED' ? 'named' : 'positional',
    components: t.components ?? [],
    status,
    meta_status: t.status.toUpperCase().slice(0, 40),
    status_reason: reason,
    quality: (t.quality_score?.score ?? '').toUpperCase().slice(0, 20),
  };
}

/** Reads one page of GET /{waba-id}/message_templates; null when the body is not Meta's list shape. */
export function templatePageOf(body: unknown): TemplatePage | null {
  const parsed = templatePageSchema.safeParse(body);
  if (!parsed.success) return null;
  const templates: PulledTemplate[] = [];
  let skipped = 0;
  for (const item of parsed.data.data) {
    const template = pulledTemplateOf(item);
    if (template) templates.push(template);
    else skipped += 1;
  }
  // Meta sends `next` only when there is another page; `cursors.after` is present on the last page too.
  const paging = parsed.data.paging;
  const after = paging?.next && paging.cursors?.after ? paging.cursors.after : null;
  return { templates, skipped, after };
}
