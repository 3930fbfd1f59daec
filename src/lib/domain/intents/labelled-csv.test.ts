import { describe, expect, it } from 'vitest';
import { parseCsvRecords, parseLabelledCsv } from './labelled-csv';

describe('parseCsvRecords', () => {
  it.each([
    [
      'plain fields',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'quoted commas',
      'a,b\n"x, y",2',
      [
        ['a', 'b'],
        ['x, y', '2'],
      ],
    ],
    ['doubled quotes', 'a\n"she said ""hi"""', [['a'], ['she said "hi"']]],
    [
      'line breaks inside quotes',
      'a,b\n"line 1\nline 2",z\n',
      [
        ['a', 'b'],
        ['line 1\nline 2', 'z'],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a byte order mark',
      '\ufefftext,category\nhi,greet',
      [
        ['text', 'category'],
        ['hi', 'greet'],
      ],
    ],
    ['blank lines', 'a\n\n1\n\n', [['a'], ['1']]],
    [
      'empty fields',
      'a,b,c\n,,\n',
      [
        ['a', 'b', 'c'],
        ['', '', ''],
      ],
    ],
    ['no final newline', 'a\n"1"', [['a'], ['1']]],
  ])('reads %s', (_, source, records) => {
    expect(parseCsvRecords(source)?.records).toEqual(records);
  });

  it('refuses a quote that never closes', () => {
    expect(parseCsvRecords('a\n"open field\n')).toBeNull();
  });
});

describe('parseLabelledCsv', () => {
  it('reads text and category by header name, in any order, ignoring other columns', () => {
    const parsed = parseLabelledCsv('id,category,text\n1,card_arrival,"Where is my card, please?"\r\n2,refund,"Quiero un ""reembolso"""\n');
    expect(parsed).toEqual({
      ok: true,
      examples: [
        { text: 'Where is my card, please?', intent: 'card_arrival' },
        { text: 'Quiero un "reembolso"', intent: 'refund' },
      ],
    });
  });

  it('reports the line of a row with an empty label, counting line breaks inside quoted fields', () => {
    expect(parseLabelledCsv('text,category\n"two\nlines",a\nthird,\n')).toEqual({ ok: false, reason: 'empty-field', line: 4 });
  });

  it.each([
    ['missing-columns', 'message,label\nhi,greet\n'],
    ['unterminated-quote', 'text,category\n"hi,greet\n'],
  ])('answers %s', (reason, source) => {
    expect(parseLabelledCsv(source)).toMatchObject({ ok: false, reason });
  });
});
