import { describe, expect, it } from 'vitest';
import { DEFAULT_QA_SETTINGS } from './qa-settings';
import { scoreReview } from './review-score';

const rubric = DEFAULT_QA_SETTINGS.rubric;
const full = { greeting: 2, resolution: 4, tone: 2, accuracy: 2 };

describe('scoreReview', () => {
  it.each([
    ['full marks', full, 10, 100],
    ['a mixed review', { greeting: 1, resolution: 3, tone: 2, accuracy: 1 }, 7, 70],
    ['all zeros', { greeting: 0, resolution: 0, tone: 0, accuracy: 0 }, 0, 0],
  ])('totals %s', (_, scores, total, percent) => {
    expect(scoreReview(rubric, scores)).toEqual({ ok: true, total, max: 10, percent });
  });

  it('rounds the percentage to one decimal', () => {
    expect(scoreReview([{ id: 'a', label: 'A', max: 3 }], { a: 1 })).toEqual({ ok: true, total: 1, max: 3, percent: 33.3 });
  });

  it.each([
    ['a missing criterion', { greeting: 2, resolution: 4, tone: 2 }, 'scores.accuracy', 'required'],
    ['a null score', { ...full, tone: null }, 'scores.tone', 'required'],
    ['a score above the max', { ...full, greeting: 3 }, 'scores.greeting', 'out-of-range'],
    ['a negative score', { ...full, resolution: -1 }, 'scores.resolution', 'out-of-range'],
    ['half a point', { ...full, tone: 1.5 }, 'scores.tone', 'invalid-score'],
    ['a score as text', { ...full, tone: '2' }, 'scores.tone', 'invalid-score'],
    ['a criterion not in the rubric', { ...full, speed: 1 }, 'scores.speed', 'unknown-criterion'],
  ])('refuses %s with a field error', (_, scores, path, code) => {
    const result = scoreReview(rubric, scores);
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.fromEntries(Object.entries(result.errors).map(([key, error]) => [key, error.code]))).toEqual({ [path]: code });
  });

  it('reports every problem at once', () => {
    const result = scoreReview(rubric, { greeting: 5, tone: 'x' });
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['scores.accuracy', 'scores.greeting', 'scores.resolution', 'scores.tone']);
  });

  it('refuses scores against an empty rubric', () => {
    expect(scoreReview([], {})).toEqual({ ok: false, errors: { rubric: { code: 'empty-rubric', message: expect.any(String) } } });
  });

  it('counts a repeated criterion once', () => {
    expect(scoreReview([...rubric, { id: 'tone', label: 'Tone again', max: 5 }], full)).toEqual({ ok: true, total: 10, max: 10, percent: 100 });
  });
});
