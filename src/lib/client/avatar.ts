// What a customer's or agent's avatar shows: initials (or the last digits of a bare number) and a colour that stays
// the same for the same record on every device, because it comes from the record id, not from the name.

/** Background colours that all carry white text at 4.5:1 or more, in light and dark mode alike. */
export const AVATAR_COLOURS = ['#0f766e', '#1d4ed8', '#7e22ce', '#be123c', '#b45309', '#15803d', '#0e7490', '#4d7c0f', '#a21caf', '#475569'] as const;

/** Up to two letters from the name's first words; a name without letters (a phone number) gives its last two digits. */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word));
  if (words.length === 0) return name.replace(/\D/g, '').slice(-2);
  const letters = words.slice(0, 2).map((word) => [...word.replace(/^[^\p{L}]+/u, '')][0] ?? '');
  return letters.join('').toUpperCase();
}

/** A colour picked by a string hash of the id: stable across sessions and devices. */
export function colourOf(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
  return AVATAR_COLOURS[hash % AVATAR_COLOURS.length];
}
