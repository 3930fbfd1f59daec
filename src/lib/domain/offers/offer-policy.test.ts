import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFER_TIMEOUT_SECONDS, offerPolicyOf } from './offer-policy';

describe('offerPolicyOf', () => {
  it('offers with the team’s own timeout', () => {
    expect(offerPolicyOf({ assignmentMode: 'offer', offerTimeoutSeconds: 45 })).toEqual({ mode: 'offer', timeoutMs: 45_000 });
  });

  it('uses the default timeout when the team left it empty', () => {
    expect(offerPolicyOf({ assignmentMode: 'offer', offerTimeoutSeconds: 0 })).toEqual({ mode: 'offer', timeoutMs: DEFAULT_OFFER_TIMEOUT_SECONDS * 1000 });
  });

  it.each([
    ['no team', null],
    ['a team from before offers', { assignmentMode: '', offerTimeoutSeconds: 0 }],
    ['plain assignment', { assignmentMode: 'assign', offerTimeoutSeconds: 30 }],
    ['an unknown mode', { assignmentMode: 'Offer', offerTimeoutSeconds: 30 }],
  ])('assigns outright for %s', (_, team) => {
    expect(offerPolicyOf(team).mode).toBe('assign');
  });
});
