import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeskDb } from './db';
import { Dexie } from 'dexie';
import { fetchTick, removeRecord, replaceConversations, storeRecord, storeThread } from './local-records';

let db: DeskDb;
let dbCount = 0;

beforeEach(() => {
  db = new DeskDb(`local-records-test-${++dbCount}`);
});
afterEach(async () => db.delete());

function conversation(id: string, updated: string, extra: Record<string, unknown> = {}) {
  return { id, contact: 'contact00000001', status: 'open', assignee: '', updated, ...extra };
}

describe('storeRecord', () => {
  it('keeps the contact name when an update arrives without the expanded contact', async () => {
    await storeRecord(db, 'conversations', conversation('c1', '2026-11-25 10:00:00.000Z', { expand: { contact: { name: 'Maria' } } }));
    await storeRecord(db, 'conversations', conversation('c1', '2026-11-25 10:05:00.000Z', { status: 'pending' }));
    expect(await db.conversations.get('c1')).toMatchObject({ status: 'pending', contact_name: 'Maria' });
  });

  it('ignores a copy older than the one it has (realtime and refresh race)', async () => {
    await storeRecord(db, 'conversations', conversation('c1', '2026-11-25 10:05:00.000Z', { status: 'resolved' }));
    await storeRecord(db, 'conversations', conversation('c1', '2026-11-25 10:00:00.000Z', { status: 'open' }));
    expect((await db.conversations.get('c1'))?.status).toBe('resolved');
  });

  it('keeps a status change the server has not heard of yet over the server copy', async () => {
    await db.outbox.add({
      collection: 'conversations',
      op: 'update',
      record_id: 'c1',
      conversation: 'c1',
      data: { status: 'resolved' },
      created_at: 0,
      state: 'pending',
      reason: '',
    });
    await storeRecord(db, 'conversations', conversation('c1', '2026-11-25 10:05:00.000Z', { status: 'open' }));
    expect((await db.conversations.get('c1'))?.status).toBe('resolved');
  });

  it('skips a record that does not parse instead of failing the sync', async () => {
    await storeRecord(db, 'messages', { id: 'm1' });
    expect(await db.messages.count()).toBe(0);
  });

  it('orders inbound messages by Meta timestamp and outbound ones by creation time', async () => {
    const base = { conversation: 'c1', type: 'text', status: 'received' };
    await storeRecord(db, 'messages', { ...base, id: 'in', direction: 'in', timestamp: '2026-11-25 09:00:00.000Z', created: '2026-11-25 09:30:00.000Z' });
    await storeRecord(db, 'messages', { ...base, id: 'out', direction: 'out', created: '2026-11-25 09:10:00.000Z' });
    const ordered = await db.messages.where('[conversation+at]').between(['c1', -Infinity], ['c1', Infinity]).toArray();
    expect(ordered.map((m) => m.id)).toEqual(['in', 'out']);
  });
});

describe('storing the copy the device already has', () => {
  const message = (text: string) => ({
    id: 'm1',
    conversation: 'c1',
    direction: 'in',
    type: 'text',
    status: 'received',
    text,
    created: '2026-11-25 09:00:00.000Z',
  });
  const note = { id: 'n1', conversation: 'c1', author: 'a1', text: 'Called back', created: '2026-11-25 09:05:00.000Z' };

  it('writes nothing, so the open screen does not read and draw again', async () => {
    const server = conversation('c1', '2026-11-25 10:00:00.000Z', { expand: { contact: { id: 'contact00000001', name: 'Maria' } } });
    await storeRecord(db, 'conversations', server);
    await storeThread(db, [message('Hello')], [note]);
    expect(await writesDuring(() => storeRecord(db, 'conversations', server))).toBe(0);
    expect(await writesDuring(() => storeThread(db, [message('Hello')], [note]))).toBe(0);
  });

  it('still writes what changed', async () => {
    await storeThread(db, [message('Hello')], [note]);
    expect(await writesDuring(() => storeThread(db, [message('Hello again')], [note]))).toBeGreaterThan(0);
    expect((await db.messages.get('m1'))?.text).toBe('Hello again');
    await storeRecord(db, 'conversations', conversation('c1', '2026-11-25 10:00:00.000Z'));
    await storeRecord(db, 'conversations', conversation('c1', '2026-11-25 10:05:00.000Z', { status: 'pending' }));
    expect((await db.conversations.get('c1'))?.status).toBe('pending');
  });
});

/** How many times the device's database told live queries something changed while `run` ran. */
async function writesDuring(run: () => Promise<void>): Promise<number> {
  let writes = 0;
  const count = () => void writes++;
  Dexie.on('storagemutated', count);
  try {
    await run();
  } finally {
    Dexie.on('storagemutated').unsubscribe(count);
  }
  return writes;
}

