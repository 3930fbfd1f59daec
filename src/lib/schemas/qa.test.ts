import { describe, expect, it } from 'vitest';
import { DEFAULT_QA_SETTINGS } from '../domain/qa/qa-settings';
import { checkQaReview, checkQaSettings } from './qa';

const codesOf = (result: { ok: true } | { ok: false; errors: Record<string, { code: string }> }) =>
  result.ok ? {} : Object.fromEntries(Object.entries(result.errors).map(([path, error]) => [path, error.code]));
const rubric = DEFAULT_QA_SETTINGS.rubric;

describe('checkQaSettings', () => {
  it('starts off, three conversations per agent per week, with the four-criterion rubric', () => {
    expect(checkQaSettings(undefined)).toEqual({ ok: true, settings: DEFAULT_QA_SETTINGS });
    expect(DEFAULT_QA_SETTINGS.rubric.map((c) => `${c.id}:${c.max}`)).toEqual(['greeting:2', 'resolution:4', 'tone:2', 'accuracy:2']);
  });

  it.each([
    ['an empty rubric', { rubric: [] }, { rubric: 'too-small' }],
    [
      'a repeated criterion id',
      {
        rubric: [
          { id: 'tone', label: 'Tone', max: 2 },
          { id: 'tone', label: 'Tone 2', max: 1 },
        ],
      },
      { 'rubric.1.id': 'duplicate-id' },
    ],
    ['a criterion id with spaces', { rubric: [{ id: 'first reply', label: 'First reply', max: 2 }] }, { 'rubric.0.id': 'invalid-format' }],
    ['a criterion worth nothing', { rubric: [{ id: 'tone', label: 'Tone', max: 0 }] }, { 'rubric.0.max': 'too-small' }],
    ['a period of zero days', { periodDays: 0 }, { periodDays: 'too-small' }],
    ['a fractional sample size', { samplePerAgent: 2.5 }, { samplePerAgent: 'invalid-type' }],
  ])('refuses %s', (_, raw, expected) => {
    expect(codesOf(checkQaSettings(raw))).toEqual(expected);
  });
});

describe('checkQaReview', () => {
  it('accepts a complete review and adds its totals', () => {
    expect(checkQaReview({ conversationId: 'c1', scores: { greeting: 2, resolution: 3, tone: 2, accuracy: 1 } }, rubric)).toEqual({
      ok: true,
      review: { conversationId: 'c1', scores: { greeting: 2, resolution: 3, tone: 2, accuracy: 1 }, notes: '', total: 8, max: 10, percent: 80 },
    });
  });

  it.each([
    ['no conversation', { scores: {} }, { conversationId: 'required' }],
    ['scores that are not an object', { conversationId: 'c1', scores: [2, 4] }, { scores: 'invalid-type' }],
    ['a score out of range', { conversationId: 'c1', scores: { greeting: 3, resolution: 4, tone: 2, accuracy: 2 } }, { 'scores.greeting': 'out-of-range' }],
  ])('refuses %s', (_, raw, expected) => {
    expect(codesOf(checkQaReview(raw, rubric))).toEqual(expected);
  });
});
