import 'fake-indexeddb/auto';
import PocketBase, { BaseAuthStore } from 'pocketbase';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../schemas/conversation';
import { DeskDb } from './db';
import { setMediaBudget } from './media-cache';
import { prefetchPushed, RECENT_MESSAGES, runPrefetch, shareTokenWithServiceWorker, WORKER_AUTH_KEY } from './prefetch';

const ME = 'agent0000000001';

/** A server that answers list requests for messages and notes, and records which conversations were asked for. */
function fakeServer(): { pb: PocketBase; asked: string[]; perPage: number[] } {
  const asked: string[] = [];
  const perPage: number[] = [];
  const pb = {
    filter: (raw: string, params: { id: string }) => raw.replace('{:id}', `"${params.id}"`),
    collection: (name: string) => ({
      getOne: async (id: string) => conversation(id, {}),
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

/** A token shaped like PocketBase's (the SDK reads only its expiry), valid for an hour or expired an hour ago. */
function token(expired = false): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const exp = Math.floor(Date.now() / 1000) + (expired ? -3600 : 3600);
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ id: ME, type: 'auth', exp })}.signature`;
}

describe('the token the service worker uses for push prefetch', () => {
  let db: DeskDb;
  beforeEach(async () => {
    db = new DeskDb(`token-test-${Math.random()}`);
    await setMediaBudget(db, 0);
  });
  afterEach(() => db.delete());

  const shared = async () => (await db.meta.get(WORKER_AUTH_KEY))?.value;
  /** The service worker's side: a push prefetch with a server that records whether it was asked at all. */
  const workerPrefetches = async () => {
    const server = fakeServer();
    const worker = Object.assign(server.pb, { authStore: new BaseAuthStore() });
    return { ran: await prefetchPushed(worker, db, 'mine00000000001'), asked: server.asked };
  };

  it('follows the app’s session and is gone after sign-out, so a push then downloads nothing', async () => {
    const app = new PocketBase('http://desk.test', new BaseAuthStore());
    app.authStore.save(token(), null);
    const stop = shareTokenWithServiceWorker(app, db);
    await expect.poll(shared).toBe(app.authStore.token);
    expect(await workerPrefetches()).toEqual({ ran: true, asked: ['mine00000000001'] });

    app.authStore.clear(); // what signing out (or a session refused by the server) does
    await expect.poll(shared).toBe('');
    expect(await workerPrefetches()).toEqual({ ran: false, asked: [] });
    stop();
  });

  it('is not sent once it has expired', async () => {
    await db.meta.put({ key: WORKER_AUTH_KEY, value: token(true) });
    expect(await workerPrefetches()).toEqual({ ran: false, asked: [] });
  });
});
