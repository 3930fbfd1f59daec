// Accepting or declining an offer: online only, because the server decides at that moment whether the offer
// still stands. A refusal comes back as the server's stable reason, which the banner translates.
import type { OfferAnswer } from '../domain/offers/offer-state';
import { offerAnswerResultSchema, type OfferAnswerResult } from '../schemas/offer';
import { assignmentRefusal, type SendApi } from './assignment';

export type OfferAnswerOutcome = OfferAnswerResult | { ok: false; reason: string };

/** Sends the agent's answer to the offer of one conversation. Never throws. */
export async function answerOffer(api: SendApi, conversationId: string, answer: OfferAnswer): Promise<OfferAnswerOutcome> {
  try {
    const response = await api.send(`/api/pocketdesk/conversations/${encodeURIComponent(conversationId)}/offer`, {
      method: 'POST',
      body: { answer },
      requestKey: null,
    });
    const parsed = offerAnswerResultSchema.safeParse(response);
    return parsed.success ? parsed.data : { ok: false, reason: 'invalid' };
  } catch (error) {
    return { ok: false, reason: assignmentRefusal(error) };
  }
}

/** The answer a notification button asked for (`?offer=accept`), or null. */
export function offerAnswerFromQuery(value: string | null): OfferAnswer | null {
  return value === 'accept' || value === 'decline' ? value : null;
}
