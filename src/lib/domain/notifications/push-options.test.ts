import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from './notification-kind';
import { conversationTopic, MAX_TOPIC_LENGTH, pushOptionsFor } from './push-options';

describe('pushOptionsFor', () => {
  it.each([
    ['assigned', 'high'],
    ['offer', 'high'],
    ['handover', 'high'],
    ['mention', 'normal'],
    ['message', 'normal'],
  ] as const)('wakes the phone for %s with urgency %s', (kind, urgency) => {
    expect(pushOptionsFor(kind, 'c1').urgency).toBe(urgency);
  });

  it('drops an offer within minutes but keeps a mention for a day', () => {
    expect(pushOptionsFor('offer', 'c1').TTL).toBeLessThanOrEqual(300);
    expect(pushOptionsFor('mention', 'c1').TTL).toBe(86_400);
  });

  it.each(NOTIFICATION_KINDS)('gives %s a positive TTL of at most a day', (kind) => {
    const { TTL } = pushOptionsFor(kind, 'c1');
    expect(TTL).toBeGreaterThan(0);
    expect(TTL).toBeLessThanOrEqual(86_400);
  });

  it('shares one topic per conversation so a newer push replaces an undelivered one', () => {
    expect(pushOptionsFor('assigned', 'abc123def456ghi').topic).toBe(pushOptionsFor('message', 'abc123def456ghi').topic);
    expect(pushOptionsFor('assigned', 'abc123def456ghi').topic).not.toBe(pushOptionsFor('assigned', 'abc123def456ghj').topic);
  });

  it('sets no topic without a conversation', () => {
    expect(pushOptionsFor('mention', null).topic).toBeUndefined();
  });
});

describe('conversationTopic', () => {
  it.each(['abc123def456ghi', 'x'.repeat(30), 'x'.repeat(31), 'has space', 'ünïcode', 'a/b+c=', '', 'y'.repeat(500)])(
    'is at most 32 URL-safe base64 characters for %j',
    (id) => {
      const topic = conversationTopic(id);
      expect(topic.length).toBeLessThanOrEqual(MAX_TOPIC_LENGTH);
      expect(topic).toMatch(/^[A-Za-z0-9_-]+$/);
    },
  );

  it('is stable and keeps distinct long ids apart', () => {
    expect(conversationTopic('y'.repeat(500))).toBe(conversationTopic('y'.repeat(500)));
    expect(conversationTopic('y'.repeat(500))).not.toBe(conversationTopic('z'.repeat(500)));
  });
});
