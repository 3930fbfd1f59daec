// The queue's search over all history on the server (GET /api/pocketdesk/search). Loaded only when an agent
// searches online, so it stays out of the queue's first visit.
import type PocketBase from 'pocketbase';
import { searchPageSchema, type SearchPage } from '../schemas/search';

/** One page of hits for `query`, newest matching text first; `before` is the previous page's `next`. */
export async function fetchSearchPage(pb: PocketBase, query: string, before: number | null): Promise<SearchPage> {
  const body: unknown = await pb.send('/api/pocketdesk/search', { query: { q: query, ...(before ? { before } : {}) }, requestKey: null });
  return searchPageSchema.parse(body);
}
