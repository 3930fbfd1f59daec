// Latin letters with accents and their plain forms, shared by keyword matching (routing) and the intent
// classifier: both must treat "reembólso" and "reembolso" as one word. A hand-written table because the hooks run in
// PocketBase's JS VM, where String.normalize is not guaranteed.

const FOLDS: ReadonlyArray<readonly [string, string]> = [
  ['a', 'àáâãäåāăą'],
  ['c', 'çćĉċč'],
  ['d', 'ďđ'],
  ['e', 'èéêëēĕėęě'],
  ['g', 'ĝğġģ'],
  ['h', 'ĥħ'],
  ['i', 'ìíîïĩīĭįı'],
  ['j', 'ĵ'],
  ['k', 'ķ'],
  ['l', 'ĺļľŀł'],
  ['n', 'ñńņňŉ'],
  ['o', 'òóôõöøōŏő'],
  ['r', 'ŕŗř'],
  ['s', 'śŝşš'],
  ['t', 'ţťŧ'],
  ['u', 'ùúûüũūŭůűų'],
  ['w', 'ŵ'],
  ['y', 'ýÿŷ'],
  ['z', 'źżž'],
  ['ae', 'æ'],
  ['oe', 'œ'],
  ['ss', 'ß'],
];

const folds: ReadonlyMap<string, string> = new Map(FOLDS.flatMap(([base, chars]) => chars.split('').map((c) => [c, base] as [string, string])));

/** The plain form of a lower-case accented Latin letter, or undefined for any other character. */
export function foldLatinLetter(ch: string): string | undefined {
  return folds.get(ch);
}
