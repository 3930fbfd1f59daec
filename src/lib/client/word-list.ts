// Lists of short words (keywords, skills, languages) are typed into one input, separated by commas or new lines.

/** The words in `text`, trimmed, blanks dropped, each once, in the order typed. */
export function wordsOf(text: string): string[] {
  const words = text
    .split(/[,\n]/)
    .map((word) => word.trim())
    .filter((word) => word !== '');
  return [...new Set(words)];
}

/** A stored list as the input shows it. */
export function textOfWords(words: readonly string[] | null | undefined): string {
  return (words ?? []).join(', ');
}
