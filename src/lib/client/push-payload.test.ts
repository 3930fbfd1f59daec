import { describe, expect, it } from 'vitest';
import { buildPushPayload } from '../domain/notifications/push-payload';
import type { NotificationKind } from '../domain/notifications/notification-kind';
import type { PushWording } from '../domain/notifications/push-wording';
import en from '../i18n/en/core';
import es from '../i18n/es/core';
import enThread from '../i18n/en/thread';
import esThread from '../i18n/es/thread';
import { noticeText, parsePushPayload, pushPrefetchTarget, type PushWords } from './push-payload';

// What the service worker hands noticeText: the device language's push words.
const words = {
  en: { ...enThread.pushWords, waitingTitle: en.waitingPush.title },
  es: { ...esThread.pushWords, waitingTitle: es.waitingPush.title },
} satisfies Record<string, PushWords>;

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
      kind: null,
      wording: null,
      channel: '',
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
      kind: 'offer',
      wording: null,
      channel: '',
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
    ['en', 3, '3 customers waiting'],
    ['en', 1, '1 customer waiting'],
    ['es', 3, '3 clientes esperando'],
    ['es', 1, '1 cliente esperando'],
  ] as const)('is titled in the device language (%s, %i)', (lang, count, title) => {
    expect(noticeText(parsePushPayload(waiting(count), ORIGIN), words[lang]).title).toBe(title);
  });

  it('keeps the title and body of a push about a named customer', () => {
    expect(noticeText(parsePushPayload(JSON.stringify({ title: 'Maria Lopez', body: 'Hola', kind: 'assigned' }), ORIGIN), words.es)).toEqual({
      title: 'Maria Lopez',
      body: 'Hola',
    });
  });
});

describe('noticeText: what the server meant, said in the device language', () => {
  /** The payload the worker builds for a row the server wrote with this wording. */
  const pushed = (kind: NotificationKind, title: string, body: string, wording: PushWording | null, customerName: string | null = null) =>
    buildPushPayload({
      notification: { id: 'n1', kind, title, body, url: '/conversations/abcdefghij12345', conversationId: 'abcdefghij12345', wording },
      customerName,
      channelName: 'Tienda',
      messageText: null,
    }).json;

  it.each([
    [
      'a hand-back of one conversation',
      pushed('assigned', 'Kofi', 'A conversation your colleague covered is back with you.', { key: 'handed-back', count: 1 }),
      { title: 'Kofi', body: 'Tienda · Una conversación que cubrió tu compañero vuelve a ti.' },
    ],
    [
      'a hand-back of three',
      pushed('assigned', 'Kofi', '3 conversations your colleagues covered are back with you.', { key: 'handed-back', count: 3 }),
      { title: 'Kofi', body: 'Tienda · 3 conversaciones que cubrieron tus compañeros vuelven a ti.' },
    ],
    [
      'a missed first response',
      pushed('sla', 'SLA missed', 'first response overdue', { key: 'sla-missed', target: 'first-response' }),
      { title: 'SLA incumplido', body: 'Tienda · Primera respuesta atrasada' },
    ],
    [
      'a paused integration',
      pushed('integration', 'Integration paused: CRM', 'failing-24h', { key: 'integration-paused', endpoint: 'CRM', reason: 'failing-24h' }),
      { title: 'Integración en pausa: CRM', body: 'El receptor falló durante 24 horas.' },
    ],
    ['a push titled by its kind', pushed('escalated', '', 'Necesito ayuda', null, 'Ana'), { title: 'Escalada a ti: Ana', body: 'Tienda · Necesito ayuda' }],
    ['a push titled by its kind, nobody named', pushed('snooze', '', 'Hola', null), { title: 'Vuelve de la pausa', body: 'Tienda · Hola' }],
  ])('says %s in Spanish', (_name, json, shown) => {
    expect(noticeText(parsePushPayload(json, ORIGIN), words.es)).toEqual(shown);
  });

  it('says in English exactly what the server wrote in English', () => {
    const json = pushed('assigned', 'Kofi', 'A conversation your colleague covered is back with you.', { key: 'handed-back', count: 1 });
    const sent = JSON.parse(json) as { title: string; body: string };
    expect(noticeText(parsePushPayload(json, ORIGIN), words.en)).toEqual({ title: sent.title, body: sent.body });
  });

  it.each([
    ['an unknown key', { key: 'drop-tables' }],
    ['a count that is not a number', { key: 'handed-back', count: '3' }],
    ['an unknown SLA target', { key: 'sla-missed', target: 'lunch' }],
  ])('shows the English as sent for %s', (_name, wording) => {
    const json = JSON.stringify({ title: 'Kofi', body: 'Shop · back with you', kind: 'assigned', wording, channel: 'Shop' });
    expect(noticeText(parsePushPayload(json, ORIGIN), words.es)).toEqual({ title: 'Kofi', body: 'Shop · back with you' });
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
