import { FRT_EDGES_MIN } from '../lib/domain/metrics/response-histogram';

// SQL building blocks of the overview. Counts are computed per group key (`k`), where the whole scope is the one
// key '': the headline and the per-agent rows then share one definition. Durations are the conversations' stored
// metric columns (kept by SQLite triggers: pb_migrations/1764000100_create_metric_triggers.js). Percentiles are
// nearest-rank and the median averages the two middle values, as in src/lib/domain/metrics/percentile.ts.

export type Params = Record<string, unknown>;

/** Runs a grouped query whose first column is the key `k`; rows come back keyed by it. */
export function rowsByKey<T extends Record<string, number>>(app: core.App, sql: string, params: Params, shape: T): Map<string, T> {
  // DynamicModel takes its column types from the example values, and 0.0 is an integer in JS: 0.5 makes it a float.
  const rows = arrayOf(new DynamicModel({ k: '', ...Object.fromEntries(Object.keys(shape).map((name) => [name, 0.5])) }));
  app
    .db()
    .newQuery(sql)
    .bind(params as dbx.Params)
    .all(rows);
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
 * Median and 90th percentile of the integer column `column` over the `count` rows of `where`, read at their ranks
 * with ORDER BY … LIMIT/OFFSET. With `index` (led by the key column, if any, then `column`) each rank is a walk
 * along the index instead of a sort of the period: window functions sorting 100k rows took several times longer.
 */
export function spreadOf(app: core.App, column: string, where: string, params: Params, count: number, index: string | null): Spread {
  if (count === 0) return { medianMs: null, p90Ms: null, count: 0 };
  // Nearest rank ⌈0.9·n⌉; the middle ranks ⌊(n+1)/2⌋ and ⌊n/2⌋+1 are one row for odd n, two adjacent rows for even.
  const lo = Math.floor((count + 1) / 2);
  const hi = Math.floor(count / 2) + 1;
  const p90 = Math.ceil((9 * count) / 10);
  const from = `FROM conversations c${index ? ` INDEXED BY ${index}` : ''} WHERE ${where} ORDER BY ${column}`;
  // One walk reads both middle rows; the 90th is reached from the top, a tenth of the walk from the bottom.
  const sql = `SELECT '' AS k, (SELECT SUM(v) FROM (SELECT ${column} AS v ${from} LIMIT ${hi - lo + 1} OFFSET ${lo - 1})) AS mid, (SELECT ${column} ${from} DESC LIMIT 1 OFFSET ${count - p90}) AS p90`;
  const row = rowsByKey(app, sql, params, { mid: 0, p90: 0 }).get('');
  return { medianMs: Math.round((row?.mid ?? 0) / (hi - lo + 1)), p90Ms: row?.p90 ?? 0, count };
}

/**
 * First-response histogram counts per key: index i counts the durations (ms, `column`) in bin i. One range count per
 * bin on a rank index (led by the key column when `keys` lists every key), so each bin walks only its own entries:
 * seven conditional sums over every row of the period cost twice as much.
 */
export function binsByKey(
  app: core.App,
  keySql: string,
  keys: string | null,
  column: string,
  index: string,
  where: string,
  params: Params,
): Map<string, number[]> {
  const bins = new Map<string, number[]>();
  FRT_EDGES_MIN.forEach((fromMin, i) => {
    const toMin = FRT_EDGES_MIN[i + 1];
    const range = `${column} >= ${fromMin * 60_000}${toMin === undefined ? '' : ` AND ${column} < ${toMin * 60_000}`}`;
    const ofKeys = keys ? `${keySql} IN (${keys}) AND ` : '';
    const rows = rowsByKey(
      app,
      `SELECT ${keySql} AS k, COUNT(*) AS n FROM conversations c INDEXED BY ${index} WHERE ${ofKeys}${range} AND ${where} GROUP BY k`,
      params,
      { n: 0 },
    );
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
