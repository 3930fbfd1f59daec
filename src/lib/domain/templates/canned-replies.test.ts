import { describe, expect, it } from 'vitest';
import { expandCannedReply, searchCannedReplies, suggestCannedReplies, type CannedReply } from './canned-replies';

// Compact fixtures: 'shortcut | title | body'.
const replies: CannedReply[] = [
  'thanks | Thank you | Thanks for your patience, {{customer_name}}!',
  'ret | Returns (short) | Send it back within 30 days.',
  'return-policy | Return policy | Our policy: 30 days, free pickup.',
  'envio | Envío gratis | El envío es gratuito desde 30 €.',
  'hours | Opening hours | We open {{opens_at}}.',
  'bye | Goodbye | Have a nice day! Returning customers get 10% off.',
].map((line) => {
  const [shortcut = '', title = '', body = ''] = line.split(' | ');
  return { shortcut, title, body };
});
const shortcuts = (query: string, limit?: number) => searchCannedReplies(replies, query, limit).map((r) => r.shortcut);

describe('searchCannedReplies', () => {
  it.each([
    ['/ret', ['ret', 'return-policy', 'bye']],
    ['ret', ['ret', 'return-policy', 'bye']],
    ['/return', ['return-policy', 'ret', 'bye']],
    ['/RETURN-POL', ['return-policy']],
    ['/return pol', ['return-policy']],
    ['/envío', ['envio']],
    ['/gratuito', ['envio']],
    ['/ENVIO GRATIS', ['envio']],
    ['/days', ['ret', 'return-policy']],
    ['/hour', ['hours']],
    ['/zzz', []],
  ])('for %j lists %j', (query, expected) => {
    expect(shortcuts(query)).toEqual(expected);
  });

  it.each(['', '/', '   ', '/!!'])('lists every reply by shortcut for the empty query %j', (query) => {
    expect(shortcuts(query)).toEqual(['bye', 'envio', 'hours', 'ret', 'return-policy', 'thanks']);
  });

  it('stops at the limit', () => {
    expect(shortcuts('/ret', 2)).toEqual(['ret', 'return-policy']);
    expect(shortcuts('/ret', 0)).toEqual([]);
  });

  it('returns the caller’s own records', () => {
    const records = [{ id: 'r1', shortcut: 'hi', title: 'Hi', body: 'Hello', language: 'en' }];
    expect(searchCannedReplies(records, '/h')[0]).toBe(records[0]);
  });
});

describe('expandCannedReply', () => {
  it.each([
    ['Thanks for your patience, {{customer_name}}!', { customer_name: 'Lucía' }, 'Thanks for your patience, Lucía!'],
    ['Thanks for your patience, {{customer_name}}!', {}, 'Thanks for your patience!'],
    ['{{agent_name}} from {{channel_name}}. {{unknown}}', { agent_name: 'Ana', channel_name: 'Sol' }, 'Ana from Sol.'],
  ])('expands %j', (body, vars, expected) => {
    expect(expandCannedReply(body, vars)).toBe(expected);
  });
});

describe('suggestCannedReplies', () => {
  const list = ['hello', 'refund', 'tracking', 'bye'].map((id) => ({ id }));
  const uses = [
    { cannedReply: 'tracking', intent: 'delivery', uses: 2 },
    { cannedReply: 'bye', intent: 'delivery', uses: 5 },
    { cannedReply: 'refund', intent: 'refunds', uses: 9 },
  ];
  const order = (intent: string) => suggestCannedReplies(list, uses, intent).map(({ reply, suggested }) => `${reply.id}${suggested ? '*' : ''}`);

  it('puts the replies most sent for the conversation’s intent first, the rest in their order', () => {
    expect(order('delivery')).toEqual(['bye*', 'tracking*', 'hello', 'refund']);
    expect(order('refunds')).toEqual(['refund*', 'hello', 'tracking', 'bye']);
  });

  it.each([[''], ['unknown-intent']])('keeps the list as it is for intent %j', (intent) => {
    expect(order(intent)).toEqual(['hello', 'refund', 'tracking', 'bye']);
  });
});
