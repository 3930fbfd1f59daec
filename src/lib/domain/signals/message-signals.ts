import { foldText, hasPhrase } from '../routing/text-folding';
import { CALM_PHRASES, COURTESY, DAMPENERS, EMOJI_WEIGHTS, INTENSIFIERS, NEGATORS, SENTIMENT_WEIGHTS, URGENCY_PHRASES } from './sentiment-lexicon';

// How a customer's message reads: negative, neutral or positive, and whether they say it is urgent. A weighted
// lexicon (English and Spanish) with negation, intensifiers, capitals, "!!!" and emoji — small enough to run on
// every inbound message in the hooks' VM, and explainable: every outcome comes with the cues that caused it.
// tests/fixtures/sentiment/README.md says how it was measured and what it gets wrong.

export type Sentiment = 'negative' | 'neutral' | 'positive';

/** What a person is shown as the reason for a signal (rendered as a sentence in their language). */
export type SignalCue = 'negative-words' | 'angry-emoji' | 'shouting' | 'exclamations' | 'urgent' | 'praise';

export const SIGNAL_CUES: readonly SignalCue[] = ['negative-words', 'angry-emoji', 'shouting', 'exclamations', 'urgent', 'praise'];

export interface MessageSignals {
  sentiment: Sentiment;
  /** -1 (very negative) to 1 (very positive), two decimals. */
  score: number;
  urgent: boolean;
  cues: SignalCue[];
}

export const NEUTRAL_SIGNALS: MessageSignals = { sentiment: 'neutral', score: 0, urgent: false, cues: [] };

/** A sentiment sum at or past these leaves neutral: one mild word ("problem", "late", "wrong") does not. */
const NEGATIVE_AT = -1.5;
const POSITIVE_AT = 1.2;
const NEGATION_SCOPE = 3;
const NEGATED = -0.75;
const CAPS_BOOST = 1.4;
const LONGEST_PHRASE = 4;
// "don't" folds to "don t": the stem before a lone "t" is a negation.
const CONTRACTED = new Set(['don', 'doesn', 'didn', 'isn', 'wasn', 'aren', 'weren', 'won', 'can', 'couldn', 'wouldn', 'shouldn', 'haven', 'hasn', 'ain']);

function tokensOf(folded: string): string[] {
  const raw = folded.trim() === '' ? [] : folded.trim().split(' ');
  const tokens: string[] = [];
  for (const token of raw) {
    if (token === 't' && tokens.length > 0 && CONTRACTED.has(tokens[tokens.length - 1] as string)) tokens[tokens.length - 1] = 'not';
    else tokens.push(token);
  }
  return tokens;
}

const isLetter = (ch: string): boolean => ch.toLowerCase() !== ch.toUpperCase();
const isUpper = (ch: string): boolean => ch !== ch.toLowerCase();

/** Words written in capitals (two letters or more), folded; and whether the whole message is shouted. */
function capitalsOf(text: string): { words: Set<string>; shouting: boolean } {
  const words = new Set<string>();
  let letters = 0;
  let upper = 0;
  for (const word of text.split(/[\s.,;:!?¡¿()"'/-]+/)) {
    let wordLetters = 0;
    let wordUpper = 0;
    for (const ch of word) {
      if (!isLetter(ch)) continue;
      wordLetters++;
      if (isUpper(ch)) wordUpper++;
    }
    letters += wordLetters;
    upper += wordUpper;
    if (wordLetters >= 2 && wordUpper === wordLetters) words.add(foldText(word).trim());
  }
  return { words, shouting: letters >= 8 && upper / letters >= 0.7 };
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** Reads a customer's message: its sentiment, whether it is urgent, and the cues a person can be shown. */
export function readMessageSignals(text: string, folded: string = foldText(text)): MessageSignals {
  if (text.trim() === '') return NEUTRAL_SIGNALS;
  const tokens = tokensOf(folded);
  const capitals = capitalsOf(text);
  const questioning = text.includes('?');
  let negative = 0;
  let positive = 0;
  let courtesyOnly = true;
  let negateLeft = 0;
  let boost = 1;
  let contrast = 1;
  for (let i = 0; i < tokens.length;) {
    let length = Math.min(LONGEST_PHRASE, tokens.length - i);
    let phrase = '';
    for (; length > 0; length--) {
      phrase = tokens.slice(i, i + length).join(' ');
      if (Object.prototype.hasOwnProperty.call(SENTIMENT_WEIGHTS, phrase)) break;
    }
    if (length === 0) {
      const token = tokens[i] as string;
      if (token === 'but' || token === 'pero') {
        // What follows "but" is what the customer means: "thanks, but it still doesn't work".
        negative *= 0.5;
        positive *= 0.5;
        contrast = 1.5;
      }
      if (NEGATORS.has(token)) negateLeft = NEGATION_SCOPE + 1;
      else if (Object.prototype.hasOwnProperty.call(INTENSIFIERS, token)) boost = INTENSIFIERS[token] as number;
      else if (Object.prototype.hasOwnProperty.call(DAMPENERS, token)) boost = DAMPENERS[token] as number;
      if (negateLeft > 0) negateLeft--;
      i++;
      continue;
    }
    let value = (SENTIMENT_WEIGHTS[phrase] as number) * boost * contrast * (capitals.words.has(phrase) ? CAPS_BOOST : 1);
    // "not happy" turns against the customer's mood; "no refund" is no better news than "refund" problems were.
    if (negateLeft > 0) value = value > 0 ? value * NEGATED : 0;
    if (value > 0 && !COURTESY.has(phrase)) courtesyOnly = false;
    if (value < 0) negative += value;
    else positive += value;
    boost = 1;
    negateLeft = Math.max(0, negateLeft - length);
    i += length;
  }
  // "Where is my order? Thanks": thanks in a question is politeness, not praise.
  if (questioning && courtesyOnly) positive *= 0.5;
  const wordNegative = negative;
  let angryEmoji = false;
  for (const [emoji, weight] of EMOJI_WEIGHTS) {
    const count = Math.min(3, occurrences(text, emoji));
    if (count === 0) continue;
    if (weight < 0) {
      angryEmoji = true;
      negative += weight * (1 + (count - 1) * 0.3);
    } else positive += weight * (1 + (count - 1) * 0.3);
  }
  let sum = negative + positive;
  const bangs = occurrences(text, '!');
  const exclaiming = bangs >= 3 || text.includes('!!') || text.includes('??');
  // "Hello?? anyone there???": repeated question marks are impatience.
  if (text.includes('??')) sum -= 1.5;
  if (exclaiming) sum *= 1 + 0.1 * Math.min(4, bangs);
  if (capitals.shouting && sum < 0) sum *= CAPS_BOOST;
  const sentiment: Sentiment = sum <= NEGATIVE_AT ? 'negative' : sum >= POSITIVE_AT ? 'positive' : 'neutral';
  const calm = CALM_PHRASES.some((phrase) => hasPhrase(folded, phrase));
  const urgent = !calm && URGENCY_PHRASES.some((phrase) => hasPhrase(folded, phrase));
  const cues: SignalCue[] = [];
  if (sentiment === 'negative') {
    if (wordNegative <= -1) cues.push('negative-words');
    if (angryEmoji) cues.push('angry-emoji');
    if (capitals.shouting) cues.push('shouting');
    if (exclaiming) cues.push('exclamations');
  }
  if (urgent) cues.push('urgent');
  if (sentiment === 'positive') cues.push('praise');
  return { sentiment, score: Math.round((sum / Math.sqrt(sum * sum + 8)) * 100) / 100, urgent, cues };
}
