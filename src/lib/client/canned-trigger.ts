// The composer's `/` trigger: a word starting with `/` at the end of the draft opens the canned replies.

const TRIGGER = /(^|\s)\/([^\s/]*)$/;

/** What follows the `/` the agent is typing, or null when the draft doesn't end in a `/word`. */
export function cannedQuery(draft: string): string | null {
  const match = TRIGGER.exec(draft);
  return match ? (match[2] ?? '') : null;
}

/** The draft with its trailing `/word` replaced by the canned reply's text. */
export function insertCanned(draft: string, text: string): string {
  const match = TRIGGER.exec(draft);
  if (!match) return draft + text;
  return draft.slice(0, match.index + (match[1]?.length ?? 0)) + text;
}
