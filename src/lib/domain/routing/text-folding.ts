// Customers type "reembolso", "REEMBOLSO" and "reembólso" alike, and rules are written by people who may or may
// not type accents, so keywords match on a folded form. Hand-written folding instead of String.normalize or
// \p{L}: the hooks run in PocketBase's JS VM, where neither is guaranteed.
import { foldLatinLetter } from '../text/latin-folds';

/** True for characters that separate words: ASCII non-alphanumerics, Latin-1 and general punctuation, and emoji halves. */
function isSeparator(code: number): boolean {
  if (code < 128) return !((code >= 97 && code <= 122) || (code >= 48 && code <= 57));
  return (
    (code >= 0x80 && code <= 0xbf) ||
    code === 0xd7 ||
    code === 0xf7 ||
    (code >= 0x2000 && code <= 0x206f) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code === 0xfe0f
  );
}

// Most messages and nearly every keyword are plain ASCII: one native regex pass is far cheaper than a
// character loop in the hooks' interpreter.
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_SEPARATORS = /[^a-z0-9]+/g;
const PLAIN_PHRASE = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

const padded = (words: string): string => (words === '' ? ' ' : ` ${words} `);

/** Lower-cases, strips Latin accents and reduces punctuation to single spaces, padded with one space each side. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return padded(lower.replace(ASCII_SEPARATORS, ' ').trim());
  const out: string[] = [' '];
  let spaced = true;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (isSeparator(code)) {
      if (!spaced) out.push(' ');
      spaced = true;
      continue;
    }
    const ch = lower[i];
    out.push(code < 128 ? ch : (foldLatinLetter(ch) ?? ch));
    spaced = false;
  }
  if (!spaced) out.push(' ');
  return out.join('');
}

/** Lower-cased words with their accents kept (accents tell Portuguese from Spanish); punctuation and emoji dropped. */
export function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return lower.split(ASCII_SEPARATORS).filter((w) => w !== '');
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const boundary = i === lower.length || isSeparator(lower.charCodeAt(i));
    if (boundary && start >= 0) {
      words.push(lower.slice(start, i));
      start = -1;
    } else if (!boundary && start < 0) start = i;
  }
  return words;
}

/** Whether folded text contains a phrase as whole words; a trailing `*` matches any word starting with the phrase. */
export function hasPhrase(folded: string, phrase: string): boolean {
  const prefix = phrase.endsWith('*');
  const bare = prefix ? phrase.slice(0, -1) : phrase;
  const words = PLAIN_PHRASE.test(bare) ? bare : foldText(bare).trim();
  if (words === '') return false;
  return folded.includes(prefix ? ` ${words}` : ` ${words} `);
}
