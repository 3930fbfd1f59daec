import { FRT_EDGES_MIN } from '../lib/domain/metrics/response-histogram';

// SQL building blocks of the overview. Counts are computed per group key (`k`), where the whole scope is the one
// key '': the headline and the per-agent rows then share one definition. Percentiles are nearest-rank and the
// median averages the two middle values, as in src/lib/domain/metrics/percentile.ts.

export type Params = Record<string, unknown>;

/**
 * Milliseconds between two PocketBase date columns, as an integer. The rank indexes of
 * pb_migrations/1764003100_cover_dashboard_indexes.js spell the same expression: SQLite uses an indexed
 * expression only where a query writes it identically.
 */
export const elapsedMs = (to: string, from: string) => `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`;

/** Runs a grouped query whose first column is the key `k`; rows come back keyed by it. */
export function rowsByKey<T extends Record<string, number>>(app: core.App, sql: string, params: Params, shape: T): Map<string, T> {
  // DynamicModel takes its column types from the example values, and 0.0 is an integer in JS: 0.5 makes it a float.
  const rows = arrayOf(new DynamicModel({ k: '', ...Object.fromEntries(Object.keys(shape).map((name) => [name, 0.5])) }));
  app.db().newQuery(sql).bind(params as dbx.Params).all(rows);
  const byKey = new Map<string, T>();
  for (const row of rows as unknown as Array<Record<string, unknown>>) {
    const values = Object.fromEntries(Object.keys(shape).map((name) => [name, Number(row[name] ?? 0)])) as T;
    byKey.set(String(row.k ?? ''), values);
  }
  return byKey;
}

export interface Spread {
  medianMs: number | null;
  p90Ms: number | null;
  count: number;
}

/**
 * Median and 90th percentile of `valueSql` over the `count` rows of `where`, each read at its rank with ORDER BY …
 * LIMIT 1 OFFSET. With `index` (an index led by the key column and the value expression, written exactly as
 * `valueSql`) each rank is a short walk along the index instead of a sort: window functions took ~0.3 s per
 * 100k rows in the hooks' SQLite, an indexed rank a few milliseconds.
 */
export function spreadOf(app: core.App, valueSql: string, where: string, params: Params, count: number, index: string | null): Spread {
  if (count === 0) return { medianMs: null, p90Ms: null, count: 0 };
  // Nearest rank ⌈0.9·n⌉; the middle ranks ⌊(n+1)/2⌋ and ⌊n/2⌋+1 are the same row for odd n.
  const ranks = { lo: Math.floor((count + 1) / 2), hi: Math.floor(count / 2) + 1, p90: Math.ceil((9 * count) / 10) };
  const from = `FROM conversations c${index ? ` INDEXED BY ${index}` : ''} WHERE ${where} ORDER BY ${valueSql}`;
  const at = (rank: number) => `(SELECT ${valueSql} ${from} LIMIT 1 OFFSET ${rank - 1})`;
  const row = rowsByKey(app, `SELECT '' AS k, ${at(ranks.lo)} AS lo, ${at(ranks.hi)} AS hi, ${at(ranks.p90)} AS p90`, params, { lo: 0, hi: 0, p90: 0 }).get('');
  // Clamped like the domain's durations (never below 0); clamping is monotonic, so the ranks are unchanged.
  const value = (ms: number) => Math.max(0, ms);
  return { medianMs: Math.round((value(row?.lo ?? 0) + value(row?.hi ?? 0)) / 2), p90Ms: value(row?.p90 ?? 0), count };
}

/**
 * First-response histogram counts per key: index i counts the durations in bin i. One range count per bin on
 * idx_conversations_frt, which is ordered by the duration: each seek walks only its bin's entries and reads the
 * duration from the index, where a GROUP BY over the rows parsed two dates per row (~0.5 s per 100k in the hooks).
 */
export function binsByKey(app: core.App, keySql: string, durationSql: string, where: string, params: Params): Map<string, number[]> {
  const bins = new Map<string, number[]>();
  FRT_EDGES_MIN.forEach((fromMin, i) => {
    const toMin = FRT_EDGES_MIN[i + 1];
    const range = `${durationSql} >= ${fromMin * 60_000}${toMin === undefined ? '' : ` AND ${durationSql} < ${toMin * 60_000}`}`;
    const rows = rowsByKey(app, `SELECT ${keySql} AS k, COUNT(*) AS n FROM conversations c INDEXED BY idx_conversations_frt WHERE ${range} AND ${where} GROUP BY k`, params, { n: 0 });
    for (const [key, row] of rows) {
      const counts = bins.get(key) ?? new Array<number>(FRT_EDGES_MIN.length).fill(0);
      counts[i] = row.n;
      bins.set(key, counts);
    }
  });
  return bins;
}

/** Counts as the domain's bins (`{ fromMin, toMin, count }`). */
export function binsOf(counts: readonly number[] | undefined): Array<{ fromMin: number; toMin: number | null; count: number }> {
  return FRT_EDGES_MIN.map((fromMin, i) => ({ fromMin, toMin: FRT_EDGES_MIN[i + 1] ?? null, count: counts?.[i] ?? 0 }));
}
