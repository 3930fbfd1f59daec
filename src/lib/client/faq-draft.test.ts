import { describe, expect, it } from 'vitest';
import { DEFAULT_FAQ_SETTINGS, faqSettingsSchema } from '../schemas/faq';
import { checkFaqDraft, faqDraftOf, faqFormErrors, faqInputOf, newFaqEntry } from './faq-draft';

const stored = {
  enabled: true,
  entries: [
    { id: 'prices', keywords: ['price*', 'cost'], answer: { type: 'text', text: 'See our price list.' } },
    { id: 'ship', pattern: 'ship(ping)?', answer: { type: 'buttons', text: 'Where to?', buttons: [{ id: 'home', title: 'Home' }] } },
    { id: 'card', examples: ['When will my card arrive?', '¿Cuándo llega mi tarjeta?'], answer: { type: 'text', text: 'Within 7 days.' } },
  ],
  maxAnswers: 5,
};

describe('faqDraftOf / faqInputOf', () => {
  it('round-trips stored settings, both answer types included', () => {
    expect(faqSettingsSchema.parse(faqInputOf(faqDraftOf(stored)))).toEqual(faqSettingsSchema.parse(stored));
  });

  it('edits example questions one a line, blank lines dropped', () => {
    const draft = faqDraftOf(stored);
    expect(draft.entries[2]!.examples).toBe('When will my card arrive?\n¿Cuándo llega mi tarjeta?');
    draft.entries[2]!.examples = '  My card has not arrived\n\nNo me llegó la tarjeta  \n';
    expect(faqInputOf(draft).entries![2]!.examples).toEqual(['My card has not arrived', 'No me llegó la tarjeta']);
  });

  it('starts switched off when nothing is stored', () => {
    expect(faqSettingsSchema.parse(faqInputOf(faqDraftOf(undefined)))).toEqual(DEFAULT_FAQ_SETTINGS);
  });

  it('gives a new entry an id no other entry has', () => {
    const entries = faqDraftOf(stored).entries;
    entries.push({ ...newFaqEntry([]), id: 'answer-4' });
    expect(newFaqEntry(entries).id).toBe('answer-5');
  });
});

describe('checkFaqDraft', () => {
  it('puts a reserved id, a trigger-less entry and a long button title on their inputs', () => {
    const draft = faqDraftOf(stored);
    draft.entries[0]!.id = 'faq:prices';
    draft.entries[1]!.pattern = '';
    draft.entries[1]!.buttons[0]!.title = 'A title far too long for WhatsApp';
    const checked = checkFaqDraft(draft);
    expect(checked.ok ? [] : Object.keys(checked.errors).sort()).toEqual(['entries.0.id', 'entries.1.buttons.0.title', 'entries.1.keywords']);
  });
});

describe('faqFormErrors', () => {
  it.each([
    ['entries.2.answer.text', 'entries.2.text'],
    ['entries.0.answer.buttons.1.id', 'entries.0.buttons.1.id'],
    ['handoffKeywords.4', 'handoffKeywords'],
    ['buttons.solved', 'solvedButton'],
  ])('puts the server’s %s on %s', (path, field) => {
    expect(Object.keys(faqFormErrors({ [path]: { code: 'x', message: '' } }))).toEqual([field]);
  });
});
