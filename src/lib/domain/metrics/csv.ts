/** What a CSV cell can hold; null, undefined and non-finite numbers become an empty cell. */
export type CsvValue = string | number | boolean | null | undefined;

/** One column: its header and how to read its cell from a row. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"); tab and CR too.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell as RFC 4180 text: text that a spreadsheet would run as a formula is prefixed with `'`, numbers are left alone. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as RFC 4180 CSV: a header record, then one record per row, each ended by CRLF. */
export function toCsv<Row>(rows: readonly Row[], columns: ReadonlyArray<CsvColumn<Row>>): string {
  const records = [columns.map((column) => csvCell(column.header)).join(',')];
  for (const row of rows) records.push(columns.map((column) => csvCell(column.value(row))).join(','));
  return `${records.join('\r\n')}\r\n`;
}

/**
 * CSV as the text of a file. The byte-order mark is there for Excel, which reads UTF-8 without one in the local
 * code page (José becomes JosÃ©); other spreadsheets and CSV parsers skip it.
 */
export function csvFileText(csv: string): string {
  return `\uFEFF${csv}`;
}
