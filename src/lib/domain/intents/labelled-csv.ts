// Labelled data comes as CSV with a `text,category` header (RFC 4180: fields may be quoted, quotes doubled
// inside, commas and line breaks allowed in quoted fields), as spreadsheets export it, BOM and CRLF included.
import type { LabelledText } from './intent-classifier';

/** The result of reading a labelled CSV: its rows, or the first problem found. */
export type LabelledCsv =
  { ok: true; examples: LabelledText[] } | { ok: false; reason: 'missing-columns' | 'unterminated-quote' | 'empty-field'; line: number };

/** Splits RFC 4180 CSV text into records of fields; `null` when a quoted field never closes. */
export function parseCsvRecords(source: string): { records: string[][]; lines: number[] } | null {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const records: string[][] = [];
  const lines: number[] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    // A blank line is no record (a trailing newline or an empty line between rows).
    if (record.length > 1 || record[0] !== '') {
      records.push(record);
      lines.push(recordLine);
    }
    record = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordLine = line;
    } else field += ch;
    i++;
  }
  if (quoted) return null;
  if (field !== '' || record.length > 0) endRecord();
  return { records, lines };
}

/** Reads `text,category` rows (columns found by header name, in any order; other columns ignored). */
export function parseLabelledCsv(source: string): LabelledCsv {
  const parsed = parseCsvRecords(source);
  if (parsed === null) return { ok: false, reason: 'unterminated-quote', line: 0 };
  const [header, ...rows] = parsed.records;
  const columns = (header ?? []).map((name) => name.trim().toLowerCase());
  const textColumn = columns.indexOf('text');
  const intentColumn = columns.indexOf('category');
  if (textColumn < 0 || intentColumn < 0) return { ok: false, reason: 'missing-columns', line: 1 };
  const examples: LabelledText[] = [];
  for (let r = 0; r < rows.length; r++) {
    const text = rows[r]![textColumn]?.trim() ?? '';
    const intent = rows[r]![intentColumn]?.trim() ?? '';
    if (text === '' || intent === '') return { ok: false, reason: 'empty-field', line: parsed.lines[r + 1]! };
    examples.push({ text, intent });
  }
  return { ok: true, examples };
}
