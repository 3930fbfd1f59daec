import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskDb, type OutboxItem } from './db';
import { Outbox, type NewOutboxItem, type OutboxTransport, type SendOutcome } from './outbox';

let db: DeskDb;
let dbCount = 0;

beforeEach(() => {
  db = new DeskDb(`outbox-test-${++dbCount}`);
});
afterEach(async () => db.delete());

function reply(id: string, text = `text ${id}`): NewOutboxItem {
  return {
    collection: 'messages',
    op: 'create',
    record_id: id,
    conversation: 'conv00000000001',
    data: { conversation: 'conv00000000001', direction: 'out', type: 'text', text },
  };
}

function serverMessage(item: OutboxItem) {
  return {
    id: item.record_id,
    conversation: item.conversation,
    direction: 'out',
    type: 'text',
    text: item.data.text,
    status: 'queued',
    created: '2026-11-25 10:00:00.000Z',
  };
}

/** A fake server: answers from a script of outcomes per record id (default: accepted), logging each attempt. */
function scriptedTransport(script: Record<string, SendOutcome[]> = {}) {
  const attempts: string[] = [];
  const transport: OutboxTransport = {
    async send(item) {
      attempts.push(item.record_id);
      return script[item.record_id]?.shift() ?? { kind: 'sent', record: serverMessage(item) };
    },
  };
  return { transport, attempts };
}

describe('Outbox', () => {
  it('sends pending items in the order they were made', async () => {
    const { transport, attempts } = scriptedTransport();
    const outbox = new Outbox(db, transport);
    for (const id of ['c', 'a', 'b']) await outbox.add(reply(id));
    expect(await outbox.flush()).toEqual({ sent: 3, refused: 0, stopped: false });
    expect(attempts).toEqual(['c', 'a', 'b']);
    expect(await db.outbox.count()).toBe(0);
  });

  it('stops at the first item to retry later and sends the rest in order on the next flush', async () => {
    const { transport, attempts } = scriptedTransport({ b: [{ kind: 'retry-later' }] });
    const outbox = new Outbox(db, transport);
    for (const id of ['a', 'b', 'c']) await outbox.add(reply(id));
    expect(await outbox.flush()).toMatchObject({ sent: 1, stopped: true });
    expect((await db.outbox.toArray()).map((i) => i.record_id)).toEqual(['b', 'c']);
    await outbox.flush();
    expect(attempts).toEqual(['a', 'b', 'b', 'c']);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a refused item with its reason and goes on with the next', async () => {
    const { transport } = scriptedTransport({ a: [{ kind: 'refused', reason: 'window-closed' }] });
    const outbox = new Outbox(db, transport);
    await outbox.add(reply('a'));
    await outbox.add(reply('b'));
    expect(await outbox.flush()).toEqual({ sent: 1, refused: 1, stopped: false });
    expect(await db.outbox.toArray()).toMatchObject([{ record_id: 'a', state: 'refused', reason: 'window-closed' }]);
    // A refused item is not retried on its own: the agent decides.
    await outbox.flush();
    expect(await db.outbox.toArray()).toMatchObject([{ record_id: 'a', state: 'refused' }]);
  });

  it('counts a retried create that already arrived as sent and stores the server copy', async () => {
    const item = reply('already');
    const { transport } = scriptedTransport({
      already: [
        { kind: 'retry-later' },
        { kind: 'sent', record: { ...serverMessage({ ...item, created_at: 0, state: 'pending', reason: '' }), status: 'delivered' } },
      ],
    });
    const outbox = new Outbox(db, transport);
    await outbox.add(item);
    await outbox.flush();
    expect(await outbox.flush()).toMatchObject({ sent: 1 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.messages.get('already')).toMatchObject({ status: 'delivered', direction: 'out' });
  });

  it('hands each item to the server once when flushes overlap', async () => {
    const { transport, attempts } = scriptedTransport();
    const outbox = new Outbox(db, transport);
    for (const id of ['a', 'b', 'c']) await outbox.add(reply(id));
    await Promise.all([outbox.flush(), outbox.flush(), outbox.flush()]);
    expect(attempts).toEqual(['a', 'b', 'c']);
  });

  it('sends an item added while a flush is running in a follow-up pass', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const attempts: string[] = [];
    const outbox = new Outbox(db, {
      async send(item) {
        attempts.push(item.record_id);
        if (item.record_id === 'a') await gate;
        return { kind: 'sent', record: serverMessage(item) };
      },
    });
    await outbox.add(reply('a'));
    const first = outbox.flush();
    await outbox.add(reply('late'));
    const second = outbox.flush();
    release();
    await Promise.all([first, second]);
    expect(attempts).toEqual(['a', 'late']);
  });

  it('puts a refused item back in line on retry and forgets a discarded one', async () => {
    const { transport } = scriptedTransport({ a: [{ kind: 'refused', reason: 'invalid' }], b: [{ kind: 'refused', reason: 'window-closed' }] });
    const outbox = new Outbox(db, transport);
    const a = await outbox.add(reply('a'));
    const b = await outbox.add(reply('b'));
    await outbox.flush();
    await outbox.retry(a.seq!);
    await outbox.discard(b.seq!);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.messages.get('a')).toBeTruthy();
    expect(await db.messages.get('b')).toBeUndefined();
  });

  it('keeps an attachment with its file through an offline spell and hands the same bytes over once', async () => {
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const photo: NewOutboxItem = {
      ...reply('photo'),
      data: { type: 'image', text: 'caption', media: new Blob([bytes], { type: 'image/png' }), media_filename: 'p.png' },
    };
    const received: Uint8Array[] = [];
    const { transport, attempts } = scriptedTransport({ photo: [{ kind: 'retry-later' }] });
    const outbox = new Outbox(db, {
      async send(item) {
        const outcome = await transport.send(item);
        if (outcome.kind === 'sent') received.push(new Uint8Array(await (item.data.media as Blob).arrayBuffer()));
        return outcome;
      },
    });
    await outbox.add(photo);
    expect(await outbox.flush()).toMatchObject({ sent: 0, stopped: true });
    expect(await outbox.flush()).toMatchObject({ sent: 1 });
    expect(attempts).toEqual(['photo', 'photo']);
    expect(received).toEqual([bytes]);
    expect(await db.outbox.count()).toBe(0);
  });
});
