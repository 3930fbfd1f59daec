import { describe, expect, it } from 'vitest';
import { conversationRecordSchema } from '../schemas/conversation';
import { groupByTab, tabOf } from './queue-tabs';

const ME = 'me0000000000001';

function conversation(id: string, status: 'open' | 'pending' | 'resolved', assignee: string, lastMessageAt = 0) {
  return conversationRecordSchema.parse({ id, status, assignee, contact: 'x', last_message_at: new Date(lastMessageAt).toISOString() });
}

describe('tabOf', () => {
  it.each([
    ['open', ME, 'mine'],
    ['pending', ME, 'waiting'],
    ['open', '', 'unassigned'],
    ['pending', '', 'unassigned'],
    ['resolved', ME, 'resolved'],
    ['resolved', '', 'resolved'],
    ['open', 'someone0000else', null],
  ] as const)('puts a %s conversation assigned to "%s" in %s', (status, assignee, tab) => {
    expect(tabOf({ status, assignee }, ME)).toBe(tab);
  });
});

describe('snoozed conversations', () => {
  it.each([
    ['open', ME, 'snoozed'],
    ['pending', ME, 'snoozed'],
    ['open', '', 'snoozed'],
    ['resolved', ME, 'resolved'],
    ['open', 'someone0000else', null],
  ] as const)('puts a snoozed %s conversation assigned to "%s" in %s', (status, assignee, tab) => {
    expect(tabOf({ status, assignee, snooze_reason: 'until-time' }, ME)).toBe(tab);
  });

  it('lists the soonest to wake first, and those waiting for the customer last', () => {
    const snoozed = (id: string, reason: string, until?: number) =>
      conversationRecordSchema.parse({
        id,
        status: 'open',
        assignee: ME,
        contact: 'x',
        snooze_reason: reason,
        snoozed_until: until ? new Date(until).toISOString() : '',
      });
    const groups = groupByTab([snoozed('reply', 'until-customer'), snoozed('later', 'until-time', 9000), snoozed('soon', 'until-time', 2000)], ME);
    expect(groups.snoozed.map((c) => c.id)).toEqual(['soon', 'later', 'reply']);
    expect(groups.mine).toEqual([]);
  });
});

describe('groupByTab', () => {
  it('keeps conversations the FAQ bot is still answering out of the unassigned queue', () => {
    expect(tabOf({ status: 'open', assignee: '', bot_active: true }, ME)).toBeNull();
  });

  it('orders the unassigned queue by priority, then by who has waited longest', () => {
    const waiting = (id: string, priority: number, since: number) =>
      conversationRecordSchema.parse({ id, status: 'open', assignee: '', contact: 'x', priority, last_inbound_at: new Date(since).toISOString() });
    const groups = groupByTab([waiting('recent', 0, 5000), waiting('urgent', 600, 9000), waiting('oldest', 0, 1000)], ME);
    expect(groups.unassigned.map((c) => c.id)).toEqual(['urgent', 'oldest', 'recent']);
  });

  it('lists the newest activity first in the agent’s own tabs', () => {
    const groups = groupByTab([conversation('old', 'open', ME, 1000), conversation('new', 'open', ME, 5000), conversation('u', 'open', '', 3000)], ME);
    expect(groups.mine.map((c) => c.id)).toEqual(['new', 'old']);
    expect(groups.unassigned.map((c) => c.id)).toEqual(['u']);
    expect(groups.waiting).toEqual([]);
  });
});
