// How the queue shows the server's search results beside the device's: every conversation once, the device's
// matches in their tabs, the server's others below as older conversations.
import { SNIPPET_CLOSE, SNIPPET_OPEN, type SearchHit } from '../schemas/search';

/** What the queue's label and channel filters narrow by. */
export interface HitFilter {
  label: string;
  channel: string;
}

/** The server's hits in page order, each conversation once, without those the device's search already lists and those the filters leave out. */
export function mergeServerHits(pages: readonly (readonly SearchHit[])[], onDevice: ReadonlySet<string>, filter: HitFilter): SearchHit[] {
  const seen = new Set<string>();
  const merged: SearchHit[] = [];
  for (const page of pages) {
    for (const hit of page) {
      const { id, labels, channel } = hit.conversation;
      if (seen.has(id) || onDevice.has(id)) continue;
      seen.add(id);
      if (filter.label && !labels.includes(filter.label)) continue;
      if (filter.channel && channel !== filter.channel) continue;
      merged.push(hit);
    }
  }
  return merged;
}

/** A snippet split into plain and matched runs, for rendering without HTML. */
export function snippetParts(snippet: string): Array<{ text: string; match: boolean }> {
  const parts: Array<{ text: string; match: boolean }> = [];
  for (const [index, piece] of snippet.split(SNIPPET_OPEN).entries()) {
    const close = index === 0 ? -1 : piece.indexOf(SNIPPET_CLOSE);
    if (close >= 0) parts.push({ text: piece.slice(0, close), match: true }, { text: piece.slice(close + 1), match: false });
    else parts.push({ text: piece.split(SNIPPET_CLOSE).join(''), match: false });
  }
  return parts.filter((part) => part.text !== '');
}
