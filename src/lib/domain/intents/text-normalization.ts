// Messages arrive in English, Spanish or both at once, typed on phones: "No me llegó la tarjeta 😡", "CARD
// never came!!". The classifier sees one folded form: lower case, Latin accents stripped, apostrophes dropped
// inside words ("hasn't" → "hasnt"), every other punctuation a separator, and digits, currency signs and emoji
// kept as tokens because they carry meaning ("2 weeks", "£", "😡"). Hand-written instead of String.normalize or
// \p{…} regexes: the hooks run in PocketBase's JS VM, where neither is guaranteed.
import { foldLatinLetter } from '../text/latin-folds';

/** Characters that stand alone as a token: currency signs carry meaning in support messages. */
const SYMBOL_TOKENS = new Set(['$', '£', '€', '¥', '%', '+']);

const isApostrophe = (code: number): boolean => code === 0x27 || code === 0x2019 || code === 0x60 || code === 0xb4;
const isWordChar = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 0xdf && code <= 0x24f && code !== 0xf7) || (code >= 0x370 && code <= 0x52f);
// Punctuation, spaces, marks, arrows and the like; whatever else is left (emoji, CJK, dingbats) becomes a token.
const isSeparator = (code: number): boolean =>
  code < 0xdf ||
  code === 0xf7 ||
  (code >= 0x2000 && code <= 0x206f) ||
  (code >= 0x3000 && code <= 0x303f) ||
  code === 0xfe0f ||
  code === 0x200d ||
  (code >= 0x300 && code <= 0x36f);

// Most messages are plain ASCII: one native regex pass is far cheaper than a character loop in the VM.
const PLAIN = /^[a-z0-9 ]*$/;
const ASCII = /^[\x00-\x7f]*$/;

/** Splits a message into folded tokens: words (accents folded), numbers, currency signs and emoji. */
export function tokenizeText(text: string): string[] {
  const lower = text.toLowerCase();
  if (PLAIN.test(lower)) return lower.split(' ').filter((w) => w !== '');
  if (ASCII.test(lower)) return asciiTokens(lower);
  const tokens: string[] = [];
  let word = '';
  const flush = () => {
    if (word !== '') tokens.push(word);
    word = '';
  };
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const ch = lower[i]!;
    if (isApostrophe(code) && word !== '') continue;
    if (isWordChar(code)) {
      word += foldLatinLetter(ch) ?? ch;
      continue;
    }
    flush();
    if (SYMBOL_TOKENS.has(ch)) tokens.push(ch);
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < lower.length) {
      tokens.push(lower.slice(i, i + 2));
      i++;
    } else if (!isSeparator(code)) tokens.push(ch);
  }
  flush();
  return tokens;
}

const ASCII_PARTS = /[a-z0-9]+(?:'[a-z0-9]+)*|[$%+]/g;

function asciiTokens(lower: string): string[] {
  const tokens = lower.match(ASCII_PARTS) ?? [];
  return tokens.map((token) => (token.includes("'") ? token.split("'").join('') : token));
}
