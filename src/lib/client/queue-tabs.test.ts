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

describe('groupByTab', () => {
  it('lists the newest activity first in every tab', () => {
    const groups = groupByTab([conversation('old', 'open', ME, 1000), conversation('new', 'open', ME, 5000), conversation('u', 'open', '', 3000)], ME);
    expect(groups.mine.map((c) => c.id)).toEqual(['new', 'old']);
    expect(groups.unassigned.map((c) => c.id)).toEqual(['u']);
    expect(groups.waiting).toEqual([]);
  });
});