describe('replaceConversations', () => {
  it('drops conversations the agent can no longer see and keeps newer local copies', async () => {
    await storeRecord(db, 'conversations', conversation('gone', '2026-11-25 10:00:00.000Z'));
    await storeRecord(db, 'conversations', conversation('kept', '2026-11-25 10:10:00.000Z', { status: 'pending' }));
    await replaceConversations(db, [conversation('kept', '2026-11-25 10:00:00.000Z'), conversation('new', '2026-11-25 10:00:00.000Z')]);
    expect((await db.conversations.toArray()).map((c) => [c.id, c.status]).sort()).toEqual([
      ['kept', 'pending'],
      ['new', 'open'],
    ]);
  });

  it('writes nothing when the queue the server sent is the one the device has, and only what changed otherwise', async () => {
    const queue = [conversation('c1', '2026-11-25 10:00:00.000Z'), conversation('c2', '2026-11-25 10:00:00.000Z')];
    await replaceConversations(db, queue);
    expect(await writesDuring(() => replaceConversations(db, queue))).toBe(0);
    const put = vi.spyOn(db.conversations, 'bulkPut');
    await replaceConversations(db, [queue[0], conversation('c2', '2026-11-25 10:05:00.000Z', { status: 'pending' })]);
    expect(put.mock.calls.map(([rows]) => rows.map((c) => c.id))).toEqual([['c2']]);
    expect((await db.conversations.get('c2'))?.status).toBe('pending');
  });
});

describe('a conversation that left the device while a fetch was in flight', () => {
  const copy = conversation('c1', '2026-11-25 10:00:00.000Z', { assignee: 'me' });

  it('is not brought back by a queue answer that was asked for before it left', async () => {
    await storeRecord(db, 'conversations', copy);
    const fetchedAt = fetchTick();
    await removeRecord(db, 'conversations', 'c1'); // handed over while the queue request was out
    await replaceConversations(db, [copy, conversation('c2', '2026-11-25 10:00:00.000Z')], fetchedAt);
    expect((await db.conversations.toArray()).map((c) => c.id)).toEqual(['c2']);
  });

  it('is not brought back by a single record fetched before it left', async () => {
    const fetchedAt = fetchTick();
    await removeRecord(db, 'conversations', 'c1');
    await storeRecord(db, 'conversations', copy, fetchedAt);
    expect(await db.conversations.get('c1')).toBeUndefined();
  });

  it('comes back when a later fetch or a realtime event shows it again (handed back)', async () => {
    await removeRecord(db, 'conversations', 'c1');
    await replaceConversations(db, [copy], fetchTick());
    expect(await db.conversations.get('c1')).toBeDefined();
    await removeRecord(db, 'conversations', 'c1');
    await storeRecord(db, 'conversations', copy);
    expect(await db.conversations.get('c1')).toBeDefined();
  });
});

describe('contacts and colleagues', () => {
  const contact = { id: 'contact00000001', name: 'Maria', wa_id: '15550001', vip: false, labels: [], updated: '2026-11-25 10:00:00.000Z' };

  it('keeps the customer that came expanded with a conversation', async () => {
    await storeRecord(db, 'conversations', conversation('c1', '2026-11-25 10:00:00.000Z', { expand: { contact } }));
    expect(await db.contacts.get('contact00000001')).toMatchObject({ name: 'Maria', wa_id: '15550001', vip: false });
  });

  it('keeps a VIP flag set offline over the server copy until it syncs', async () => {
    await db.outbox.add({
      collection: 'contacts',
      op: 'update',
      record_id: contact.id,
      conversation: '',
      data: { vip: true },
      created_at: 0,
      state: 'pending',
      reason: '',
    });
    await storeRecord(db, 'contacts', contact);
    expect((await db.contacts.get(contact.id))?.vip).toBe(true);
  });

  it('keeps labels added offline to a conversation', async () => {
    await db.outbox.add({
      collection: 'conversations',
      op: 'update',
      record_id: 'c1',
      conversation: 'c1',
      data: { labels: ['l1'] },
      created_at: 0,
      state: 'pending',
      reason: '',
    });
    await replaceConversations(db, [conversation('c1', '2026-11-25 10:00:00.000Z', { labels: [] })]);
    expect((await db.conversations.get('c1'))?.labels).toEqual(['l1']);
  });

  it('stores a colleague’s shift change from realtime', async () => {
    await storeRecord(db, 'agents', { id: 'agent0000000001', name: 'Ben', status: 'away', role: 'agent', teams: ['t1'], max_open: 0 });
    expect(await db.agents.get('agent0000000001')).toMatchObject({ name: 'Ben', status: 'away', teams: ['t1'], max_open: 0 });
  });
});
