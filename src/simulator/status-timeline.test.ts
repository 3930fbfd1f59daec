import { describe, expect, it } from 'vitest';
import { advanceStatus, DEFAULT_STATUS_DELAYS, planStatuses } from './status-timeline';

const knobs = { reorder_statuses: false, drop_delivered_when_read: false };
const names = (plan: ReturnType<typeof planStatuses>) => plan.map((step) => step.status);

describe('planStatuses', () => {
  it('prices sent and delivered but not read', () => {
    const plan = planStatuses({ type: 'text', voice: false }, 'deliver', DEFAULT_STATUS_DELAYS, knobs);
    expect(plan.map((step) => [step.status, step.priced])).toEqual([
      ['sent', true],
      ['delivered', true],
      ['read', false],
    ]);
  });

  it('moves pricing to read when delivered is dropped', () => {
    const plan = planStatuses({ type: 'text', voice: false }, 'deliver', DEFAULT_STATUS_DELAYS, { ...knobs, drop_delivered_when_read: true });
    expect(plan.map((step) => [step.status, step.priced])).toEqual([
      ['sent', true],
      ['read', true],
    ]);
  });

  it('plays a voice note after it is read, but not a plain audio file', () => {
    expect(names(planStatuses({ type: 'audio', voice: true }, 'deliver', DEFAULT_STATUS_DELAYS, knobs))).toEqual(['sent', 'delivered', 'read', 'played']);
    expect(names(planStatuses({ type: 'audio', voice: false }, 'deliver', DEFAULT_STATUS_DELAYS, knobs))).toEqual(['sent', 'delivered', 'read']);
  });

  it('fails with a single failed status', () => {
    expect(names(planStatuses({ type: 'text', voice: false }, 'fail', DEFAULT_STATUS_DELAYS, knobs))).toEqual(['failed']);
  });
});

describe('advanceStatus', () => {
  it.each([
    ['accepted', 'sent', 'sent'],
    ['read', 'delivered', 'read'],
    ['delivered', 'read', 'read'],
    ['failed', 'read', 'failed'],
    ['read', 'failed', 'failed'],
  ] as const)('%s then %s shows %s', (current, incoming, expected) => {
    expect(advanceStatus(current, incoming)).toBe(expected);
  });
});
