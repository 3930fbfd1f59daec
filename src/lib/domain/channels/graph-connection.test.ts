import { describe, expect, it } from 'vitest';
import { interpretConnectionCheck, reasonOfGraphError } from './graph-connection';

const graphError = (status: number, code: number, subcode?: number, message = 'Meta says no') => ({
  status,
  body: { error: { message, type: 'OAuthException', code, ...(subcode === undefined ? {} : { error_subcode: subcode }), fbtrace_id: 'AbC' } },
});

describe('interpretConnectionCheck', () => {
  it('reads the number Meta answers for a valid token', () => {
    const outcome = interpretConnectionCheck({
      status: 200,
      body: { display_phone_number: '+1 555-078-3881', verified_name: 'Shop', quality_rating: 'GREEN', id: '106540352242922' },
    });
    expect(outcome).toEqual({ ok: true, reason: 'connected', displayPhoneNumber: '+1 555-078-3881', verifiedName: 'Shop', qualityRating: 'GREEN' });
  });

  it.each([
    ['an expired token (190, subcode 463)', graphError(401, 190, 463), 'token-expired'],
    ['a token Meta cannot parse (190)', graphError(401, 190), 'token-invalid'],
    ['a token ended by a password change (190, subcode 460)', graphError(401, 190, 460), 'token-invalid'],
    ['a missing permission (10)', graphError(403, 10), 'permission-denied'],
    ['a permission in the 200 range (200)', graphError(403, 200), 'permission-denied'],
    ['a wrong phone number id (100, subcode 33)', graphError(400, 100, 33), 'wrong-number-id'],
    ['a restricted account (368)', graphError(403, 368), 'account-restricted'],
    ['the rate limit (4)', graphError(429, 4), 'rate-limited'],
    ['an outage (2)', graphError(503, 2), 'meta-unavailable'],
    ['an unknown code on a 500', graphError(500, 99999), 'meta-unavailable'],
    ['an unknown code on a 400', graphError(400, 99999), 'unknown'],
  ])('explains %s', (_, answer, reason) => {
    const outcome = interpretConnectionCheck(answer);
    expect(outcome.ok).toBe(false);
    expect(outcome.reason).toBe(reason);
  });

  it('keeps the code, subcode and Meta’s own message for the record', () => {
    expect(interpretConnectionCheck(graphError(401, 190, 463, 'Session has expired'))).toEqual({
      ok: false,
      reason: 'token-expired',
      code: 190,
      subcode: 463,
      metaMessage: 'Session has expired',
    });
  });

  it('says the Graph API could not be reached when nothing answered', () => {
    expect(interpretConnectionCheck({ status: 0, body: null }).reason).toBe('unreachable');
  });

  it('does not mistake an answer carrying an error for success', () => {
    expect(interpretConnectionCheck({ status: 200, body: { error: { code: 190 } } }).reason).toBe('token-invalid');
  });

  it('falls back on the HTTP status when the body is not Graph-shaped', () => {
    expect(reasonOfGraphError(null, null, 401)).toBe('token-invalid');
    expect(reasonOfGraphError(null, null, 404)).toBe('wrong-number-id');
    expect(interpretConnectionCheck({ status: 502, body: 'Bad gateway' }).reason).toBe('meta-unavailable');
  });
});
