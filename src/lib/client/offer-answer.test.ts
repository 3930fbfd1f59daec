import { describe, expect, it } from 'vitest';
import { answerOffer, offerAnswerFromQuery } from './offer-answer';

const answering = (reply: () => Promise<unknown>) => {
  const calls: Array<[string, Record<string, unknown>]> = [];
  return { calls, api: { send: (path: string, options: Record<string, unknown>) => (calls.push([path, options]), reply()) } };
};

describe('answerOffer', () => {
  it('posts the answer for the conversation and reads the outcome', async () => {
    const { api, calls } = answering(async () => ({ ok: true, outcome: 'assigned' }));
    expect(await answerOffer(api, 'c 1', 'accept')).toEqual({ ok: true, outcome: 'assigned' });
    expect(calls).toEqual([['/api/pocketdesk/conversations/c%201/offer', { method: 'POST', body: { answer: 'accept' }, requestKey: null }]]);
  });

  it('returns the server’s reason when the offer no longer stands', async () => {
    const { api } = answering(async () => Promise.reject({ status: 409, response: { reason: 'offer-moved' } }));
    expect(await answerOffer(api, 'c1', 'accept')).toEqual({ ok: false, reason: 'offer-moved' });
  });

  it('says no-connection when no answer came, and invalid for an answer it cannot read', async () => {
    expect(await answerOffer(answering(async () => Promise.reject({ status: 0 })).api, 'c1', 'decline')).toEqual({ ok: false, reason: 'no-connection' });
    expect(await answerOffer(answering(async () => ({ ok: true })).api, 'c1', 'decline')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('offerAnswerFromQuery', () => {
  it.each([
    ['accept', 'accept'],
    ['decline', 'decline'],
    [null, null],
    ['', null],
    ['ACCEPT', null],
  ])('reads %j as %j', (value, expected) => {
    expect(offerAnswerFromQuery(value)).toBe(expected);
  });
});
