// Character sets for the pattern reader in pattern-safety.ts.

/**
 * A set of characters as five 32-bit words: the four ASCII words, then bit 0 standing for "anything else".
 * Bit masks rather than Sets because this runs on every decision inside the hooks' interpreter.
 */
export type CharSet = readonly number[];

export const NOTHING: CharSet = [0, 0, 0, 0, 0];

/** The characters from one code to another, inclusive; codes past ASCII all count as "anything else". */
export function rangeSet(from: number, to: number): CharSet {
  const words = [0, 0, 0, 0, 0];
  for (let c = Math.min(from, 128); c <= Math.min(to, 128); c++) words[c >> 5] |= 1 << (c & 31);
  return words;
}

/** One character. */
export const codeSet = (code: number): CharSet => rangeSet(code, code);
/** Characters in either set. */
export const union = (a: CharSet, b: CharSet): CharSet => [a[0] | b[0], a[1] | b[1], a[2] | b[2], a[3] | b[3], a[4] | b[4]];
/** Whether the sets share a character. */
export const intersects = (a: CharSet, b: CharSet): boolean => ((a[0] & b[0]) | (a[1] & b[1]) | (a[2] & b[2]) | (a[3] & b[3]) | (a[4] & b[4])) !== 0;
/** Characters outside the set; "anything else" stays in, since no non-ASCII character can be told apart here. */
export const complement = (a: CharSet): CharSet => [~a[0], ~a[1], ~a[2], ~a[3], 1];

const LETTERS = 0x07fffffe; // bits 1..26 of words 2 and 3: A-Z and a-z
/** The set with both cases of every ASCII letter, as a case-insensitive pattern matches. */
export function withCase(a: CharSet): CharSet {
  return [a[0], a[1], a[2] | (a[3] & LETTERS), a[3] | (a[2] & LETTERS), a[4]];
}

const DIGITS = rangeSet(48, 57);
const WORD = union(union(DIGITS, rangeSet(65, 90)), union(rangeSet(97, 122), codeSet(95)));
const SPACE = union(union(rangeSet(9, 13), codeSet(32)), codeSet(128));
export const ANY = rangeSet(0, 128);

/** What \d, \w, \s and their negations match. */
export const CLASS_ESCAPES: ReadonlyMap<string, CharSet> = new Map([
  ['d', DIGITS],
  ['D', complement(DIGITS)],
  ['w', WORD],
  ['W', complement(WORD)],
  ['s', SPACE],
  ['S', complement(SPACE)],
]);
