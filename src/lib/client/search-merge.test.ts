import { describe, expect, it } from 'vitest';
import { SNIPPET_CLOSE as C, SNIPPET_OPEN as O, type SearchHit } from '../schemas/search';
import { mergeServerHits, snippetParts } from './search-merge';

function hit(id: string, fields: Partial<SearchHit['conversation']> = {}): SearchHit {
  return {
    kind: 'message',
    snippet: `${O}${id}${C}`,
    conversation: {
      id,
      status: 'resolved',
      assignee: '',
      team: '',
      channel: 'shop',
      labels: [],
      contact: `p-${id}`,
      contact_name: id,
      contact_number: '',
      last_message_preview: '',
      last_message_at: null,
      created: null,
      ...fields,
    },
  };
}

const ids = (hits: SearchHit[]) => hits.map((h) => h.conversation.id);
const NO_FILTER = { label: '', channel: '' };

describe('mergeServerHits', () => {
  it('keeps the server’s order across pages and names each conversation once', () => {
    const pages = [
      [hit('a'), hit('b')],
      [hit('a'), hit('c')],
      [hit('b'), hit('d')],
    ];
    expect(ids(mergeServerHits(pages, new Set(), NO_FILTER))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('leaves out what the device’s search already lists', () => {
    expect(ids(mergeServerHits([[hit('a'), hit('b'), hit('c')]], new Set(['b']), NO_FILTER))).toEqual(['a', 'c']);
  });

  it('keeps the newest hit of a conversation, the one on the earlier page', () => {
    const newer = { ...hit('a'), snippet: 'newer' };
    const [merged] = mergeServerHits([[newer], [{ ...hit('a'), snippet: 'older' }]], new Set(), NO_FILTER);
    expect(merged?.snippet).toBe('newer');
  });

  it.each([
    [{ label: 'urgent', channel: '' }, ['b']],
    [{ label: '', channel: 'field' }, ['c']],
    [{ label: 'urgent', channel: 'field' }, []],
  ])('applies the queue’s filters %j', (filter, expected) => {
    const pages = [[hit('a'), hit('b', { labels: ['urgent'] }), hit('c', { channel: 'field' })]];
    expect(ids(mergeServerHits(pages, new Set(), filter))).toEqual(expected);
  });

  it('returns nothing for no pages', () => {
    expect(mergeServerHits([], new Set(['a']), NO_FILTER)).toEqual([]);
  });
});

describe('snippetParts', () => {
  it('splits marked words from the text around them', () => {
    expect(snippetParts(`…la ${O}bomba${C} del ${O}pedido${C} 4521…`)).toEqual([
      { text: '…la ', match: false },
      { text: 'bomba', match: true },
      { text: ' del ', match: false },
      { text: 'pedido', match: true },
      { text: ' 4521…', match: false },
    ]);
  });

  it('shows plain text as it is, and stray marks as nothing', () => {
    expect(snippetParts('plain')).toEqual([{ text: 'plain', match: false }]);
    expect(snippetParts(`a${C}b`)).toEqual([{ text: 'ab', match: false }]);
    expect(snippetParts('')).toEqual([]);
  });
});
