import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeLikeMeta } from './meta-json';
import { signBody } from './signature';
import { APP_SECRET, startTestRig, type TestRig } from './testing/test-rig';
import { waitFor } from './testing/wait-for';

describe('serializeLikeMeta', () => {
  it('escapes non-ASCII characters as lowercase \\u sequences', () => {
    expect(serializeLikeMeta({ body: 'café Ñandú' })).toBe('{"body":"caf\\u00e9 \\u00d1and\\u00fa"}');
  });

  it('writes emoji as lowercase surrogate pairs', () => {
    expect(serializeLikeMeta({ emoji: '👍' })).toBe('{"emoji":"\\ud83d\\udc4d"}');
  });

  it('escapes forward slashes', () => {
    expect(serializeLikeMeta({ url: 'https://example.com/a' })).toBe('{"url":"https:\\/\\/example.com\\/a"}');
  });

  it('produces compact ASCII-only JSON that parses back to the same value', () => {
    const value = { text: { body: 'Hola 👋 ¿qué tal? 中文 /x\u2028' }, n: [1, 2.5, null, true], nested: { 'k/ey': 'v' } };
    const wire = serializeLikeMeta(value);
    expect(wire).toMatch(/^[\x20-\x7e]*$/);
    expect(wire).not.toContain(' {');
    expect(JSON.parse(wire)).toEqual(value);
  });
});

describe('signBody', () => {
  it('is the sha256= hex HMAC of the exact bytes with the app secret', () => {
    const body = serializeLikeMeta({ text: 'caf\u00e9' });
    const expected = createHmac('sha256', APP_SECRET).update(Buffer.from(body)).digest('hex');
    expect(signBody(body, APP_SECRET)).toBe(`sha256=${expected}`);
  });
});

describe('webhook delivery', () => {
  let rig: TestRig | undefined;
  afterEach(async () => rig?.close());

  it('signs the exact ASCII-escaped bytes it sends', async () => {
    rig = await startTestRig();
    await rig.simulator.injectInbound({ from: '16505551234', name: 'Zoë', text: 'Café? 👍 see https://x.y/z' });
    const hook = await waitFor(() => rig?.receiver.received[0], 5_000, 'the webhook');

    expect(hook.contentType).toBe('application/json');
    expect(hook.raw.every((byte) => byte < 0x80)).toBe(true);
    expect(hook.body).toContain('Caf\\u00e9? \\ud83d\\udc4d see https:\\/\\/x.y\\/z');
    expect(hook.body).toContain('"name":"Zo\\u00eb"');
    const mac = createHmac('sha256', APP_SECRET).update(hook.raw).digest('hex');
    expect(hook.signature).toBe(`sha256=${mac}`);
    // A backend that re-serialises before hashing gets a different digest: the bug this form exposes.
    const reserialised = createHmac('sha256', APP_SECRET).update(JSON.stringify(hook.json)).digest('hex');
    expect(reserialised).not.toBe(mac);
  });
});
