import { describe, expect, it } from 'vitest';
import { conversationRecordSchema, type ConversationRecord } from '../schemas/conversation';
import { groupByTab } from './queue-tabs';
import { buildSearchIndex, compileFilter, filterGroups, isFiltering, normalizeText, type QueueFilter } from './queue-search';

const ME = 'me0000000000001';

function conversation(id: string, fields: Record<string, unknown> = {}): ConversationRecord {
  return {
    ...conversationRecordSchema.parse({ id, status: 'open', assignee: ME, contact: `p-${id}`, ...fields }),
    contact_name: String(fields.contact_name ?? ''),
  };
}

const queue = [
  conversation('jose', { contact_name: 'José Peña', last_message_preview: 'Thanks!', labels: ['billing'], channel: 'shop' }),
  conversation('ana', { contact_name: 'Ana Ruiz', last_message_preview: 'The pump at site 4 is leaking', labels: ['urgent'], channel: 'field' }),
  conversation('nameless', { contact_name: '', last_message_preview: 'hello', labels: ['billing', 'urgent'], channel: 'field' }),
];
const phones = new Map([
  ['p-jose', '34600123456'],
  ['p-ana', '15550101777'],
]);
const messages = [
  { conversation: 'jose', text: 'My invoice from March is wrong' },
  { conversation: 'jose', text: '' },
  { conversation: 'elsewhere', text: 'invoice' },
];
const index = buildSearchIndex(queue, phones, messages);

function found(filter: Partial<QueueFilter>): string[] {
  const matches = compileFilter({ query: '', label: '', channel: '', ...filter }, index);
  return queue.filter(matches).map((c) => c.id);
}

describe('normalizeText', () => {
  it('ignores case and accents', () => {
    expect(normalizeText('José PEÑA Ürün')).toBe('jose pena urun');
  });
});

describe('compileFilter', () => {
  it.each([
    ['jose', ['jose']],
    ['PEÑA', ['jose']],
    ['leaking pump', ['ana']],
    ['pump leaking', ['ana']],
    ['invoice', ['jose']],
    ['march wrong', ['jose']],
    ['pump invoice', []],
    ['+34 600 123', ['jose']],
    ['(555) 0101', ['ana']],
    ['0101777', ['ana']],
    ['hello', ['nameless']],
    ['  ', ['jose', 'ana', 'nameless']],
  ])('finds %j in %j', (query, ids) => {
    expect(found({ query })).toEqual(ids);
  });

  it('filters by label and by channel, together with the query', () => {
    expect(found({ label: 'urgent' })).toEqual(['ana', 'nameless']);
    expect(found({ channel: 'shop' })).toEqual(['jose']);
    expect(found({ label: 'billing', channel: 'field' })).toEqual(['nameless']);
    expect(found({ label: 'urgent', query: 'hello' })).toEqual(['nameless']);
  });

  it('matches nothing by text before the index exists, but label and channel filters still apply', () => {
    expect(queue.filter(compileFilter({ query: 'jose', label: '', channel: '' }, null))).toEqual([]);
    expect(queue.filter(compileFilter({ query: '', label: 'billing', channel: '' }, null)).map((c) => c.id)).toEqual(['jose', 'nameless']);
  });
});

describe('filterGroups', () => {
  it('keeps each tab’s order and counts only what matches', () => {
    const waiting = conversation('waits', { status: 'pending', contact_name: 'Ana Waits', labels: ['urgent'] });
    const groups = groupByTab([...queue, waiting], ME);
    const filtered = filterGroups(groups, compileFilter({ query: '', label: 'urgent', channel: '' }, null));
    expect(Object.fromEntries(Object.entries(filtered).map(([tab, rows]) => [tab, rows.map((c) => c.id)]))).toEqual({
      mine: ['ana', 'nameless'],
      unassigned: [],
      waiting: ['waits'],
      snoozed: [],
      resolved: [],
    });
  });
});

describe('isFiltering', () => {
  it.each([
    [{ query: '', label: '', channel: '' }, false],
    [{ query: '   ', label: '', channel: '' }, false],
    [{ query: 'a', label: '', channel: '' }, true],
    [{ query: '', label: 'l', channel: '' }, true],
    [{ query: '', label: '', channel: 'c' }, true],
  ])('is %j filtering: %s', (filter, expected) => {
    expect(isFiltering(filter)).toBe(expected);
  });
});
