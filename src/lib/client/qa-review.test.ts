import { describe, expect, it } from 'vitest';
import { DEFAULT_QA_SETTINGS } from '../domain/qa/qa-settings';
import { criterionErrors, draftScore, rubricOfTeam, scoresOfInputs } from './qa-review';

const rubric = [
  { id: 'tone', label: 'Tone', max: 2 },
  { id: 'fix', label: 'Fix', max: 4 },
];

describe('rubricOfTeam', () => {
  it("uses the team's own rubric", () => {
    expect(rubricOfTeam({ qa: { enabled: true, rubric } })).toEqual(rubric);
  });

  it.each([[null], [{}], [{ qa: { rubric: [] } }], ['nonsense']])('falls back to the default rubric for %j', (settings) => {
    expect(rubricOfTeam(settings)).toEqual(DEFAULT_QA_SETTINGS.rubric);
  });
});

describe('draftScore', () => {
  it('totals a complete form', () => {
    expect(draftScore(rubric, { tone: '2', fix: ' 3 ' })).toEqual({ ok: true, total: 5, max: 6, percent: 83.3 });
  });

  it('reports empty, fractional and out-of-range scores per criterion', () => {
    const score = draftScore(rubric, { tone: '', fix: '5' });
    expect(score.ok).toBe(false);
    expect(!score.ok && Object.fromEntries(Object.entries(score.errors).map(([path, error]) => [path, error.code]))).toEqual({
      'scores.tone': 'required',
      'scores.fix': 'out-of-range',
    });
    const fraction = draftScore(rubric, { tone: '1.5', fix: 'x' });
    expect(!fraction.ok && fraction.errors['scores.tone']!.code).toBe('invalid-score');
    expect(!fraction.ok && fraction.errors['scores.fix']!.code).toBe('invalid-score');
  });

  it('ignores inputs for criteria the rubric does not have', () => {
    expect(scoresOfInputs(rubric, { tone: '1', fix: '2', old: '3' })).toEqual({ tone: 1, fix: 2 });
  });
});

describe('criterionErrors', () => {
  it("maps the server's field errors onto criterion ids", () => {
    expect(criterionErrors({ 'scores.tone': { code: 'out-of-range', message: 'x' }, notes: { code: 'too-big' } })).toEqual({ tone: 'out-of-range' });
  });

  it('reads nothing from an answer without field errors', () => {
    expect(criterionErrors(undefined)).toEqual({});
  });
});
