import { describe, expect, it } from 'vitest';
import { messageRecordSchema, noteRecordSchema } from '../schemas/conversation';
import type { OutboxItem } from './db';
import { buildThread, pendingFile } from './thread-entries';

const DAY = 24 * 60 * 60 * 1000;
const dayOf = (at: number) => String(Math.floor(at / DAY));

function message(id: string, at: number, direction: 'in' | 'out' = 'in') {
  return messageRecordSchema.parse({ id, conversation: 'c', direction, type: 'text', text: id, status: 'received', created: new Date(at).toISOString() });
}
function note(id: string, at: number) {
  return noteRecordSchema.parse({ id, conversation: 'c', author: 'a', body: id, created: new Date(at).toISOString() });
}
function pending(id: string, at: number, collection: 'messages' | 'notes' = 'messages'): OutboxItem {
  return { seq: at, collection, op: 'create', record_id: id, conversation: 'c', data: { text: id, body: id }, created_at: at, state: 'pending', reason: '' };
}

const keys = (entries: ReturnType<typeof buildThread>) => entries.map((e) => e.key);

describe('buildThread', () => {
  it('orders messages WhatsApp stamped in the same second by when the server received them', () => {
    const stamped = (id: string, createdAt: number) =>
      messageRecordSchema.parse({
        id,
        conversation: 'c',
        direction: 'in',
        type: 'text',
        text: id,
        status: 'received',
        timestamp: new Date(5000).toISOString(),
        created: new Date(createdAt).toISOString(),
      });
    // The device's copy lists them by record id, which says nothing about order.
    const thread = buildThread([stamped('zz-first', 5100), stamped('aa-third', 5900), stamped('mm-second', 5400)], [], [], dayOf);
    expect(keys(thread).slice(1)).toEqual(['zz-first', 'mm-second', 'aa-third']);
  });

  it('never shows an edit or delete that waits for its message as a bubble of its own', () => {
    const waiting = messageRecordSchema.parse({
      id: 'e1',
      conversation: 'c',
      direction: 'out',
      type: 'edit',
      text: 'new',
      status: 'received',
      created: new Date(1500).toISOString(),
    });
    const edited = messageRecordSchema.parse({
      id: 'm1',
      conversation: 'c',
      direction: 'in',
      type: 'text',
      text: 'new',
      status: 'received',
      created: new Date(1000).toISOString(),
      edited_at: new Date(1500).toISOString(),
      origin: 'business_app',
      referral: { headline: 'Ad' },
    });
    expect(keys(buildThread([edited, waiting], [], [], dayOf))).toEqual(['day-0', 'm1']);
    expect(edited).toMatchObject({ origin: 'business_app', referral: { headline: 'Ad' }, edited_at: 1500 });
  });

  it('interleaves messages and notes by time with a separator before each new day', () => {
    const entries = buildThread([message('m1', 1000), message('m2', DAY + 5)], [note('n1', 2000)], [], dayOf);
    expect(keys(entries)).toEqual(['day-0', 'm1', 'n1', 'day-1', 'm2']);
  });

  it('shows pending replies and notes after what the server has, in the order they were written', () => {
    const entries = buildThread([message('m1', 1000)], [], [pending('p1', 3000), pending('p2', 3000, 'notes'), pending('p3', 4000)], dayOf);
    expect(keys(entries)).toEqual(['day-0', 'm1', 'p1', 'p2', 'p3']);
    expect(entries.filter((e) => e.kind !== 'day' && e.pending).length).toBe(3);
  });

  it('shows an item once when the server copy has arrived before the outbox let go of it', () => {
    const entries = buildThread([message('same', 1000, 'out')], [], [pending('same', 900)], dayOf);
    expect(entries.filter((e) => e.kind === 'message')).toMatchObject([{ key: 'same', pending: null }]);
  });

  it('leaves status changes out of the thread', () => {
    const statusChange: OutboxItem = { ...pending('c', 1000), collection: 'conversations', op: 'update' };
    expect(buildThread([], [], [statusChange], dayOf)).toEqual([]);
  });

  it('shows a queued photo as a photo with its file name, and keeps its file at hand for the preview', () => {
    const photo = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    const item: OutboxItem = {
      ...pending('ph', 1000),
      data: { type: 'image', text: 'the part', media: photo, media_mime: 'image/png', media_filename: 'part.png' },
    };
    const [, entry] = buildThread([], [], [item], dayOf);
    expect(entry).toMatchObject({ kind: 'message', message: { type: 'image', text: 'the part', media_mime: 'image/png', media_filename: 'part.png' } });
    expect(pendingFile(item)).toBe(photo);
    expect(pendingFile(pending('t', 1000))).toBeNull();
    expect(pendingFile(null)).toBeNull();
  });
});
