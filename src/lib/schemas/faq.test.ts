import { describe, expect, it } from 'vitest';
import { DEFAULT_FAQ_SETTINGS, DEFAULT_HANDOFF_KEYWORDS, faqSettingsSchema } from './faq';

const entry = (over: Record<string, unknown> = {}) => ({ id: 'hours', keywords: ['hours'], answer: { type: 'text', text: 'Mon–Fri 9–19.' }, ...over });
const codesOf = (input: unknown) => {
  const parsed = faqSettingsSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.code === 'custom' ? i.params?.code : i.code]));
};

describe('faqSettingsSchema', () => {
  it('fills a switched-off bot from an empty document', () => {
    expect(DEFAULT_FAQ_SETTINGS).toEqual({
      enabled: false,
      entries: [],
      handoffKeywords: DEFAULT_HANDOFF_KEYWORDS,
      resolveAfterSilenceMinutes: 30,
      maxAnswers: 3,
      buttons: { solved: 'That solved it', human: 'Talk to a person' },
      solvedText: '',
      handoffText: '',
    });
    expect(DEFAULT_HANDOFF_KEYWORDS).toEqual(['agent', 'human', 'person', 'persona', 'humano', 'agente', 'operator']);
  });

  it('accepts text and buttons answers, filling entry defaults', () => {
    const parsed = faqSettingsSchema.parse({
      enabled: true,
      entries: [
        entry(),
        entry({
          id: 'returns',
          keywords: [],
          pattern: 'return(s|ed)?',
          answer: {
            type: 'buttons',
            text: 'Which?',
            buttons: [
              { id: 'a', title: 'Shoes' },
              { id: 'faq:human', title: 'Talk to a person' },
            ],
          },
        }),
      ],
    });
    expect(parsed.entries.map((e) => [e.id, e.enabled, e.pattern])).toEqual([
      ['hours', true, null],
      ['returns', true, 'return(s|ed)?'],
    ]);
  });

  it.each([
    [
      'four buttons',
      entry({ answer: { type: 'buttons', text: 'Pick', buttons: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id })) } }),
      { 'entries.0.answer.buttons': 'too_big' },
    ],
    [
      'a button title over 20 characters',
      entry({ answer: { type: 'buttons', text: 'Pick', buttons: [{ id: 'a', title: 'x'.repeat(21) }] } }),
      { 'entries.0.answer.buttons.0.title': 'too_big' },
    ],
    [
      'two buttons with one id',
      entry({
        answer: {
          type: 'buttons',
          text: 'Pick',
          buttons: [
            { id: 'a', title: 'A' },
            { id: 'a', title: 'B' },
          ],
        },
      }),
      { 'entries.0.answer.buttons.1.id': 'duplicate-id' },
    ],
    ['a buttons answer without buttons', entry({ answer: { type: 'buttons', text: 'Pick', buttons: [] } }), { 'entries.0.answer.buttons': 'too_small' }],
    ['an answer longer than a button message allows', entry({ answer: { type: 'text', text: 'x'.repeat(1025) } }), { 'entries.0.answer.text': 'too_big' }],
    ['an unknown answer type', entry({ answer: { type: 'list', text: 'x' } }), { 'entries.0.answer.type': 'invalid_union' }],
    ['an entry nothing triggers', entry({ keywords: [] }), { 'entries.0.keywords': 'no-trigger' }],
    ['a keyword without letters', entry({ keywords: ['!!'] }), { 'entries.0.keywords.0': 'empty-keyword' }],
    ['a pattern that can hang', entry({ pattern: '(a+)+$' }), { 'entries.0.pattern': 'nested-quantifier' }],
    ['a pattern that does not compile', entry({ pattern: '(' }), { 'entries.0.pattern': 'invalid-pattern' }],
    ['a reserved id', entry({ id: 'faq:solved' }), { 'entries.0.id': 'reserved-id' }],
  ])('refuses %s', (_, bad, expected) => {
    expect(codesOf({ entries: [bad] })).toEqual(expected);
  });

  it.each([
    ['two entries with one id', { entries: [entry(), entry()] }, { 'entries.1.id': 'duplicate-id' }],
    ['a silence window of zero', { resolveAfterSilenceMinutes: 0 }, { resolveAfterSilenceMinutes: 'too_small' }],
    ['a feedback button title over 20 characters', { buttons: { solved: 'Yes, that solved my problem' } }, { 'buttons.solved': 'too_big' }],
  ])('refuses %s in the settings', (_, input, expected) => {
    expect(codesOf(input)).toEqual(expected);
  });
});
