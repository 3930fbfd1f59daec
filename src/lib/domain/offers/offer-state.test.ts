import { describe, expect, it } from 'vitest';
import { checkOfferAnswer, declinedAfter, isOfferLapsed, offerTo, type ConversationOffer } from './offer-state';

const now = Date.UTC(2026, 10, 25, 12, 0, 0);
const offer = (over: Partial<ConversationOffer> = {}): ConversationOffer => ({
  status: 'open',
  assigneeId: null,
  offeredTo: 'ana',
  expiresAt: now + 60_000,
  declined: [],
  ...over,
});

describe('checkOfferAnswer', () => {
  it('lets the offered agent answer before the deadline', () => {
    expect(checkOfferAnswer(offer(), 'ana', now)).toEqual({ ok: true });
    expect(checkOfferAnswer(offer(), 'ana', now + 59_999)).toEqual({ ok: true });
  });

  it.each([
    ['the deadline passed', offer(), 'ana', now + 60_000, 'offer-expired'],
    ['it was offered on to a colleague', offer({ offeredTo: 'ben', declined: ['ana'] }), 'ana', now, 'offer-moved'],
    ['it went back to the queue after the agent passed on it', offer({ offeredTo: null, expiresAt: null, declined: ['ana'] }), 'ana', now, 'offer-moved'],
    ['it was never offered to the agent', offer({ offeredTo: null, expiresAt: null }), 'ana', now, 'not-offered'],
    ['a colleague holds the offer', offer({ offeredTo: 'ben' }), 'ana', now, 'offer-moved'],
    ['someone claimed it meanwhile', offer({ assigneeId: 'ben', offeredTo: null }), 'ana', now, 'already-assigned'],
    ['the agent already owns it', offer({ assigneeId: 'ana', offeredTo: null }), 'ana', now, 'already-yours'],
    ['the conversation was resolved', offer({ status: 'resolved' }), 'ana', now, 'conversation-resolved'],
  ] as const)('refuses when %s', (_, state, agent, at, reason) => {
    expect(checkOfferAnswer(state, agent, at)).toEqual({ ok: false, reason });
  });
});

describe('isOfferLapsed', () => {
  it('lapses at the deadline, not before', () => {
    expect(isOfferLapsed(offer(), now + 59_999)).toBe(false);
    expect(isOfferLapsed(offer(), now + 60_000)).toBe(true);
  });

  it.each([
    ['there is no offer', offer({ offeredTo: null, expiresAt: null })],
    ['someone owns the conversation', offer({ assigneeId: 'ben' })],
  ])('never lapses when %s', (_, state) => {
    expect(isOfferLapsed(state, now + 3_600_000)).toBe(false);
  });
});

describe('declinedAfter and offerTo', () => {
  it('adds the offered agent to those who passed, once', () => {
    expect(declinedAfter(offer({ declined: ['ben'] }))).toEqual(['ben', 'ana']);
    expect(declinedAfter(offer({ declined: ['ana'] }))).toEqual(['ana']);
    expect(declinedAfter(offer({ offeredTo: null, declined: ['ben'] }))).toEqual(['ben']);
  });

  it('runs one offer after another until nobody is left', () => {
    let state = offer({ ...offerTo('ana', now, 60_000) });
    state = { ...state, declined: declinedAfter(state), ...offerTo('ben', now + 1000, 60_000) };
    expect(checkOfferAnswer(state, 'ana', now + 1000)).toEqual({ ok: false, reason: 'offer-moved' });
    expect(checkOfferAnswer(state, 'ben', now + 1000)).toEqual({ ok: true });
    expect(isOfferLapsed(state, now + 61_000)).toBe(true);
    expect(declinedAfter(state)).toEqual(['ana', 'ben']);
  });
});
