// GET /api/pocketdesk/search: one page of conversations whose texts match, newest matching text first.
// zod/mini: the PWA parses it in the lazily loaded server-search code.
import * as z from 'zod/mini';
import { idList, pbDate, text } from './pb-fields';

/** Marks around a matched word inside a snippet (control characters: they never occur in typed text). */
export const SNIPPET_OPEN = '\u0002';
export const SNIPPET_CLOSE = '\u0003';
/** Texts examined per page; a page holds at most this many conversations (fewer when texts share one). */
export const SEARCH_PAGE_SIZE = 30;

export const searchHitSchema = z.object({
  /** What matched: a message, an internal note, or the customer's name or number. */
  kind: z.enum(['message', 'note', 'contact']),
  /** The matching text around the match (marked with SNIPPET_OPEN/CLOSE); '' for the customer. */
  snippet: text,
  conversation: z.object({
    id: z.string(),
    status: z.enum(['open', 'pending', 'resolved']),
    assignee: text,
    team: text,
    channel: text,
    labels: idList,
    contact: text,
    contact_name: text,
    contact_number: text,
    last_message_preview: text,
    last_message_at: pbDate,
    created: pbDate,
  }),
});
export type SearchHit = z.output<typeof searchHitSchema>;

export const searchPageSchema = z.object({
  items: z.array(searchHitSchema),
  /** Pass as `before` for the next page; null on the last one. */
  next: z.nullable(z.number()),
});
export type SearchPage = z.output<typeof searchPageSchema>;
