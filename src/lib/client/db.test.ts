import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DeskDb } from './db';

describe('DeskDb', () => {
  it('upgrades a version 1 device: conversations gain the newer fields and the new lists exist', async () => {
    const name = 'db-upgrade-test';
    const v1 = new Dexie(name);
    v1.version(1).stores({
      conversations: 'id, status, last_message_at',
      messages: 'id, [conversation+at]',
      notes: 'id, [conversation+at]',
      outbox: '++seq, conversation, state',
      meta: 'key',
    });
    await v1.table('conversations').put({ id: 'c1', contact: 'p1', status: 'open', assignee: '', contact_name: 'Maria' });
    v1.close();

    const db = new DeskDb(name);
    try {
      expect(await db.conversations.get('c1')).toMatchObject({ contact_name: 'Maria', labels: [], first_response_at: null, created: null });
      expect((await db.conversations.where('contact').equals('p1').toArray()).map((c) => c.id)).toEqual(['c1']);
      expect(await db.templates.count()).toBe(0);
    } finally {
      await db.delete();
    }
  });

  it('forgets everything for the next agent', async () => {
    const db = new DeskDb('db-clear-test');
    try {
      await db.labels.put({ id: 'l1', name: 'billing', color: '' });
      await db.meta.put({ key: 'owner', value: 'a1' });
      await db.clearAll();
      expect([await db.labels.count(), await db.meta.count()]).toEqual([0, 0]);
    } finally {
      await db.delete();
    }
  });
});
