import { describe, expect, it } from 'vitest';
import { faqSettingsSchema } from '../../schemas/faq';
import { resetBotState } from './bot-state';
import { botReply } from './faq-bot';
import { matchByMeaning, MEANING_THRESHOLD, scoreByMeaning } from './faq-meaning';
import { matchFaqEntry } from './faq-matching';
import { LABELLED_ENTRIES, LABELLED_QUESTIONS } from './meaning-labelled-set';
import { questionTerms } from './question-concepts';

const now = Date.UTC(2026, 5, 15, 10, 0, 0);
const settings = faqSettingsSchema.parse({
  enabled: true,
  entries: [
    { id: 'hours', keywords: ['opening hours', 'horario'], answer: { type: 'text', text: 'We are open Mon–Fri 9–19.' } },
    {
      id: 'card-delivery',
      keywords: ['delivery'],
      examples: ['My card has not arrived yet', 'When will my card arrive?', '¿Cuándo llega mi tarjeta?', 'Todavía no recibí mi tarjeta'],
      answer: { type: 'text', text: 'Cards arrive within 7 working days.' },
    },
    { id: 'refund', examples: ['How do I get a refund?', 'I want my money back'], answer: { type: 'text', text: 'Refunds take 5 days.' } },
  ],
});
const answered = (text: string) => {
  const state = botReply(resetBotState(), { type: 'text', text }, settings, now).state;
  return state.stage === 'awaiting-feedback' ? state.entryId : state.stage;
};
const accuracyAt = (threshold: number) =>
  LABELLED_QUESTIONS.filter(([text, expected]) => (matchByMeaning(text, LABELLED_ENTRIES, threshold)?.id ?? null) === expected).length /
  LABELLED_QUESTIONS.length;

describe('matching FAQ entries by meaning', () => {
  it.each([
    ['my card still hasn’t come', 'card-delivery'],
    ['CARD NEVER CAME!!', 'card-delivery'],
    ['aún no tengo mi tarjeta', 'card-delivery'],
    ['no me ha llegado la tarjeta', 'card-delivery'],
    ['quiero un reembolso', 'refund'],
    ['I need my money refunded', 'refund'],
  ])('answers %j, which shares no keyword with the entry, from its examples', (text, entryId) => {
    expect(settings.entries.find((e) => e.id === entryId)!.keywords.some((k) => text.toLowerCase().includes(k))).toBe(false);
    expect(answered(text)).toBe(entryId);
  });

  it.each([['my card was declined at the store'], ['I want to cancel my order'], ['la tarjeta está bloqueada'], ['what is the exchange rate today']])(
    'hands %j, an unrelated question on the same nouns, to a person',
    (text) => {
      expect(answered(text)).toBe('handed-off');
    },
  );

  it('keeps keyword entries as they were: the first keyword match in the admin’s order wins over a closer example', () => {
    expect(answered('opening hours? my card has not arrived yet')).toBe('hours');
    expect(answered('card delivery')).toBe('card-delivery');
    const keywordsOnly = { ...settings, entries: settings.entries.map((e) => ({ ...e, examples: [] })) };
    expect(matchFaqEntry('my card still hasn’t come', keywordsOnly.entries)).toBeNull();
  });

  it('ignores the examples of a disabled entry', () => {
    const entries = settings.entries.map((e) => ({ ...e, enabled: e.id !== 'card-delivery' }));
    expect(matchFaqEntry('my card still hasn’t come', entries)).toBeNull();
  });

  it('scores an example that says the same thing in other words as close, and a message of greetings as nothing', () => {
    const [card] = scoreByMeaning('my card still hasnt come', [{ id: 'card', examples: ['My card still has not arrived'] }]);
    expect(card!.score).toBeGreaterThan(0.99);
    expect(scoreByMeaning('hello, thanks!', LABELLED_ENTRIES).every((s) => s.score === 0)).toBe(true);
  });

  it('folds English and Spanish synonyms into one concept', () => {
    expect(questionTerms('My card still hasn’t come')).toBe(questionTerms('Mi tarjeta todavía no llegó'));
  });

  it('ships the threshold that scores best on the labelled set, answering no near miss', () => {
    const sweep = Array.from({ length: 19 }, (_, i) => (i + 1) * 0.05).map((threshold) => ({ threshold, accuracy: accuracyAt(threshold) }));
    const best = Math.max(...sweep.map((s) => s.accuracy));
    expect(accuracyAt(MEANING_THRESHOLD)).toBe(best);
    expect(best).toBeGreaterThanOrEqual(0.95);
    const nearMisses = LABELLED_QUESTIONS.filter(([, expected]) => expected === null);
    expect(nearMisses.filter(([text]) => matchByMeaning(text, LABELLED_ENTRIES) !== null)).toEqual([]);
  });
});
