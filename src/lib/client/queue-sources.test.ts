import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { conversationRecordSchema, messageRecordSchema } from '../schemas/conversation';
import { DeskDb } from './db';
import { groupByTab } from './queue-tabs';
import { loadFirstRows, loadSearchSources } from './queue-sources';

const ME = 'me0000000000001';
let db: DeskDb;

afterEach(async () => {
  await db.delete();
});

function conversation(n: number, status: 'open' | 'pending' | 'resolved', assignee: string) {
  return {
    ...conversationRecordSchema.parse({ id: `c${n}`, status, assignee, contact: `p${n}`, last_message_at: new Date(1_000_000 + n * 1000).toISOString() }),
    contact_name: `Customer ${n}`,
  };
}

describe('loadFirstRows', () => {
  it('reads the first rows of a tab in the order the whole tab is shown', async () => {
    db = new DeskDb('queue-first-rows');
    const all = Array.from({ length: 60 }, (_, n) => conversation(n, n % 3 === 0 ? 'pending' : n % 7 === 0 ? 'resolved' : 'open', n % 5 === 0 ? '' : ME));
    await db.conversations.bulkPut(all);
    const groups = groupByTab(all, ME);
    for (const tab of ['mine', 'waiting', 'resolved'] as const) {
      expect((await loadFirstRows(db, tab, ME, 5))!.map((c) => c.id)).toEqual(groups[tab].slice(0, 5).map((c) => c.id));
    }
  });

  it('leaves the unassigned tab, ordered by priority, to the full read', async () => {
    db = new DeskDb('queue-first-rows-unassigned');
    await db.conversations.put(conversation(1, 'open', ''));
    expect(await loadFirstRows(db, 'unassigned', ME, 5)).toBeNull();
  });
});

describe('loadSearchSources', () => {
  it('maps each customer to their number and lists cached message texts', async () => {
    db = new DeskDb('queue-search-sources');
    await db.contacts.put({
      id: 'p1',
      name: 'Ana',
      profile_name: '',
      username: '',
      wa_id: '34600111222',
      owner: '',
      labels: [],
      vip: false,
      language: '',
      updated: null,
    });
    await db.messages.put(messageRecordSchema.parse({ id: 'm1', conversation: 'c1', direction: 'in', type: 'text', text: 'Hola' }));
    const sources = await loadSearchSources(db);
    expect(sources.phoneByContact.get('p1')).toBe('34600111222');
    expect(sources.messages.map((m) => [m.conversation, m.text])).toEqual([['c1', 'Hola']]);
  });
});
