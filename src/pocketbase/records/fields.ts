// Reading and writing PocketBase field values as plain typed values; the per-collection mappers beside this
// file are the only places that name fields by string.

/** Epoch milliseconds of a date field, or null when it is empty. */
export function dateOf(record: core.Record, field: string): number | null {
  const value = record.getString(field);
  if (!value) return null;
  const ms = Date.parse(value.replace(' ', 'T'));
  return Number.isNaN(ms) ? null : ms;
}

/** PocketBase's stored date format ("2026-11-25 19:10:00.000Z"); null stores the empty date. */
export function storedDate(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString().replace('T', ' ');
}

/** Parsed value of a JSON field, or the fallback when empty or unreadable. */
export function jsonOf<T>(record: core.Record, field: string, fallback: T): T {
  const raw = record.getString(field);
  if (!raw || raw === 'null') return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

/** An optional relation or text: '' reads as null. */
export function optional(record: core.Record, field: string): string | null {
  return record.getString(field) || null;
}
