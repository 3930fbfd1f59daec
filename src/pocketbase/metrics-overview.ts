import { METRIC_BUCKETS } from '../lib/schemas/metrics';
import { readMetricsRequest } from './metrics-request';
import { isoDate } from './records';

// The dashboard's headline figures computed by SQL, so they stay fast on a large history (the full report with
// groups, handle time and business-hours variants is /api/pocketdesk/metrics). Definitions match the metrics
// domain: percentiles are nearest-rank, the median averages the two middle values.

type Params = Record<string, unknown>;

function scalar(app: core.App, sql: string, params: Params): number | null {
  // DynamicModel takes its column types from the example values, and 0.0 is an integer in JS: 0.5 makes it a float.
  const rows = arrayOf(new DynamicModel({ v: 0.5 }));
  // all() rather than one(): no row (an empty HAVING) means "no value", not an error.
  app.db().newQuery(`SELECT v FROM (${sql}) LIMIT 1`).bind(params as dbx.Params).all(rows);
  return rows.length ? Number(rows[0].v) : null;
}

function count(app: core.App, where: string, params: Params): number {
  return scalar(app, `SELECT COUNT(*) AS v FROM conversations c WHERE ${where}`, params) ?? 0;
}

/** Nearest-rank percentile and median of a numeric column: one sort in SQLite, three rows back. */
function distribution(app: core.App, valueSql: string, where: string, params: Params): { medianMs: number | null; p90Ms: number | null; count: number } {
  const n = count(app, where, params);
  if (n === 0) return { medianMs: null, p90Ms: null, count: 0 };
  const low = Math.floor((n + 1) / 2);
  const high = Math.floor(n / 2) + 1;
  const p90 = Math.ceil(0.9 * n);
  const rows = arrayOf(new DynamicModel({ rn: 0, v: 0.5 }));
  app
    .db()
    // The value is computed once per row in the innermost query (twice, in ORDER BY and SELECT, cost 2× on 100k rows).
    .newQuery(`SELECT rn, v FROM (SELECT ROW_NUMBER() OVER (ORDER BY v) AS rn, v FROM (SELECT ${valueSql} AS v FROM conversations c WHERE ${where})) WHERE rn IN (${low}, ${high}, ${p90})`)
    .bind(params as dbx.Params)
    .all(rows);
  const at = (rank: number) => Number(rows.find((row) => Number(row.rn) === rank)?.v ?? 0);
  // Odd n: low = high, the middle value; even n: the mean of the two middle values.
  return { medianMs: Math.round((at(low) + at(high)) / 2), p90Ms: Math.round(at(p90)), count: n };
}

/**
 * Open tickets at the end of each bucket, from two grouped scans: open(t) = created before t − resolved before t
 * (a reopen clears resolved_at, so a reopened ticket counts as open).
 */
function backlogOf(app: core.App, and: (...parts: string[]) => string, params: Params, from: number, to: number, bucketMs: number): Array<{ start: number; end: number; open: number }> {
  const buckets = Math.min(400, Math.ceil((to - from) / bucketMs));
  const perBucket = (column: string, extra: string) => {
    const rows = arrayOf(new DynamicModel({ b: 0, n: 0 }));
    app
      .db()
      .newQuery(`SELECT CAST((julianday(${column}) - julianday({:from})) * 86400000 / ${bucketMs} AS INTEGER) AS b, COUNT(*) AS n FROM conversations c WHERE ${and(`${column} >= {:from}`, `${column} < {:to}`, extra)} GROUP BY b`)
      .bind(params as dbx.Params)
      .all(rows);
    const counts = new Array<number>(buckets).fill(0);
    for (const row of rows) if (Number(row.b) < buckets) counts[Number(row.b)] += Number(row.n);
    return counts;
  };
  const created = perBucket('c.created', '1');
  const resolved = perBucket('c.resolved_at', "c.resolved_at != ''");
  let open = count(app, and('c.created < {:from}'), params) - count(app, and("c.resolved_at != ''", 'c.resolved_at < {:from}'), params);
  return created.map((opened, i) => {
    open += opened - resolved[i];
    const start = from + i * bucketMs;
    return { start, end: Math.min(start + bucketMs, to), open };
  });
}

const elapsedMs = (to: string, from: string) => `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`;

/** GET /api/pocketdesk/metrics/overview — counts, first response, resolution, FCR, CSAT and backlog, by SQL. */
export function handleMetricsOverview(e: core.RequestEvent): void {
  const request = readMetricsRequest(e);
  if (!request) return;
  const { query, teamIds } = request;
  const app = $app as unknown as core.App;
  const params: Params = { from: isoDate(query.from), to: isoDate(query.to) };
  const scope: string[] = [];
  if (query.channelId) {
    params.channel = query.channelId;
    scope.push('c.channel = {:channel}');
  }
  if (teamIds) {
    teamIds.forEach((id, i) => (params[`t${i}`] = id));
    scope.push(teamIds.length ? `c.team IN (${teamIds.map((_, i) => `{:t${i}}`).join(', ')})` : '0');
  }
  const and = (...parts: string[]) => [...parts, ...scope].join(' AND ');
  const created = and('c.created >= {:from}', 'c.created < {:to}');
  const resolved = and("c.resolved_at != ''", 'c.resolved_at >= {:from}', 'c.resolved_at < {:to}');
  // One scan per period: every resolved-side figure is a conditional sum over the same rows.
  const totals = new DynamicModel({ resolved: 0, bot: 0, fcr: 0, rated: 0, ratingSum: 0, r1: 0, r2: 0, r3: 0, r4: 0, r5: 0 });
  app
    .db()
    .newQuery(
      `SELECT COUNT(*) AS resolved, COALESCE(SUM(c.resolved_by = 'bot'), 0) AS bot, COALESCE(SUM(c.reopen_count = 0 AND c.handover_count = 0), 0) AS fcr,` +
        ` COALESCE(SUM(c.csat_rating >= 1), 0) AS rated, COALESCE(SUM(CASE WHEN c.csat_rating >= 1 THEN c.csat_rating ELSE 0 END), 0) AS ratingSum,` +
        [1, 2, 3, 4, 5].map((r) => ` COALESCE(SUM(c.csat_rating = ${r}), 0) AS r${r}`).join(',') +
        ` FROM conversations c WHERE ${resolved}`,
    )
    .bind(params as dbx.Params)
    .one(totals);
  const resolvedCount = Number(totals.resolved);
  const rated = Number(totals.rated);
  const backlog = backlogOf(app, and, params, query.from, query.to, METRIC_BUCKETS[query.bucket]);
  e.json(200, {
    query,
    opened: count(app, created, params),
    resolved: resolvedCount,
    botResolved: Number(totals.bot),
    firstResponse: distribution(app, elapsedMs('c.first_response_at', 'c.created'), `${created} AND c.first_response_at != ''`, params),
    resolution: distribution(app, elapsedMs('c.resolved_at', 'c.created'), resolved, params),
    firstContactResolutionRate: resolvedCount ? Number(totals.fcr) / resolvedCount : null,
    csat: {
      average: rated ? Number(totals.ratingSum) / rated : null,
      count: rated,
      distribution: { 1: Number(totals.r1), 2: Number(totals.r2), 3: Number(totals.r3), 4: Number(totals.r4), 5: Number(totals.r5) },
    },
    backlog,
  });
}
