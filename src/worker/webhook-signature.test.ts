import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from './webhook-signature';

const secret = 'whsec_test';
const body = '{"id":"e1","type":"message.received"}';

describe('webhook signatures', () => {
  it('signs timestamp.body with HMAC-SHA256 in the documented header format', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signBody(secret, 1_700_000_000, body)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies its own signature and refuses an altered body, another secret and an old timestamp', () => {
    const header = signBody(secret, 1_700_000_000, body);
    expect(verifySignature(secret, header, body, 1_700_000_010)).toBe(true);
    expect(verifySignature(secret, header, body.replace('e1', 'e2'), 1_700_000_010)).toBe(false);
    expect(verifySignature('whsec_other', header, body, 1_700_000_010)).toBe(false);
    expect(verifySignature(secret, header, body, 1_700_000_000 + 301)).toBe(false);
    expect(verifySignature(secret, 'garbage', body, 1_700_000_010)).toBe(false);
  });
});
