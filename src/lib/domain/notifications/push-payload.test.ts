import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from './notification-kind';
import {
  buildPushPayload,
  clampText,
  firstLine,
  MAX_BODY_UNITS,
  MAX_PUSH_PAYLOAD_BYTES,
  MAX_TITLE_UNITS,
  utf8ByteLength,
  type PushPayloadSource,
} from './push-payload';

const source = (
  overrides: Partial<PushPayloadSource['notification']> = {},
  rest: Partial<Omit<PushPayloadSource, 'notification'>> = {},
): PushPayloadSource => ({
  notification: {
    id: 'n1',
    kind: 'assigned',
    title: 'Maria Lopez',
    body: 'My order never arrived',
    url: '/conversations/c1',
    conversationId: 'c1',
    ...overrides,
  },
  customerName: 'Maria Lopez',
  channelName: 'Shop',
  messageText: null,
  ...rest,
});

/** Independent UTF-8 count: Node's encoder. */
const realBytes = (text: string) => Buffer.byteLength(text, 'utf8');
const hasBrokenPair = (text: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

describe('utf8ByteLength', () => {
  it.each(['', 'hello', 'ñandú', '日本語', '👩🏽‍💻 done', 'a\u0000b', '\u{10ffff}'])('counts %j like a UTF-8 encoder', (text) => {
    expect(utf8ByteLength(text)).toBe(realBytes(text));
  });

  it('counts a lone surrogate as the replacement character it becomes', () => {
    expect(utf8ByteLength('a\ud83d')).toBe(realBytes('a\ufffd'));
  });
});

describe('firstLine', () => {
  it('takes the first non-empty line and collapses whitespace', () => {
    expect(firstLine('\n\n  Hello   there \r\nsecond line')).toBe('Hello there');
  });

  it('is empty for nothing', () => {
    expect(firstLine(null)).toBe('');
  });
});

describe('clampText', () => {
  it('cuts between code points and marks the cut', () => {
    const clamped = clampText('😀'.repeat(150), 200);
    expect(clamped.length).toBeLessThanOrEqual(200);
    expect(clamped.endsWith('…')).toBe(true);
    expect(hasBrokenPair(clamped)).toBe(false);
  });

  it('leaves short text alone', () => {
    expect(clampText('short', 200)).toBe('short');
  });
});

describe('buildPushPayload', () => {
  it('carries title, body, click URL, a per-conversation tag and the kind', () => {
    const { payload, json } = buildPushPayload(source());
    expect(payload).toEqual({
      title: 'Maria Lopez',
      body: 'Shop · My order never arrived',
      url: '/conversations/c1',
      tag: 'conversation-c1',
      conversationId: 'c1',
      kind: 'assigned',
    });
    expect(JSON.parse(json)).toEqual(payload);
  });

  it('falls back to the first line of the customer message and a title naming the customer', () => {
    const { payload } = buildPushPayload(source({ title: '', body: '' }, { messageText: 'Hi!\nI need a refund', channelName: null }));
    expect(payload.title).toBe('New conversation: Maria Lopez');
    expect(payload.body).toBe('Hi!');
  });

  it('opens the conversation when the stored URL is missing or foreign', () => {
    expect(buildPushPayload(source({ url: 'https://evil.example' })).payload.url).toBe('/conversations/c1');
    expect(buildPushPayload(source({ url: '', conversationId: null })).payload).toMatchObject({ url: '/', tag: 'notification-n1' });
  });

  it.each(NOTIFICATION_KINDS)('has a title for %s without any text', (kind) => {
    const { payload } = buildPushPayload(source({ kind, title: '', body: '' }, { customerName: null, channelName: null }));
    expect(payload.title.length).toBeGreaterThan(0);
  });

  it('keeps title and body within what the service worker shows', () => {
    const { payload } = buildPushPayload(source({ title: 'T'.repeat(400), body: 'B'.repeat(900) }));
    expect(payload.title.length).toBeLessThanOrEqual(MAX_TITLE_UNITS);
    expect(payload.body.length).toBeLessThanOrEqual(MAX_BODY_UNITS);
  });

  const nasty = [
    ['emoji', '👩🏽‍💻'],
    ['4-byte', '𝕏'],
    ['CJK', '語'],
    ['escaped control characters', '\u0001\u0002'],
    ['quotes and backslashes', '"\\'],
    ['lone surrogates', '\ud83d'],
    ['mixed', 'aé語😀"\\\u0007'],
  ] as const;
  // A long non-ASCII deep link eats most of the budget, so title and body must give way.
  const longUrl = `/conversations/c1?q=${'語'.repeat(900)}`;

  it.each(nasty)('stays within the byte limit and never splits a pair with %s', (_, unit) => {
    const long = unit.repeat(2000);
    const built = buildPushPayload(source({ title: long, body: long, url: longUrl }, { channelName: long }));
    expect(built.bytes).toBe(realBytes(built.json));
    expect(built.bytes).toBeLessThanOrEqual(MAX_PUSH_PAYLOAD_BYTES);
    expect(hasBrokenPair(built.payload.title + built.payload.body)).toBe(false);
    expect(built.payload.title.length).toBeGreaterThan(0);
  });

  it('shortens the body before the title when the payload is too big', () => {
    const built = buildPushPayload(source({ title: 'Maria', body: '"'.repeat(2000), url: longUrl }, { channelName: null }));
    expect(built.payload.title).toBe('Maria');
    expect(built.payload.url).toBe(longUrl);
    expect(built.payload.body.endsWith('…')).toBe(true);
    expect(built.bytes).toBeLessThanOrEqual(MAX_PUSH_PAYLOAD_BYTES);
  });

  it('uses nearly the whole budget instead of cutting too early', () => {
    const built = buildPushPayload(source({ title: '😀'.repeat(100), body: '語'.repeat(1000), url: longUrl }, { channelName: null }));
    expect(built.bytes).toBeGreaterThan(MAX_PUSH_PAYLOAD_BYTES - 8);
    expect(built.bytes).toBeLessThanOrEqual(MAX_PUSH_PAYLOAD_BYTES);
  });

  it('turns control characters into spaces and lone surrogates into U+FFFD', () => {
    const { payload } = buildPushPayload(source({ title: 'a\u0007b\ud83d', body: 'x\ty' }, { channelName: null }));
    expect(payload.title).toBe('a b\ufffd');
    expect(payload.body).toBe('x y');
  });

  it('never splits a surrogate pair over many generated texts', () => {
    const alphabet = ['a', 'é', '語', '😀', '👍🏽', '\u0001', '"', ' ', '\n'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: Math.floor(next() * 1500) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const built = buildPushPayload(
        source({ title: text, body: text, url: next() < 0.5 ? longUrl : '' }, { channelName: text.slice(0, 50), customerName: text }),
      );
      expect(built.bytes).toBeLessThanOrEqual(MAX_PUSH_PAYLOAD_BYTES);
      expect(hasBrokenPair(built.json)).toBe(false);
      expect(hasBrokenPair(built.payload.title + built.payload.body)).toBe(false);
    }
  });

  it('falls back to a generic notice when even the ids are absurd', () => {
    const built = buildPushPayload(source({ conversationId: 'x'.repeat(5000), url: '' }));
    expect(built.bytes).toBeLessThanOrEqual(MAX_PUSH_PAYLOAD_BYTES);
    expect(built.payload).toMatchObject({ url: '/', conversationId: null, kind: 'assigned' });
  });
});

describe('buildPushPayload: words the device says in its language', () => {
  it("carries the server's wording, with the channel to put before the body", () => {
    const { payload } = buildPushPayload(
      source({ title: 'Maria Lopez', body: 'A conversation your colleague covered is back with you.', wording: { key: 'handed-back', count: 1 } }),
    );
    expect(payload).toMatchObject({
      title: 'Maria Lopez',
      body: 'Shop · A conversation your colleague covered is back with you.',
      wording: { key: 'handed-back', count: 1 },
      channel: 'Shop',
    });
  });

  it('words a title it made from the kind, naming the customer', () => {
    const { payload } = buildPushPayload(source({ kind: 'escalated', title: '' }));
    expect(payload).toMatchObject({ title: 'Escalated to you: Maria Lopez', wording: { key: 'kind-title', customer: 'Maria Lopez' } });
  });

  it("carries no wording when the title is the customer's name and the body their words", () => {
    expect(buildPushPayload(source()).payload).not.toHaveProperty('wording');
    expect(buildPushPayload(source({ kind: 'waiting', title: '', count: 2 })).payload).not.toHaveProperty('wording');
  });

  it('keeps a generic notice worded by its kind', () => {
    const built = buildPushPayload(source({ conversationId: 'x'.repeat(5000), url: '', wording: { key: 'handed-back', count: 2 } }));
    expect(built.payload.wording).toEqual({ key: 'kind-title', customer: null });
  });
});

describe('buildPushPayload for offers', () => {
  const offer = (overrides: Partial<PushPayloadSource['notification']> = {}, rest: Partial<Omit<PushPayloadSource, 'notification'>> = {}) =>
    buildPushPayload(source({ kind: 'offer', conversationId: 'abc123def456ghi', url: '/conversations/abc123def456ghi', ...overrides }, rest));

  it('carries Accept and Decline for an offer, Claim for waiting work, and no buttons for other kinds', () => {
    expect(offer().payload.actions).toEqual(['accept', 'decline']);
    expect(buildPushPayload(source({ kind: 'waiting' })).payload.actions).toEqual(['claim']);
    for (const kind of NOTIFICATION_KINDS.filter((k) => k !== 'offer' && k !== 'waiting'))
      expect(buildPushPayload(source({ kind })).payload.actions).toBeUndefined();
  });

  it('says how many customers wait, one notice per device whoever is first in line', () => {
    const built = buildPushPayload(source({ kind: 'waiting', count: 3, title: '' }));
    expect(built.payload).toMatchObject({ title: '3 customers waiting', count: 3, tag: 'waiting', actions: ['claim'] });
    expect(buildPushPayload(source({ kind: 'waiting', count: 1 })).payload.title).toBe('1 customer waiting');
  });

  it('keeps the buttons within the 3,993-byte limit, however long and odd the texts', () => {
    const long = '"\\\u0001語😀'.repeat(2000);
    const built = offer({ title: long, body: long }, { customerName: long, channelName: long, messageText: long });
    expect(built.bytes).toBeLessThanOrEqual(MAX_PUSH_PAYLOAD_BYTES);
    expect(realBytes(built.json)).toBe(built.bytes);
    expect(JSON.parse(built.json).actions).toEqual(['accept', 'decline']);
  });

  it('drops the buttons with the conversation when only a generic notice fits', () => {
    const built = offer({ conversationId: 'x'.repeat(5000), url: '' });
    expect(built.payload).toMatchObject({ url: '/', conversationId: null });
    expect(built.payload.actions).toBeUndefined();
  });
});
