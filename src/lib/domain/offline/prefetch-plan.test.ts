import { describe, expect, it } from 'vitest';
import { planPrefetch } from './prefetch-plan';

const conversation = (id: string, last: number | null, updated: number | null = null) => ({ id, last_message_at: last, updated });

describe('planPrefetch', () => {
  it('downloads every conversation on the first sync', () => {
    const plan = planPrefetch([conversation('a', 10), conversation('b', 20)], {});
    expect(plan.download).toEqual(['a', 'b']);
    expect(plan.marks).toEqual({ a: 10, b: 20 });
  });

  it('on a repeat sync downloads only the conversations that changed', () => {
    const first = planPrefetch([conversation('a', 10), conversation('b', 20), conversation('c', 30)], {});
    const again = planPrefetch([conversation('a', 10), conversation('b', 25), conversation('c', 30, 40)], first.marks);
    expect(again.download).toEqual(['b', 'c']);
  });

  it('downloads nothing when nothing changed', () => {
    const queue = [conversation('a', 10, 12), conversation('b', null)];
    expect(planPrefetch(queue, planPrefetch(queue, {}).marks).download).toEqual([]);
  });

  it('forgets conversations that left the queues, so they download again if they come back', () => {
    const first = planPrefetch([conversation('a', 10), conversation('b', 20)], {});
    const without = planPrefetch([conversation('a', 10)], first.marks);
    expect(without.marks).toEqual({ a: 10 });
    expect(planPrefetch([conversation('a', 10), conversation('b', 20)], without.marks).download).toEqual(['b']);
  });
});
