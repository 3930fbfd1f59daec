import { describe, expect, it } from 'vitest';
import { priorityPolicySchema } from '../../schemas/routing';
import { SERVICE_WINDOW_MS } from '../window/service-window';
import { compareQueue, MAX_PRIORITY, PRIORITY_BASE, priorityFor, rescoreWindowClosing, scorePriority, type QueueEntry } from './priority-score';

const now = Date.UTC(2026, 10, 25, 12, 0, 0);
const policy = priorityPolicySchema.parse({});
const calm = { text: 'Hello, a question about sizes', vip: false, previousEscalations: 0, lastInboundAt: now };

describe('scorePriority', () => {
  it('scores a calm message from a regular customer at zero, with no reasons', () => {
    expect(scorePriority(calm, now, policy)).toEqual({ score: 0, reasons: [] });
  });

  it.each([
    [{ text: 'This is URGENT' }, 'urgency-words', 40, 'urgent'],
    [{ text: 'es urgente, ahora mismo' }, 'urgency-words', 40, 'urgente, ahora mismo'],
    [{ text: 'reclamação!!' }, 'urgency-words', 40, 'reclamação'],
    [{ text: 'where is it 😡😡' }, 'angry-emoji', 30, '😡'],
    [{ vip: true }, 'vip', 50, 'vip'],
    [{ previousEscalations: 1 }, 'escalated', 40, '1'],
    [{ previousEscalations: 7 }, 'escalated', 120, '7'],
    [{ lastInboundAt: now - SERVICE_WINDOW_MS + 30 * 60_000 }, 'window-closing', 60, '30 min left'],
  ])('adds points for %j', (signals, code, points, detail) => {
    expect(scorePriority({ ...calm, ...signals }, now, policy)).toEqual({ score: points, reasons: [{ code, points, detail }] });
  });

  it.each([
    ['a window with plenty of time left', now - 60_000],
    ['a window that already closed', now - SERVICE_WINDOW_MS - 1],
    ['a customer who never wrote', null],
  ])('does not score %s', (_, lastInboundAt) => {
    expect(scorePriority({ ...calm, lastInboundAt }, now, policy).score).toBe(0);
  });

  it('adds every signal and lists each reason', () => {
    const scored = scorePriority({ text: 'URGENT 🤬', vip: true, previousEscalations: 2, lastInboundAt: now - SERVICE_WINDOW_MS + 60_000 }, now, policy);
    expect(scored.reasons.map((r) => r.code)).toEqual(['urgency-words', 'angry-emoji', 'vip', 'escalated', 'window-closing']);
    expect(scored.score).toBe(40 + 30 + 50 + 80 + 60);
  });

  it('leaves out signals the channel weighs at zero', () => {
    const quiet = priorityPolicySchema.parse({ points: { vip: 0 } });
    expect(scorePriority({ ...calm, vip: true }, now, quiet)).toEqual({ score: 0, reasons: [] });
  });

  it('ignores negative or fractional escalation counts sensibly', () => {
    expect(scorePriority({ ...calm, previousEscalations: -2 }, now, policy).score).toBe(0);
    expect(scorePriority({ ...calm, previousEscalations: 1.7 }, now, policy).score).toBe(40);
  });
});

describe('priorityFor', () => {
  it('starts from the level and stays inside the stored range', () => {
    expect(priorityFor('normal', { score: 0, reasons: [] })).toBe(PRIORITY_BASE.normal);
    expect(priorityFor('high', { score: 50, reasons: [] })).toBe(PRIORITY_BASE.high + 50);
    expect(priorityFor('urgent', { score: 5000, reasons: [] })).toBe(MAX_PRIORITY);
  });

  it('ranks an urgent rule above any normal conversation however many signals it has', () => {
    const loudest = scorePriority({ text: 'URGENT 🤬', vip: true, previousEscalations: 9, lastInboundAt: now - SERVICE_WINDOW_MS + 1 }, now, policy);
    expect(priorityFor('urgent', { score: 0, reasons: [] })).toBeGreaterThan(priorityFor('normal', loudest));
  });
});

describe('compareQueue', () => {
  it('puts higher priority first, then the longest waiting, then the smaller id', () => {
    const queue: QueueEntry[] = [
      { id: 'c', priority: 100, waitingSince: 5 },
      { id: 'b', priority: 100, waitingSince: 5 },
      { id: 'a', priority: 100, waitingSince: 9 },
      { id: 'd', priority: 300, waitingSince: 50 },
      { id: 'e', priority: 0, waitingSince: 1 },
    ];
    expect([...queue].sort(compareQueue).map((q) => q.id)).toEqual(['d', 'b', 'c', 'a', 'e']);
  });

  it('is a consistent total order on generated queues', () => {
    let seed = 5;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 200; round++) {
      const queue = Array.from({ length: 20 }, (_, i) => ({ id: `q${i}`, priority: Math.floor(next() * 3) * 100, waitingSince: Math.floor(next() * 5) }));
      const sorted = [...queue].sort(compareQueue);
      for (let i = 1; i < sorted.length; i++) {
        const [a, b] = [sorted[i - 1], sorted[i]];
        expect(compareQueue(a, b)).toBeLessThan(0);
        expect(compareQueue(b, a)).toBeGreaterThan(0);
        expect(a.priority > b.priority || (a.priority === b.priority && a.waitingSince <= b.waitingSince)).toBe(true);
      }
      expect([...queue].reverse().sort(compareQueue)).toEqual(sorted);
    }
  });
});

describe('rescoreWindowClosing', () => {
  const inbound = now - SERVICE_WINDOW_MS + 90 * 60_000; // 90 minutes left at `now`
  it.each([
    ['adds the points once the window closes within the minutes', { priority: 100, windowPoints: 0 }, inbound, { priority: 160, windowPoints: 60 }],
    ['keeps them while it is still closing', { priority: 160, windowPoints: 60 }, inbound, { priority: 160, windowPoints: 60 }],
    ['leaves a window with hours left alone', { priority: 100, windowPoints: 0 }, now - 60_000, { priority: 100, windowPoints: 0 }],
    ['takes them off when the customer writes again', { priority: 160, windowPoints: 60 }, now - 60_000, { priority: 100, windowPoints: 0 }],
    ['takes them off once the window has closed', { priority: 160, windowPoints: 60 }, now - SERVICE_WINDOW_MS - 1, { priority: 100, windowPoints: 0 }],
    [
      'keeps the field inside its range and remembers what it really added',
      { priority: 980, windowPoints: 0 },
      inbound,
      { priority: MAX_PRIORITY, windowPoints: 20 },
    ],
  ])('%s', (_, current, lastInboundAt, expected) => {
    expect(rescoreWindowClosing(current, lastInboundAt, now, policy)).toEqual(expected);
  });

  it('follows the configured minutes and points', () => {
    const custom = priorityPolicySchema.parse({ windowClosingMinutes: 60, points: { windowClosing: 25 } });
    expect(rescoreWindowClosing({ priority: 100, windowPoints: 0 }, inbound, now, custom)).toEqual({ priority: 100, windowPoints: 0 });
    expect(rescoreWindowClosing({ priority: 100, windowPoints: 0 }, inbound, now + 31 * 60_000, custom)).toEqual({ priority: 125, windowPoints: 25 });
  });
});
