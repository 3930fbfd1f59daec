import { describe, expect, it } from 'vitest';
import { csvCell, csvFileText, toCsv, type CsvValue } from './csv';

describe('csvCell', () => {
  it.each<[string, CsvValue, string]>([
    ['plain text as is', 'Ana López', 'Ana López'],
    ['a comma in quotes', 'Madrid, Spain', '"Madrid, Spain"'],
    ['a quote doubled, in quotes', 'She said "hi"', '"She said ""hi"""'],
    ['a newline in quotes', 'line one\nline two', '"line one\nline two"'],
    ['a CRLF in quotes', 'a\r\nb', '"a\r\nb"'],
    ['a formula with =', '=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['a formula with +', '+34 600 000 000', "'+34 600 000 000"],
    ['a formula with -', '-2+3', "'-2+3"],
    ['a formula with @', '@cmd', "'@cmd"],
    ['a leading tab', '\t=1', "'\t=1"],
    ['a formula that also needs quotes', '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['an = later in the text as is', 'a=b', 'a=b'],
    ['a negative number unguarded', -42.5, '-42.5'],
    ['zero', 0, '0'],
    ['NaN as empty', Number.NaN, ''],
    ['null as empty', null, ''],
    ['undefined as empty', undefined, ''],
    ['true', true, 'true'],
    ['an empty string', '', ''],
  ])('writes %s', (_, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('writes a header record and one CRLF-terminated record per row', () => {
    const rows = [
      { agent: 'Ana', replies: 3, note: 'fast, friendly' },
      { agent: '=cmd|/C calc', replies: 0, note: null },
    ];
    const csv = toCsv(rows, [
      { header: 'Agent', value: (row) => row.agent },
      { header: 'Replies', value: (row) => row.replies },
      { header: 'Note', value: (row) => row.note },
    ]);
    expect(csv).toBe(`Agent,Replies,Note\r\nAna,3,"fast, friendly"\r\n'=cmd|/C calc,0,\r\n`);
  });

  it('writes only the header for no rows', () => {
    expect(toCsv([], [{ header: 'Conversations, total', value: () => 1 }])).toBe('"Conversations, total"\r\n');
  });
});

describe('csvFileText', () => {
  it('starts the file with the UTF-8 byte-order mark, so Excel reads accented names right', () => {
    const bytes = new TextEncoder().encode(csvFileText('Agent\r\nJosé\r\n'));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe('Agent\r\nJosé\r\n');
  });
});
