import 'fake-indexeddb/auto';
import type PocketBase from 'pocketbase';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeskDb } from './db';
import { refreshDirectory } from './directory';

let db: DeskDb;
let dbCount = 0;
beforeEach(() => {
  db = new DeskDb(`directory-test-${++dbCount}`);
});
afterEach(async () => db.delete());

/** A stand-in for the SDK: each collection answers with its list, or fails when told to. */
function fakePb(lists: Record<string, unknown[] | Error>, asked: Record<string, unknown>[] = []): PocketBase {
  return {
    collection: (name: string) => ({
      getFullList: async (options: Record<string, unknown>) => {
        asked.push({ name, ...options });
        const list = lists[name] ?? [];
        if (list instanceof Error) throw list;
        return list;
      },
    }),
  } as unknown as PocketBase;
}

const template = {
  id: 't1',
  name: 'order_ready',
  language: 'en',
  category: 'utility',
  parameter_format: 'named',
  status: 'approved',
  components: [{ type: 'BODY', text: 'Hi {{customer_name}}' }],
};

describe('refreshDirectory', () => {
  it('replaces every list with the server’s, dropping what the server no longer has', async () => {
    await db.labels.put({ id: 'gone', name: 'Old', color: '' });
    await refreshDirectory(fakePb({ labels: [{ id: 'l1', name: 'billing' }], templates: [template], teams: [{ id: 'team1', name: 'Field' }] }), db);
    expect(await db.labels.toArray()).toEqual([{ id: 'l1', name: 'billing', color: '' }]);
    expect(await db.templates.get('t1')).toMatchObject({
      name: 'order_ready',
      parameter_format: 'named',
      components: [{ type: 'BODY', text: 'Hi {{customer_name}}' }],
    });
    expect((await db.teams.toArray()).map((t) => t.name)).toEqual(['Field']);
  });

  it('asks only for approved templates and for colleagues without private fields', async () => {
    const asked: Record<string, unknown>[] = [];
    await refreshDirectory(fakePb({}, asked), db);
    expect(asked.find((a) => a.name === 'templates')).toMatchObject({ filter: 'status = "approved"' });
    expect(String(asked.find((a) => a.name === 'agents')?.fields)).not.toContain('email');
  });

  it('writes only the rows that changed, so an unchanged list wakes no screen', async () => {
    const labels = [
      { id: 'l1', name: 'billing' },
      { id: 'l2', name: 'urgent' },
    ];
    await refreshDirectory(fakePb({ labels }), db);
    const put = vi.spyOn(db.labels, 'bulkPut');
    const deleted = vi.spyOn(db.labels, 'bulkDelete');
    await refreshDirectory(fakePb({ labels }), db);
    expect(put).not.toHaveBeenCalled();
    expect(deleted).not.toHaveBeenCalled();

    await refreshDirectory(fakePb({ labels: [{ id: 'l1', name: 'invoices' }] }), db);
    expect(put).toHaveBeenCalledWith([{ id: 'l1', name: 'invoices', color: '' }]);
    expect(deleted).toHaveBeenCalledWith(['l2']);
    expect(await db.labels.toArray()).toEqual([{ id: 'l1', name: 'invoices', color: '' }]);
  });

  it('updates the lists that loaded when another fails, then reports the failure', async () => {
    await expect(refreshDirectory(fakePb({ teams: new Error('offline'), labels: [{ id: 'l1', name: 'billing' }] }), db)).rejects.toThrow('offline');
    expect(await db.labels.count()).toBe(1);
  });
});
