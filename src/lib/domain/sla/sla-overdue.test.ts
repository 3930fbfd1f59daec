import { describe, expect, it } from 'vitest';
import { isSlaOverdue } from './sla-overdue';

const now = Date.UTC(2026, 11, 7, 10, 0);
const minute = 60_000;

describe('isSlaOverdue', () => {
  it.each([
    ['open', now - minute, false, true],
    ['open', now - minute, true, true],
    ['open', now + minute, false, false],
    ['open', now, false, false],
    ['open', now + minute, true, true],
    ['open', null, true, true],
    ['open', null, false, false],
    ['pending', now - minute, false, true],
    ['resolved', now - minute, true, false],
    ['resolved', null, true, false],
  ] as const)('a %s conversation due %s, breached %s, is overdue: %s', (status, slaDueAt, slaBreached, expected) => {
    expect(isSlaOverdue({ status, slaDueAt, slaBreached }, now)).toBe(expected);
  });
});
