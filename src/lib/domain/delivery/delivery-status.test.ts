import { describe, expect, it } from 'vitest';
import { advanceStatus } from './delivery-status';

describe('advanceStatus', () => {
  it.each([
    ['sending', 'sent', 'sent'],
    ['sent', 'delivered', 'delivered'],
    ['sent', 'read', 'read'],
    ['delivered', 'read', 'read'],
    ['read', 'played', 'played'],
    ['queued', 'sent', 'sent'],
    ['sent', 'failed', 'failed'],
    ['delivered', 'failed', 'failed'],
  ])('moves %s up to %s → %s', (current, incoming, expected) => {
    expect(advanceStatus(current, incoming)).toBe(expected);
  });

  it.each([
    ['read', 'delivered'],
    ['played', 'read'],
    ['delivered', 'sent'],
    ['read', 'read'],
    ['failed', 'delivered'],
    ['failed', 'failed'],
    ['read', 'failed'],
    ['sent', 'deleted'],
    ['sent', 'received'],
  ])('ignores %s → %s (late, repeated, terminal or unknown)', (current, incoming) => {
    expect(advanceStatus(current, incoming)).toBeNull();
  });

  it('reaches the same final state whatever order the webhooks arrive in', () => {
    const sequence = ['sent', 'delivered', 'read', 'played'];
    const permutations = (items: string[]): string[][] =>
      items.length <= 1 ? [items] : items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
    for (const order of permutations(sequence)) {
      let status = 'sending';
      for (const incoming of order) status = advanceStatus(status, incoming) ?? status;
      expect(status, order.join(',')).toBe('played');
    }
  });
});
