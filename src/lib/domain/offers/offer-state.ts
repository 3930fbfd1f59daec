// The life of an offer on a conversation: offered to one agent until a deadline, then accepted (the agent owns
// it), declined or lapsed (it rolls on to the next eligible agent, skipping everyone who passed on it).

/** The offer fields of a conversation plus what decides whether an answer still counts; times are epoch ms. */
export interface ConversationOffer {
  status: 'open' | 'pending' | 'resolved';
  assigneeId: string | null;
  offeredTo: string | null;
  expiresAt: number | null;
  declined: readonly string[];
}

export type OfferAnswer = 'accept' | 'decline';

/** Why an answer to an offer no longer counts; each is a 409 with this reason code. */
export type OfferRefusal = 'conversation-resolved' | 'already-yours' | 'already-assigned' | 'not-offered' | 'offer-moved' | 'offer-expired';

export type OfferCheck = { ok: true } | { ok: false; reason: OfferRefusal };

/** Whether `agentId` may still accept or decline: the offer must be theirs, unexpired, and nobody owns it yet. */
export function checkOfferAnswer(offer: ConversationOffer, agentId: string, now: number): OfferCheck {
  if (offer.status === 'resolved') return { ok: false, reason: 'conversation-resolved' };
  if (offer.assigneeId !== null) return { ok: false, reason: offer.assigneeId === agentId ? 'already-yours' : 'already-assigned' };
  if (offer.offeredTo === null) return { ok: false, reason: offer.declined.includes(agentId) ? 'offer-moved' : 'not-offered' };
  if (offer.offeredTo !== agentId) return { ok: false, reason: 'offer-moved' };
  if (offer.expiresAt !== null && offer.expiresAt <= now) return { ok: false, reason: 'offer-expired' };
  return { ok: true };
}

/** True when the offer's time is up and it should roll on (the sweep's test). */
export function isOfferLapsed(offer: ConversationOffer, now: number): boolean {
  return offer.offeredTo !== null && offer.assigneeId === null && offer.expiresAt !== null && offer.expiresAt <= now;
}

/** Who routing must skip once the current offer is declined or lapses: everyone before plus its agent, once each. */
export function declinedAfter(offer: ConversationOffer): string[] {
  const declined = [...offer.declined];
  if (offer.offeredTo !== null && !declined.includes(offer.offeredTo)) declined.push(offer.offeredTo);
  return declined;
}

/** The offer fields once a conversation is offered to `agentId` now. */
export function offerTo(agentId: string, now: number, timeoutMs: number): { offeredTo: string; expiresAt: number } {
  return { offeredTo: agentId, expiresAt: now + timeoutMs };
}
