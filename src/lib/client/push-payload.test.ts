import { describe, expect, it } from 'vitest';
import { buildPushPayload } from '../domain/notifications/push-payload';
import en from '../i18n/en/core';
import es from '../i18n/es/core';
import { noticeTitle, parsePushPayload, pushPrefetchTarget } from './push-payload';

const ORIGIN = 'https://desk.example';

describe('parsePushPayload', () => {
  it('reads title, body, url and tag', () => {
    const raw = JSON.stringify({ title: 'New message', body: 'Ana: hi', url: '/conversations/abc', tag: 'conv-abc' });
    expect(parsePushPayload(raw, ORIGIN)).toEqual({
      title: 'New message',
      body: 'Ana: hi',
      url: '/conversations/abc',
      tag: 'conv-abc',
      actions: [],
      waitingCount: null,
    });
  });

  it('never opens another origin', () => {
    expect(parsePushPayload(JSON.stringify({ title: 't', url: 'https://evil.example/x' }), ORIGIN).url).toBe('/');
  });

  it('still shows something for an empty or non-JSON push', () => {
    expect(parsePushPayload(null, ORIGIN)).toMatchObject({ title: 'Pocketdesk', body: '', url: '/' });
    expect(parsePushPayload('plain words', ORIGIN)).toMatchObject({ title: 'Pocketdesk', body: 'plain words' });
  });

  it('keeps only the offer buttons it knows, once each', () => {
    const raw = JSON.stringify({ title: 'Offer', url: '/conversations/abc', actions: ['accept', 'decline', 'accept', 'snooze', 7, null] });
    expect(parsePushPayload(raw, ORIGIN).actions).toEqual(['accept', 'decline']);
    expect(parsePushPayload(JSON.stringify({ title: 'Offer', actions: 'accept' }), ORIGIN).actions).toEqual([]);
  });

  it('reads what the worker builds for an offer', () => {
    const { json } = buildPushPayload({
      notification: { id: 'n1', kind: 'offer', title: 'Maria Lopez', body: 'Is my order ready?', url: '/conversations/abc', conversationId: 'abc' },
      customerName: 'Maria Lopez',
      channelName: 'Shop',
      messageText: null,
    });
    expect(parsePushPayload(json, ORIGIN)).toEqual({
      title: 'Maria Lopez',
      body: 'Shop · Is my order ready?',
      url: '/conversations/abc',
      tag: 'conversation-abc',
      actions: ['accept', 'decline'],
      waitingCount: null,
    });
  });
});

describe('a waiting-work push', () => {
  const waiting = (count: number) =>
    buildPushPayload({
      notification: { id: 'n2', kind: 'waiting', title: '', body: 'Is the shop open?', url: '/conversations/abc', conversationId: 'abc', count },
      customerName: 'Maria Lopez',
      channelName: 'Shop',
      messageText: null,
    }).json;

  it('carries the count and the Claim button', () => {
    expect(parsePushPayload(waiting(3), ORIGIN)).toMatchObject({
      title: '3 customers waiting',
      url: '/conversations/abc',
      tag: 'waiting',
      actions: ['claim'],
      waitingCount: 3,
    });
  });

  it.each([
    [en, 3, '3 customers waiting'],
    [en, 1, '1 customer waiting'],
    [es, 3, '3 clientes esperando'],
    [es, 1, '1 cliente esperando'],
  ])('is titled in the device language (%#)', (catalogue, count, title) => {
    expect(noticeTitle(parsePushPayload(waiting(count), ORIGIN), catalogue.waitingPush)).toBe(title);
  });

  it('keeps the title of every other push', () => {
    expect(noticeTitle(parsePushPayload(JSON.stringify({ title: 'Maria Lopez', kind: 'assigned' }), ORIGIN), es.waitingPush)).toBe('Maria Lopez');
  });
});

describe('pushPrefetchTarget', () => {
  const id = 'abcdefghij12345';
  it.each(['assigned', 'handover', 'escalated', 'offer'])('downloads the conversation of a %s push', (kind) => {
    expect(pushPrefetchTarget(JSON.stringify({ kind, conversationId: id }))).toBe(id);
  });
  it.each([
    ['a mention', { kind: 'mention', conversationId: id }],
    ['a malformed id', { kind: 'assigned', conversationId: '../api/x' }],
    ['no conversation', { kind: 'assigned', conversationId: null }],
  ])('ignores %s', (_name, data) => {
    expect(pushPrefetchTarget(JSON.stringify(data))).toBeNull();
  });
  it('ignores text that is not JSON', () => {
    expect(pushPrefetchTarget('hello')).toBeNull();
  });
});
