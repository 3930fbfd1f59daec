import type { RubricCriterion } from './qa-settings';

/** Field problems in PocketBase's error shape, keyed by dotted path (`scores.tone`). */
export type ReviewFieldErrors = Record<string, { code: string; message: string }>;

/** A scored review, or why the scores cannot be saved. */
export type ReviewScore = { ok: true; total: number; max: number; percent: number } | { ok: false; errors: ReviewFieldErrors };

/**
 * Checks a review's scores against the rubric (every criterion scored with a whole number from 0 to its max, no
 * unknown criteria) and totals them; `percent` has one decimal.
 */
export function scoreReview(rubric: readonly RubricCriterion[], scores: Readonly<Record<string, unknown>>): ReviewScore {
  const errors: ReviewFieldErrors = {};
  const known = new Set<string>();
  let total = 0;
  let max = 0;
  for (const criterion of rubric) {
    // A repeated id would count twice; the settings schema refuses it, this keeps the total honest anyway.
    if (known.has(criterion.id)) continue;
    known.add(criterion.id);
    max += criterion.max;
    const path = `scores.${criterion.id}`;
    const score = Object.prototype.hasOwnProperty.call(scores, criterion.id) ? scores[criterion.id] : undefined;
    if (score === undefined || score === null) errors[path] = { code: 'required', message: `Score ${criterion.label}.` };
    else if (typeof score !== 'number' || !Number.isInteger(score)) errors[path] = { code: 'invalid-score', message: 'Use a whole number.' };
    else if (score < 0 || score > criterion.max) errors[path] = { code: 'out-of-range', message: `Use a score from 0 to ${criterion.max}.` };
    else total += score;
  }
  for (const key of Object.keys(scores)) {
    if (!known.has(key)) errors[`scores.${key}`] = { code: 'unknown-criterion', message: 'This criterion is not in the rubric.' };
  }
  if (max <= 0) errors.rubric = { code: 'empty-rubric', message: 'The rubric needs at least one criterion worth points.' };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, total, max, percent: Math.round((total / max) * 1000) / 10 };
}
