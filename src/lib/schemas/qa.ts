import * as z from 'zod/mini';
import { DEFAULT_QA_SETTINGS, type QaSettings, type RubricCriterion } from '../domain/qa/qa-settings';
import { scoreReview, type ReviewFieldErrors } from '../domain/qa/review-score';

const MAX_CRITERIA = 20;

const criterionSchema = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/, 'Use lowercase letters, digits and dashes.')),
  label: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  max: z.number().check(z.int(), z.gte(1), z.lte(100)),
});

/** Quality-review settings; `{}` gives the defaults (off, 3 per agent per 7 days, the four-criterion rubric). */
export const qaSettingsSchema = z
  .object({
    enabled: z._default(z.boolean(), DEFAULT_QA_SETTINGS.enabled),
    samplePerAgent: z._default(z.number().check(z.int(), z.gte(0), z.lte(50)), DEFAULT_QA_SETTINGS.samplePerAgent),
    periodDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(90)), DEFAULT_QA_SETTINGS.periodDays),
    rubric: z._default(z.array(criterionSchema).check(z.minLength(1), z.maxLength(MAX_CRITERIA)), () =>
      DEFAULT_QA_SETTINGS.rubric.map((criterion) => ({ ...criterion })),
    ),
  })
  .check(
    z.superRefine((settings, ctx) => {
      const ids = new Set<string>();
      settings.rubric.forEach((criterion, i) => {
        if (ids.has(criterion.id))
          ctx.addIssue({ code: 'custom', path: ['rubric', i, 'id'], message: 'Another criterion already uses this id.', params: { code: 'duplicate-id' } });
        ids.add(criterion.id);
      });
    }),
  );

export type QaSettingsInput = z.input<typeof qaSettingsSchema>;
/** Parsed settings; the constraint fails the build if the schema drifts from the domain's type. */
export type ParsedQaSettings = SatisfiesDomain<z.output<typeof qaSettingsSchema>>;
type SatisfiesDomain<T extends QaSettings> = T;

/** A submitted review: scores per rubric criterion are checked against the rubric by `checkQaReview`. */
export const qaReviewSchema = z.object({
  conversationId: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
  scores: z.record(z.string(), z.unknown()),
  notes: z._default(z.string().check(z.trim(), z.maxLength(5000)), ''),
});

/** A review that can be saved, with its totals. */
export interface CheckedQaReview {
  conversationId: string;
  scores: Record<string, number>;
  notes: string;
  total: number;
  max: number;
  percent: number;
}

function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], raw: unknown, root: string): ReviewFieldErrors {
  const errors: ReviewFieldErrors = {};
  for (const issue of issues) {
    const missing = issue.code !== 'custom' && valueAt(raw, issue.path) === undefined;
    const code = missing ? 'required' : issue.code === 'custom' && typeof issue.params?.code === 'string' ? issue.params.code : issue.code.replace(/_/g, '-');
    errors[issue.path.map(String).join('.') || root] ??= { code, message: missing ? 'This field is required.' : issue.message };
  }
  return errors;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** Parses stored or submitted QA settings, in PocketBase's error shape. */
export function checkQaSettings(raw: unknown): { ok: true; settings: ParsedQaSettings } | { ok: false; errors: ReviewFieldErrors } {
  const parsed = qaSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? { ok: true, settings: parsed.data } : { ok: false, errors: fieldErrorsOf(parsed.error.issues, raw, 'qa') };
}

/** Parses a submitted review and scores it against `rubric`, in PocketBase's error shape. */
export function checkQaReview(
  raw: unknown,
  rubric: readonly RubricCriterion[],
): { ok: true; review: CheckedQaReview } | { ok: false; errors: ReviewFieldErrors } {
  const parsed = qaReviewSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error.issues, raw, 'review') };
  const score = scoreReview(rubric, parsed.data.scores);
  if (!score.ok) return score;
  const { total, max, percent } = score;
  // scoreReview has checked every value is a whole number within its criterion.
  return { ok: true, review: { ...parsed.data, scores: parsed.data.scores as Record<string, number>, total, max, percent } };
}
