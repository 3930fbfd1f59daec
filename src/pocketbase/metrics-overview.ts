import { METRIC_BUCKETS } from '../lib/schemas/metrics';
import { readMetricsRequest } from './metrics-request';
import { binsByKey, binsOf, elapsedMs, rowsByKey, spreadOf, type Params } from './metrics-sql';
import { isoDate } from './records';

// The dashboard's figures computed by SQL, so they stay fast on a large history: the headline, and with groupBy the
// same figures per agent, team or channel (plus each key's open load now). What needs message-level timelines
// (handle time, business-hours first response) stays in the full report, /api/pocketdesk/metrics. Each figure
// keeps the cohort of src/lib/domain/metrics/conversation-summary.ts; tests/integration/metrics.test.ts compares them.

function count(app: core.App, where: string, params: Params): number {
  return rowsByKey(app, `SELECT '' AS k, COUNT(*) AS n FROM conversations c WHERE ${where}`, params, { n: 0 }).get('')?.n ?? 0;
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

/** How one grouping reads: its key column (none for the whole scope) and the indexes its percentiles walk. */
interface Grouping {
  column: string | null;
  frtIndex: string | null;
  resolutionIndex: string | null;
}

const WHOLE: Grouping = { column: null, frtIndex: 'idx_conversations_frt', resolutionIndex: 'idx_conversations_resolution' };
// Only the dashboard's grouping (by agent) has rank indexes; team and channel reports sort, slower but the same.
const GROUPINGS: Record<'agent' | 'team' | 'channel', Grouping> = {
  agent: { column: 'c.assignee', frtIndex: 'idx_conversations_agent_frt', resolutionIndex: 'idx_conversations_agent_resolution' },
  team: { column: 'c.team', frtIndex: null, resolutionIndex: null },
  channel: { column: 'c.channel', frtIndex: null, resolutionIndex: null },
};

/** Where each cohort's rows are, and how their durations read. */
function cohortsOf(and: (...parts: string[]) => string) {
  const created = and('c.created >= {:from}', 'c.created < {:to}');
  return {
    created,
    resolved: and("c.resolved_at != ''", 'c.resolved_at >= {:from}', 'c.resolved_at < {:to}'),
    // A desk that wrote first has no response time (the domain skips a reply before the question).
    answered: `${created} AND c.first_response_at != '' AND c.first_response_at >= c.created`,
    frt: elapsedMs('c.first_response_at', 'c.created'),
    duration: elapsedMs('c.resolved_at', 'c.created'),
  };
}

/** The additive figures (counts and sums) per key: a whole scope's are the sum of its groups'. */
function countsBy(app: core.App, grouping: Grouping, and: (...parts: string[]) => string, params: Params) {
  const keySql = grouping.column ?? "''";
  const { created, resolved, answered, frt, duration } = cohortsOf(and);
  const ratings = [1, 2, 3, 4, 5].map((r) => `COALESCE(SUM(c.csat_rating = ${r}), 0) AS r${r}`).join(', ');
  return {
    opened: rowsByKey(
      app,
      `SELECT ${keySql} AS k, COUNT(*) AS opened, COALESCE(SUM(c.sla_breached = 1), 0) AS sla, COALESCE(SUM(c.first_response_at != '' AND c.first_response_at >= c.created), 0) AS answered FROM conversations c WHERE ${created} GROUP BY k`,
      params,
      { opened: 0, sla: 0, answered: 0 },
    ),
    // One scan: every resolved-side figure is a conditional sum over the same rows.
    resolved: rowsByKey(
      app,
      `SELECT ${keySql} AS k, COUNT(*) AS resolved, COALESCE(SUM(c.resolved_by = 'bot'), 0) AS bot, COALESCE(SUM(c.reopen_count = 0 AND c.handover_count = 0), 0) AS fcr, COALESCE(SUM(MAX(0, ${duration})), 0) AS durationSum, ${ratings} FROM conversations c WHERE ${resolved} GROUP BY k`,
      params,
      { resolved: 0, bot: 0, fcr: 0, durationSum: 0, r1: 0, r2: 0, r3: 0, r4: 0, r5: 0 },
    ),
    // Agent replies on the conversations resolved in the period, as the domain counts "out-agent" events. Without
    // INDEXED BY, SQLite walks every conversation in assignee order to save the GROUP BY sort (EXPLAIN QUERY PLAN).
    replies: rowsByKey(
      app,
      `SELECT ${keySql} AS k, COUNT(*) AS n FROM conversations c INDEXED BY idx_conversations_resolved_at JOIN messages m ON m.conversation = c.id WHERE ${resolved} AND m.direction = 'out' AND m.sender = 'agent' AND m.type != 'reaction' GROUP BY k`,
      params,
      { n: 0 },
    ),
    openNow: rowsByKey(app, `SELECT ${keySql} AS k, COUNT(*) AS n FROM conversations c WHERE ${and("c.resolved_at = ''")} GROUP BY k`, params, { n: 0 }),
    bins: binsByKey(app, keySql, frt, answered, params),
  };
}

type Counts = ReturnType<typeof countsBy>;

/** Every key's counts folded into the one key '' (the whole scope), without another scan. */
function totalOf(counts: Counts): Counts {
  const fold = <T extends Record<string, number>>(rows: Map<string, T>): Map<string, T> => {
    const total: Record<string, number> = {};
    for (const row of rows.values()) for (const [name, value] of Object.entries(row)) total[name] = (total[name] ?? 0) + value;
    return rows.size ? new Map([['', total as T]]) : new Map();
  };
  const bins = new Map<string, number[]>();
  for (const list of counts.bins.values()) bins.set('', list.map((n, i) => n + (bins.get('')?.[i] ?? 0)));
  return { opened: fold(counts.opened), resolved: fold(counts.resolved), replies: fold(counts.replies), openNow: fold(counts.openNow), bins };
}

/** The figures of each key: its counts, plus its percentiles read from the rank indexes. */
function figuresFrom(app: core.App, counts: Counts, grouping: Grouping, and: (...parts: string[]) => string, params: Params) {
  const { resolved, answered, frt, duration } = cohortsOf(and);
  const ofKey = (where: string) => (grouping.column ? `${where} AND ${grouping.column} = {:key}` : where);
  const figuresOf = (key: string) => {
    const o = counts.opened.get(key);
    const r = counts.resolved.get(key);
    const done = r?.resolved ?? 0;
    const keyParams = { ...params, key };
    const firstResponse = spreadOf(app, frt, ofKey(answered), keyParams, o?.answered ?? 0, grouping.frtIndex);
    const resolution = spreadOf(app, duration, ofKey(resolved), keyParams, done, grouping.resolutionIndex);
    const distribution = { 1: r?.r1 ?? 0, 2: r?.r2 ?? 0, 3: r?.r3 ?? 0, 4: r?.r4 ?? 0, 5: r?.r5 ?? 0 };
    const rated = distribution[1] + distribution[2] + distribution[3] + distribution[4] + distribution[5];
    const ratingSum = distribution[1] + 2 * distribution[2] + 3 * distribution[3] + 4 * distribution[4] + 5 * distribution[5];
    return {
      key: key || null,
      summary: {
        opened: o?.opened ?? 0,
        resolved: done,
        botResolved: r?.bot ?? 0,
        firstResponse,
        resolution: { medianMs: resolution.medianMs, p90Ms: resolution.p90Ms },
        firstContactResolutionRate: done ? (r?.fcr ?? 0) / done : null,
        averageDurationMs: done ? (r?.durationSum ?? 0) / done : null,
        repliesPerConversation: done ? (counts.replies.get(key)?.n ?? 0) / done : null,
        csat: { average: rated ? ratingSum / rated : null, count: rated, distribution },
      },
      slaBreaches: o?.sla ?? 0,
      openNow: counts.openNow.get(key)?.n ?? 0,
      firstResponseBins: binsOf(counts.bins.get(key)),
    };
  };
  // Every key with something in the period, or open now (an agent whose queue is full but quiet still shows).
  const keys = [...new Set([...counts.opened.keys(), ...counts.resolved.keys(), ...counts.openNow.keys()])];
  // '' (no agent, team) sorts last, as the full report puts its "none" group.
  return { keys: keys.sort((a, b) => (a === b ? 0 : a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1)), figuresOf };
}

/**
 * GET /api/pocketdesk/metrics/overview — the headline figures (top level), SLA breaches, first-response bins and
 * the backlog, by SQL; with groupBy=agent|team|channel also `groups`, the same figures per key (keys ascending,
 * "none" last, as the full report orders them).
 */
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
  const grouping = query.groupBy === 'none' ? null : GROUPINGS[query.groupBy];
  const grouped = grouping ? countsBy(app, grouping, and, params) : null;
  // The whole scope's counts are its groups' summed: only its percentiles need their own (indexed) reads.
  const whole = figuresFrom(app, grouped ? totalOf(grouped) : countsBy(app, WHOLE, and, params), WHOLE, and, params).figuresOf('');
  const groups = grouping && grouped ? figuresFrom(app, grouped, grouping, and, params) : null;
  e.json(200, {
    query,
    ...whole.summary,
    slaBreaches: whole.slaBreaches,
    openNow: whole.openNow,
    firstResponseBins: whole.firstResponseBins,
    backlog: backlogOf(app, and, params, query.from, query.to, METRIC_BUCKETS[query.bucket]),
    groups: groups && groups.keys.map(groups.figuresOf),
  });
}
