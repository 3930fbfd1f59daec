import { describe, expect, it } from 'vitest';
import { parsePushPayload } from './push-payload';

const ORIGIN = 'https://desk.example';

describe('parsePushPayload', () => {
  it('reads title, body, url and tag', () => {
    const raw = JSON.stringify({ title: 'New message', body: 'Ana: hi', url: '/conversations/abc', tag: 'conv-abc' });
    expect(parsePushPayload(raw, ORIGIN)).toEqual({ title: 'New message', body: 'Ana: hi', url: '/conversations/abc', tag: 'conv-abc' });
  });

  it('never opens another origin', () => {
    expect(parsePushPayload(JSON.stringify({ title: 't', url: 'https://evil.example/x' }), ORIGIN).url).toBe('/');
  });

  it('still shows something for an empty or non-JSON push', () => {
    expect(parsePushPayload(null, ORIGIN)).toMatchObject({ title: 'Pocketdesk', body: '', url: '/' });
    expect(parsePushPayload('plain words', ORIGIN)).toMatchObject({ title: 'Pocketdesk', body: 'plain words' });
  });
});
