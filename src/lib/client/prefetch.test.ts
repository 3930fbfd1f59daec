import 'fake-indexeddb/auto';
import type PocketBase from 'pocketbase';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../schemas/conversation';
import { DeskDb } from './db';
import { setMediaBudget } from './media-cache';
import { RECENT_MESSAGES, runPrefetch } from './prefetch';

const ME = 'agent0000000001';

/** A server that answers list requests for messages and notes, and records which conversations were asked for. */
function fakeServer(): { pb: PocketBase; asked: string[]; perPage: number[] } {
  const asked: string[] = [];
  const perPage: number[] = [];
  const pb = {
    filter: (raw: string, params: { id: string }) => raw.replace('{:id}', `"${params.id}"`),
    collection: (name: string) => ({
      getList: async (_page: number, size: number, options: { filter: string }) => {
        const id = /"(.+)"/.exec(options.filter)![1]!;
        if (name === 'messages') {
          asked.push(id);
          perPage.push(size);
        }
        const items =
          name === 'messages'
            ? [{ id: `m${id}`, conversation: id, direction: 'in', type: 'text', text: 'Hello', status: 'received', created: '2026-12-01 10:00:00.000Z' }]
            : [];
        return { items };
      },
    }),
  } as unknown as PocketBase;
  return { pb, asked, perPage };
}

function conversation(id: string, fields: Partial<ConversationRecord>): ConversationRecord {
  return { id, status: 'open', assignee: ME, last_message_at: 1000, updated: 1000, bot_active: false, ...fields } as ConversationRecord;
}

describe('runPrefetch', () => {
  let db: DeskDb;
  beforeEach(async () => {
    db = new DeskDb(`prefetch-test-${Math.random()}`);
    // Files are out of this test's scope (Cache Storage is a browser API): no budget, nothing to fetch.
    await setMediaBudget(db, 0);
    await db.conversations.bulkPut([
      conversation('mine00000000001', {}),
      conversation('wait00000000001', { status: 'pending' }),
      conversation('team00000000001', { assignee: '' }),
      conversation('othr00000000001', { assignee: 'agent0000000002' }),
      conversation('done00000000001', { status: 'resolved' }),
    ]);
  });
  afterEach(() => db.delete());

  it('keeps the latest messages of Mine, Waiting and the team queue, not others’ or resolved conversations', async () => {
    const server = fakeServer();
    await runPrefetch(server.pb, db, ME, () => {});
    expect(server.asked.sort()).toEqual(['mine00000000001', 'team00000000001', 'wait00000000001']);
    expect(new Set(server.perPage)).toEqual(new Set([RECENT_MESSAGES]));
    expect(await db.messages.count()).toBe(3);
  });

  it('asks again only for the conversations that changed since', async () => {
    await runPrefetch(fakeServer().pb, db, ME, () => {});
    const again = fakeServer();
    await runPrefetch(again.pb, db, ME, () => {});
    expect(again.asked).toEqual([]);

    await db.conversations.update('team00000000001', { last_message_at: 2000 });
    const changed = fakeServer();
    await runPrefetch(changed.pb, db, ME, () => {});
    expect(changed.asked).toEqual(['team00000000001']);
  });

  it('reports the conversations still to download, ending at zero', async () => {
    const seen: number[] = [];
    await runPrefetch(fakeServer().pb, db, ME, (n) => seen.push(n));
    expect(seen[0]).toBe(3);
    expect(seen.at(-1)).toBe(0);
  });
});
