import { describe, expect, it } from 'vitest';
import { conversationPath, isAppPath, notificationUrl } from './notification-url';

describe('notificationUrl', () => {
  it('opens the conversation the notification is about', () => {
    expect(notificationUrl('', 'abc123def456ghi')).toBe('/conversations/abc123def456ghi');
  });

  it('keeps a stored app path', () => {
    expect(notificationUrl('/conversations/x?note=n1', 'abc')).toBe('/conversations/x?note=n1');
  });

  it.each(['https://evil.example/x', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'conversations/x', '/a b'])(
    'never opens another origin or a malformed path: %s',
    (url) => {
      expect(notificationUrl(url, 'c1')).toBe('/conversations/c1');
    },
  );

  it('falls back to the queue without a conversation', () => {
    expect(notificationUrl(null, null)).toBe('/');
  });

  it('escapes an id that is not a plain record id', () => {
    expect(conversationPath('a/b?c')).toBe('/conversations/a%2Fb%3Fc');
    expect(isAppPath(conversationPath('a/b?c'))).toBe(true);
  });
});
