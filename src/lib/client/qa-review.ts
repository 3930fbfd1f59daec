// The review form's rules: which rubric applies, how typed scores become numbers, and how the server's field
// errors map back onto the form. Scoring itself is the domain's (the server checks the same way on save).
import type { RubricCriterion } from '../domain/qa/qa-settings';
import { DEFAULT_QA_SETTINGS } from '../domain/qa/qa-settings';
import { scoreReview, type ReviewScore } from '../domain/qa/review-score';
import { checkQaSettings } from '../schemas/qa';

/** The rubric a team's settings define, or the default one when they say nothing readable. */
export function rubricOfTeam(settings: unknown): readonly RubricCriterion[] {
  const raw = settings && typeof settings === 'object' ? (settings as { qa?: unknown }).qa : undefined;
  if (raw === undefined) return DEFAULT_QA_SETTINGS.rubric;
  const checked = checkQaSettings(raw);
  return checked.ok ? checked.settings.rubric : DEFAULT_QA_SETTINGS.rubric;
}

/** The typed scores as numbers; an empty field is left out, so the domain reports it as required. */
export function scoresOfInputs(rubric: readonly RubricCriterion[], inputs: Readonly<Record<string, string>>): Record<string, unknown> {
  const scores: Record<string, unknown> = {};
  for (const criterion of rubric) {
    const text = (inputs[criterion.id] ?? '').trim();
    if (text !== '') scores[criterion.id] = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  }
  return scores;
}

/** The score of what the form holds right now. */
export function draftScore(rubric: readonly RubricCriterion[], inputs: Readonly<Record<string, string>>): ReviewScore {
  return scoreReview(rubric, scoresOfInputs(rubric, inputs));
}

/** Error codes per criterion id from a PocketBase error answer (`data: { "scores.tone": { code } }`). */
export function criterionErrors(data: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!data || typeof data !== 'object') return errors;
  for (const [path, detail] of Object.entries(data as Record<string, unknown>)) {
    const code = detail && typeof detail === 'object' ? (detail as { code?: unknown }).code : undefined;
    if (path.startsWith('scores.') && typeof code === 'string') errors[path.slice('scores.'.length)] = code;
  }
  return errors;
}
