import { describe, expect, it } from 'vitest';
import { conversationPath, isAppPath, isOfferAction, notificationClickPath, notificationUrl, OFFER_ACTIONS } from './notification-url';

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

describe('notificationClickPath', () => {
  it.each([
    ['/conversations/c1', 'accept', '/conversations/c1?offer=accept'],
    ['/conversations/c1', 'decline', '/conversations/c1?offer=decline'],
    ['/conversations/c1?note=n1#end', 'accept', '/conversations/c1?note=n1&offer=accept#end'],
    ['/conversations/c1?offer=decline', 'accept', '/conversations/c1?offer=accept'],
    ['/conversations/c1', 'claim', '/conversations/c1?claim=1'],
    ['/conversations/c1?claim=1#end', 'claim', '/conversations/c1?claim=1#end'],
  ])('opens %s with the %s answer for the page to carry out', (url, action, expected) => {
    expect(notificationClickPath(url, action)).toBe(expected);
    expect(isAppPath(notificationClickPath(url, action))).toBe(true);
  });

  it.each([
    ['a tap on the body', '/conversations/c1', ''],
    ['an unknown button', '/conversations/c1', 'snooze'],
    ['a button on a notification without a conversation', '/', 'accept'],
  ])('opens the stored path unchanged for %s', (_, url, action) => {
    expect(notificationClickPath(url, action)).toBe(url);
  });

  it('knows only the offer buttons', () => {
    expect(OFFER_ACTIONS.every(isOfferAction)).toBe(true);
    expect([null, 'Accept', 'claim', 1].some(isOfferAction)).toBe(false);
  });
});
