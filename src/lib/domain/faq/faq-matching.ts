import type { FaqEntry } from '../../schemas/faq';
import { compilePattern } from '../routing/pattern-safety';
import { PATTERN_INPUT_LIMIT } from '../routing/rule-evaluation';
import { foldText, hasPhrase } from '../routing/text-folding';
import { createMeaningMemo, matchByMeaning, MEANING_THRESHOLD, type MeaningMemo } from './faq-meaning';

/** Whether the customer asks for a person: any handoff keyword, accents and case ignored ("Humáno", "PERSONA"). */
export function isHandoffRequest(text: string, handoffKeywords: readonly string[]): boolean {
  const folded = foldText(text);
  return handoffKeywords.some((keyword) => hasPhrase(folded, keyword));
}

function entryMatches(entry: FaqEntry, text: string, folded: string): boolean {
  if (entry.keywords.some((keyword) => hasPhrase(folded, keyword))) return true;
  if (entry.pattern === null || entry.pattern === '') return false;
  // Re-vetted at match time: a pattern saved before the safety check existed must not hang the request.
  const compiled = compilePattern(entry.pattern);
  return compiled.ok && compiled.regex.test(text.slice(0, PATTERN_INPUT_LIMIT));
}

/**
 * The first enabled entry, in the admin's order, whose keywords or pattern match `text`; failing that, the entry
 * whose example questions come closest in meaning, if close enough (faq-meaning.ts); null when none does.
 */
export function matchFaqEntry(text: string, entries: readonly FaqEntry[], memo: MeaningMemo = createMeaningMemo()): FaqEntry | null {
  const folded = foldText(text);
  if (folded.trim() === '') return null;
  const byWords = entries.find((entry) => entry.enabled && entryMatches(entry, text, folded));
  if (byWords) return byWords;
  // Keywords first: an entry an admin wrote keywords for answers exactly as before examples existed.
  const withExamples = entries.filter((entry) => entry.enabled && entry.examples.length > 0);
  if (withExamples.length === 0) return null;
  const best = matchByMeaning(text, withExamples, MEANING_THRESHOLD, memo);
  return best === null ? null : (withExamples.find((entry) => entry.id === best.id) ?? null);
}
