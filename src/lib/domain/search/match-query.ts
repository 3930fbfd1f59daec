// What a person types into the search box, turned into an SQLite FTS5 MATCH expression that cannot be read as
// syntax: every word is quoted (so AND, OR, NOT, NEAR, `*`, `:`, `^`, `-` and parentheses are plain text), words
// are separated where FTS5's unicode61 tokenizer separates them, and only the last word is a prefix (the one
// still being typed) once it has two characters: a one-letter prefix matches nearly every text, and the index
// keeps two- and three-letter prefixes ready (`prefix = '2 3'`), so short prefixes do not merge thousands of words.

/** The longest query the search accepts; longer input is refused rather than cut, so results never surprise. */
export const MAX_QUERY_LENGTH = 200;
/** Words beyond this many add cost but hardly narrow the results: they are ignored. */
export const MAX_QUERY_WORDS = 8;

// Separators: ASCII punctuation and symbols, Latin-1 punctuation (¡ ¿ « » ·), general punctuation (– — “ ” …),
// arrows and symbols, CJK punctuation, and surrogate halves (emoji). Letters with accents stay in words; the
// tokenizer folds them. No `u` flag: the hooks' VM lacks it.
const SEPARATORS =
  /[\u0000-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u00d7\u00f7\u2000-\u2bff\u2e00-\u2e7f\u3000-\u303f\ud800-\udfff\ufe30-\ufe4f\ufeff\uff00-\uff0f]+/;
const NUMBER_LIKE = /^[\s\d+().-]+$/;

/** Outcome of reading a query: an FTS5 expression, nothing to search (empty or only punctuation), or too long. */
export type MatchQuery = { ok: true; match: string; words: string[] } | { ok: false; reason: 'empty' | 'too-long' };

/** The FTS5 MATCH expression for a typed query: quoted words, all required, the last one a prefix. */
export function toMatchQuery(input: string): MatchQuery {
  if (input.length > MAX_QUERY_LENGTH) return { ok: false, reason: 'too-long' };
  // A phone number is typed with spaces, dashes and a plus: its digits are one word ("+34 612-34" → 3461234*).
  const words = NUMBER_LIKE.test(input) ? [input.replace(/\D+/g, '')] : input.split(SEPARATORS);
  const kept = words.filter((word) => word !== '').slice(0, MAX_QUERY_WORDS);
  if (kept.length === 0) return { ok: false, reason: 'empty' };
  const quoted = kept.map((word) => `"${word.replace(/"/g, '""')}"`);
  const last = kept[kept.length - 1] as string;
  return { ok: true, match: `${quoted.join(' ')}${last.length >= 2 ? '*' : ''}`, words: kept };
}
