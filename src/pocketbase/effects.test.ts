import { describe, expect, it } from 'vitest';
import { EffectList } from './effects';

// A record as far as the effect list looks at it; the fake writer records what would reach the database.
function fakeRecord(collection: string, isNew: boolean): core.Record {
  return { isNew: () => isNew, collection: () => ({ name: collection }) } as unknown as core.Record;
}

function fakeApp() {
  const log: string[] = [];
  const name = (record: core.Record) => (record as unknown as { collection(): { name: string } }).collection().name;
  return {
    log,
    app: {
      save: (record: core.Record) => void log.push(`save ${name(record)}`),
      delete: (record: core.Record) => void log.push(`delete ${name(record)}`),
    } as unknown as core.App,
  };
}

describe('EffectList', () => {
  it('writes a row saved several times once, at its first place, in the order rows were first decided', () => {
    const list = new EffectList();
    const contact = fakeRecord('contacts', true);
    const conversation = fakeRecord('conversations', true);
    const message = fakeRecord('messages', true);
    list.save(contact);
    list.save(conversation);
    list.save(message);
    list.save(conversation); // routing
    list.save(contact); // the owner
    list.save(fakeRecord('notifications', true));
    const { app, log } = fakeApp();
    list.flush(app);
    expect(log).toEqual(['save contacts', 'save conversations', 'save messages', 'save notifications']);
    expect(list.counts()).toEqual({ 'contacts.create': 1, 'conversations.create': 1, 'messages.create': 1, 'notifications.create': 1 });
  });

  it('counts a row saved again after a flush as a second write (an update)', () => {
    const list = new EffectList();
    const conversation = fakeRecord('conversations', false);
    list.save(conversation);
    const { app, log } = fakeApp();
    list.flush(app);
    list.save(conversation);
    list.flush(app);
    expect(log).toEqual(['save conversations', 'save conversations']);
    expect(list.counts()).toEqual({ 'conversations.update': 2 });
  });

  it('drops a row created and deleted in the same event, and deletes an existing one', () => {
    const list = new EffectList();
    const fresh = fakeRecord('notifications', true);
    const waiting = fakeRecord('notifications', false);
    list.save(fresh);
    list.delete(fresh);
    list.delete(waiting);
    expect(list.planned('notifications')).toEqual([]);
    const { app, log } = fakeApp();
    list.flush(app);
    expect(log).toEqual(['delete notifications']);
    expect(list.counts()).toEqual({ 'notifications.delete': 1 });
  });

  it('shows what is decided but not written yet', () => {
    const list = new EffectList();
    const push = fakeRecord('notifications', true);
    list.save(fakeRecord('messages', true));
    list.save(push);
    expect(list.planned('notifications')).toEqual([push]);
    list.flush(fakeApp().app);
    expect(list.planned('notifications')).toEqual([]);
  });

  it("writes a column update (round robin's clock) by SQL in its place, counted as an update of that collection", () => {
    const list = new EffectList();
    const { app, log } = fakeApp();
    const sql: string[] = [];
    const db = {
      newQuery: (text: string) => ({ bind: (params: Record<string, string>) => ({ execute: () => void sql.push(`${text} ${JSON.stringify(params)}`) }) }),
    };
    list.save(fakeRecord('conversations', true));
    list.update({ collection: 'agents', id: 'a1', column: 'last_assigned_at', value: '2026-12-07 06:00:00.000Z' });
    list.flush({ ...app, db: () => db } as unknown as core.App);
    expect(log).toEqual(['save conversations']);
    expect(sql).toEqual(['UPDATE agents SET last_assigned_at = {:value} WHERE id = {:id} {"value":"2026-12-07 06:00:00.000Z","id":"a1"}']);
    expect(list.counts()).toEqual({ 'conversations.create': 1, 'agents.update': 1 });
  });
});
