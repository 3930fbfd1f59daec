import { FRT_EDGES_MIN } from '../lib/domain/metrics/response-histogram';

// SQL building blocks of the overview. Every figure is computed per group key (`k`), where the whole scope is the
// one key '': the headline and the per-agent rows then share one definition. Percentiles are nearest-rank and the
// median averages the two middle values, as in src/lib/domain/metrics/percentile.ts.

export type Params = Record<string, unknown>;

/** Milliseconds between two PocketBase date columns, as an integer. */
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
 * Median, 90th percentile and count of `valueSql` per key, with one window sort: each row learns its rank and its
 * partition's size, and only the (at most three) rows at the wanted ranks come back.
 */
export function spreadsByKey(app: core.App, keySql: string, valueSql: string, where: string, params: Params): Map<string, Spread> {
  // ⌈0.9·n⌉ in integers is (9n + 9) / 10 rounded down; the middle ranks are ⌊(n+1)/2⌋ and ⌊n/2⌋+1 (equal for odd n).
  const sql =
    `SELECT k, MAX(n) AS n, AVG(CASE WHEN rn = (n + 1) / 2 OR rn = n / 2 + 1 THEN v END) AS median, MAX(CASE WHEN rn = (9 * n + 9) / 10 THEN v END) AS p90` +
    ` FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v) AS rn, COUNT(*) OVER (PARTITION BY k) AS n` +
    ` FROM (SELECT ${keySql} AS k, ${valueSql} AS v FROM conversations c WHERE ${where}))` +
    ` WHERE rn = (n + 1) / 2 OR rn = n / 2 + 1 OR rn = (9 * n + 9) / 10 GROUP BY k`;
  const spreads = new Map<string, Spread>();
  for (const [key, row] of rowsByKey(app, sql, params, { n: 0, median: 0, p90: 0 })) {
    // With odd n both middle ranks are the same row, so the average is that value.
    spreads.set(key, { medianMs: Math.round(row.median), p90Ms: Math.round(row.p90), count: row.n });
  }
  return spreads;
}

/** The histogram bin index of a duration in ms, as `frtHistogram` places it (the last bin is open-ended). */
function binSql(durationSql: string): string {
  const cases = FRT_EDGES_MIN.slice(1).map((edge, i) => `WHEN ${durationSql} < ${edge * 60_000} THEN ${i}`);
  return `CASE ${cases.join(' ')} ELSE ${FRT_EDGES_MIN.length - 1} END`;
}

/** First-response histogram counts per key: index i counts the durations in bin i. */
export function binsByKey(app: core.App, keySql: string, durationSql: string, where: string, params: Params): Map<string, number[]> {
  const rows = arrayOf(new DynamicModel({ k: '', b: 0, n: 0 }));
  app
    .db()
    .newQuery(`SELECT k, ${binSql('d')} AS b, COUNT(*) AS n FROM (SELECT ${keySql} AS k, ${durationSql} AS d FROM conversations c WHERE ${where}) GROUP BY k, b`)
    .bind(params as dbx.Params)
    .all(rows);
  const bins = new Map<string, number[]>();
  for (const row of rows as unknown as Array<Record<string, unknown>>) {
    const key = String(row.k ?? '');
    const counts = bins.get(key) ?? new Array<number>(FRT_EDGES_MIN.length).fill(0);
    counts[Number(row.b)] = Number(row.n);
    bins.set(key, counts);
  }
  return bins;
}

/** Counts as the domain's bins (`{ fromMin, toMin, count }`). */
export function binsOf(counts: readonly number[] | undefined): Array<{ fromMin: number; toMin: number | null; count: number }> {
  return FRT_EDGES_MIN.map((fromMin, i) => ({ fromMin, toMin: FRT_EDGES_MIN[i + 1] ?? null, count: counts?.[i] ?? 0 }));
}
