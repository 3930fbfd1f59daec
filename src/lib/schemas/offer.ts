// POST /api/pocketdesk/conversations/{id}/offer: the offered agent accepts or declines. Shared by the hooks
// (validation) and the PWA (the request it sends).
import * as z from 'zod/mini';

export const offerAnswerSchema = z.object({ answer: z.enum(['accept', 'decline']) });
export type OfferAnswerRequest = z.infer<typeof offerAnswerSchema>;

/** What the route answers on success: `assigned` (now yours) or `declined` (rolled on or back to the queue). */
export const offerAnswerResultSchema = z.object({ ok: z.literal(true), outcome: z.enum(['assigned', 'declined']) });
export type OfferAnswerResult = z.infer<typeof offerAnswerResultSchema>;
