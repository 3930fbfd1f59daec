// Small conversions between PocketBase records and the plain values the domain works with.

/** Epoch milliseconds of a date field, or null when it is empty. */
export function epochMs(record: core.Record, field: string): number | null {
  const value = record.getString(field);
  if (!value) return null;
  const ms = Date.parse(value.replace(' ', 'T'));
  return Number.isNaN(ms) ? null : ms;
}

/** PocketBase's stored date format ("2026-11-25 19:10:00.000Z"); filters compare dates as these strings. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ');
}

/** First record matching a filter, or null (PocketBase's own finder throws when nothing matches). */
export function findOne(app: core.App, collection: string, filter: string, params: Record<string, unknown>, sort = ''): core.Record | null {
  const found = app.findRecordsByFilter(collection, filter, sort, 1, 0, params as dbx.Params);
  return found[0] ?? null;
}

/** Parsed value of a JSON field, or the fallback when empty. */
export function jsonField<T>(record: core.Record, field: string, fallback: T): T {
  const raw = record.getString(field);
  if (!raw || raw === 'null') return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

export function newRecord(app: core.App, collection: string, data: Record<string, unknown>): core.Record {
  // The cached lookup: the uncached one reads and decodes the collection's schema from SQLite every time, which
  // was a seventh of the CPU spent applying a webhook.
  const record = new Record(app.findCachedCollectionByNameOrId(collection));
  for (const [key, value] of Object.entries(data)) record.set(key, value);
  return record;
}
