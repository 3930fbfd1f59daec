// What the device keeps of message media within the agent's storage budget. Decisions only: the client fetches,
// stores and deletes. Ranks, best first: previews the prefetch wants (images and stickers, which show inline),
// then full files it wants (voice notes, videos, documents), newest message first within each; then files kept
// from before that the prefetch no longer asks for, most recently used first. The budget is filled in that order,
// so when space runs out it is the least recently used of the rest that goes first.

/** A file the prefetch would like on the device. */
export interface WantedMedia {
  /** The file's path without its token (`/api/files/messages/<id>/<name>`): one key per file on every device. */
  key: string;
  /** Size the server reported; 0 when unknown (counted once fetched). */
  bytes: number;
  /** Shown inline in the thread (image, sticker): fetched before full files. */
  preview: boolean;
  /** The message's time (epoch ms): newer first. */
  at: number;
}

/** A file the device holds. */
export interface CachedMedia {
  key: string;
  bytes: number;
  /** Last shown or stored (epoch ms). */
  usedAt: number;
}

export interface MediaPlan {
  /** Wanted files to fetch, in the order to fetch them. */
  fetch: WantedMedia[];
  /** Keys of held files to delete. */
  evict: string[];
  /** Bytes the device holds once the plan is carried out (unknown sizes count as 0). */
  bytes: number;
}

function byPreviewThenNewest(a: WantedMedia, b: WantedMedia): number {
  return Number(b.preview) - Number(a.preview) || b.at - a.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Decides which wanted files to fetch and which held files to delete so the device stays within `budgetBytes`. */
export function planMediaCache(cached: readonly CachedMedia[], wanted: readonly WantedMedia[], budgetBytes: number): MediaPlan {
  const held = new Map(cached.map((item) => [item.key, item]));
  const seen = new Set<string>();
  const ranked: Array<{ key: string; bytes: number; wanted: WantedMedia | null }> = [];
  for (const item of [...wanted].sort(byPreviewThenNewest)) {
    if (seen.has(item.key)) continue;
    seen.add(item.key);
    // What the device measured beats what the server reported.
    ranked.push({ key: item.key, bytes: held.get(item.key)?.bytes ?? item.bytes, wanted: item });
  }
  const rest = cached.filter((item) => !seen.has(item.key)).sort((a, b) => b.usedAt - a.usedAt);
  for (const item of rest) ranked.push({ key: item.key, bytes: item.bytes, wanted: null });

  const budget = Math.max(0, budgetBytes);
  const fetch: WantedMedia[] = [];
  const evict: string[] = [];
  let total = 0;
  for (const item of ranked) {
    // Smaller files further down still fit after a big one did not: keep going rather than stop.
    const fits = total + item.bytes <= budget;
    if (fits) total += item.bytes;
    if (held.has(item.key)) {
      if (!fits) evict.push(item.key);
    } else if (fits && item.wanted) {
      fetch.push(item.wanted);
    }
  }
  return { fetch, evict, bytes: total };
}

/** Held files to delete, least recently used first, so that one more file of `incomingBytes` fits in the budget. */
export function evictToFit(cached: readonly CachedMedia[], incomingBytes: number, budgetBytes: number): { fits: boolean; evict: string[] } {
  if (incomingBytes > budgetBytes) return { fits: false, evict: [] };
  let total = cached.reduce((sum, item) => sum + item.bytes, 0);
  const evict: string[] = [];
  for (const item of [...cached].sort((a, b) => a.usedAt - b.usedAt)) {
    if (total + incomingBytes <= budgetBytes) break;
    total -= item.bytes;
    evict.push(item.key);
  }
  return { fits: true, evict };
}
