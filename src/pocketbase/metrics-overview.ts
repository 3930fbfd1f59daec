import { isSlaOverdue } from '../lib/domain/sla/sla-overdue';
import { METRIC_BUCKETS } from '../lib/schemas/metrics';
import { metricsRoute } from './metrics-request';
import { backlogOf } from './metrics-backlog';
import { negativeShareOf } from './metrics-sentiment';
import { finishedReviews } from './metrics-reviews';
import { binsByKey, binsOf, rowsByKey, spreadOf, type Params } from './metrics-sql';
import { isoDate } from './records';
import { currentApp } from './route-kit';

// The dashboard's figures computed by SQL, so they stay fast on a large history: the headline, and with groupBy the
// same figures per agent, team or channel (plus each key's open load now). What needs message-level timelines
// (handle time, business-hours first response) stays in the full report, /api/pocketdesk/metrics. Each figure
// keeps the cohort of src/lib/domain/metrics/conversation-summary.ts; tests/integration/metrics.test.ts compares them.

/** How one grouping reads: its key column (none for the whole scope), the indexes its scans and percentiles walk. */
interface Grouping {
  column: string | null;
  /** Every possible key, as SQL: with it, an index led by the key column walks each key's rows in key order. */
  keys: string | null;
  createdIndex: string;
  resolvedIndex: string;
  firstResponseIndex: string | null;
  resolutionIndex: string | null;
}

const FIRST_RESPONSE_INDEX = 'idx_conversations_first_response';

const WHOLE: Grouping = {
  column: null,
  keys: null,
  createdIndex: 'idx_conversations_created',
  resolvedIndex: 'idx_conversations_resolved_at',
  firstResponseIndex: FIRST_RESPONSE_INDEX,
  resolutionIndex: 'idx_conversations_resolution',
};
// Only the dashboard's grouping (by agent) has indexes led by its key: GROUP BY assignee over the period indexes
// sorted every row of the period (half the overview's time on 100k). Team and channel reports sort, slower but the same.
// A deleted agent's conversations lose their assignee (PocketBase clears the relation), so agents and '' are every key.
const GROUPINGS: Record<'agent' | 'team' | 'channel', Grouping> = {
  agent: {
    column: 'c.assignee',
    keys: "SELECT id FROM agents UNION ALL SELECT ''",
    createdIndex: 'idx_conversations_agent_created',
    resolvedIndex: 'idx_conversations_agent_resolved',
    firstResponseIndex: 'idx_conversations_agent_first_response',
    resolutionIndex: 'idx_conversations_agent_resolution',
  },
  team: { ...WHOLE, column: 'c.team', firstResponseIndex: null, resolutionIndex: null },
  channel: { ...WHOLE, column: 'c.channel', firstResponseIndex: null, resolutionIndex: null },
};

/**
 * Where each cohort's rows are. `walk` is for the rank indexes, ordered by the duration: a unary + keeps SQLite
 * from turning the period into a skip-scan seek for every distinct duration (EXPLAIN QUERY PLAN: "ANY(…)"), which
 * made the whole scope's percentiles five times slower than walking the index in order.
 */
function cohortsOf(and: (...parts: string[]) => string, walk = false) {
  const plus = walk ? '+' : '';
  return {
    created: and(`${plus}c.created >= {:from}`, `${plus}c.created < {:to}`),
    resolved: and("c.resolved_at != ''", `${plus}c.resolved_at >= {:from}`, `${plus}c.resolved_at < {:to}`),
  };
}

/**
 * Open conversations overdue at `now` per key, by the rule the queue's Overdue chips use (isSlaOverdue): SQL only
 * narrows to the candidates, the domain function decides, so the dashboard and the queue count the same tickets.
 */
function overdueBy(
  app: core.App,
  keySql: string,
  ofKeys: (where: string) => string,
  and: (...parts: string[]) => string,
  params: Params,
  now: number,
): Map<string, { n: number }> {
  const rows = arrayOf(new DynamicModel({ k: '', status: '', due: '', breached: 0 }));
  const candidates = and("c.status != 'resolved'", "(c.sla_breached = 1 OR (c.sla_due_at != '' AND c.sla_due_at < {:overdueAt}))");
  app
    .db()
    .newQuery(`SELECT ${keySql} AS k, c.status AS status, c.sla_due_at AS due, c.sla_breached = 1 AS breached FROM conversations c WHERE ${ofKeys(candidates)}`)
    .bind({ ...params, overdueAt: isoDate(now) } as dbx.Params)
    .all(rows);
  const byKey = new Map<string, { n: number }>();
  for (const row of rows as unknown as Array<Record<string, unknown>>) {
    const due = String(row.due ?? '');
    const slaDueAt = due ? Date.parse(due.replace(' ', 'T')) : NaN;
    if (!isSlaOverdue({ status: String(row.status), slaDueAt: Number.isNaN(slaDueAt) ? null : slaDueAt, slaBreached: Number(row.breached) === 1 }, now))
      continue;
    const key = String(row.k ?? '');
    byKey.set(key, { n: (byKey.get(key)?.n ?? 0) + 1 });
  }
  return byKey;
}

/** The additive figures (counts and sums) per key: a whole scope's are the sum of its groups'. */
function countsBy(app: core.App, grouping: Grouping, and: (...parts: string[]) => string, params: Params, now: number) {
  const keySql = grouping.column ?? "''";
  const ofKeys = (where: string) => (grouping.keys ? `${grouping.column} IN (${grouping.keys}) AND ${where}` : where);
  const groupBy = grouping.column ? ' GROUP BY k' : '';
  const { created, resolved } = cohortsOf(and);
  const ratings = [1, 2, 3, 4, 5].map((r) => `COALESCE(SUM(c.csat_rating = ${r}), 0) AS r${r}`).join(', ');
  return {
    opened: rowsByKey(
      app,
      `SELECT ${keySql} AS k, COUNT(*) AS opened, COALESCE(SUM(c.first_response_ms >= 0), 0) AS answered FROM conversations c INDEXED BY ${grouping.createdIndex} WHERE ${ofKeys(created)}${groupBy}`,
      params,
      { opened: 0, answered: 0 },
    ),
    resolved: rowsByKey(
      app,
      `SELECT ${keySql} AS k, COUNT(*) AS resolved, COALESCE(SUM(c.resolved_by = 'bot'), 0) AS bot, COALESCE(SUM(c.reopen_count = 0 AND c.handover_count = 0), 0) AS fcr, COALESCE(SUM(c.resolution_ms), 0) AS durationSum, COALESCE(SUM(c.agent_replies), 0) AS replies, COALESCE(SUM(c.acknowledged_at != ''), 0) AS ack, ${ratings} FROM conversations c INDEXED BY ${grouping.resolvedIndex} WHERE ${ofKeys(resolved)}${groupBy}`,
      params,
      { resolved: 0, bot: 0, fcr: 0, durationSum: 0, replies: 0, ack: 0, r1: 0, r2: 0, r3: 0, r4: 0, r5: 0 },
    ),
    openNow: rowsByKey(
      app,
      `SELECT ${keySql} AS k, COUNT(*) AS n FROM conversations c INDEXED BY ${grouping.resolvedIndex} WHERE ${ofKeys(and("c.resolved_at = ''"))}${groupBy}`,
      params,
      { n: 0 },
    ),
    overdue: overdueBy(app, keySql, ofKeys, and, params, now),
    // Team and channel bins count on the whole scope's rank index, sorting each bin's rows by key.
    bins: binsByKey(
      app,
      keySql,
      grouping.keys,
      'c.first_response_ms',
      grouping.firstResponseIndex ?? FIRST_RESPONSE_INDEX,
      cohortsOf(and, true).created,
      params,
    ),
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
  for (const list of counts.bins.values())
    bins.set(
      '',
      list.map((n, i) => n + (bins.get('')?.[i] ?? 0)),
    );
  return { opened: fold(counts.opened), resolved: fold(counts.resolved), openNow: fold(counts.openNow), overdue: fold(counts.overdue), bins };
}

/** The figures of each key: its counts, plus its percentiles read from the rank indexes. */
function figuresFrom(app: core.App, counts: Counts, grouping: Grouping, and: (...parts: string[]) => string, params: Params) {
  const { created, resolved } = cohortsOf(and, true);
  // The key first: it leads the rank indexes, so each walk starts at its key's rows.
  const ofKey = (where: string) => (grouping.column ? `${grouping.column} = {:key} AND ${where}` : where);
  const figuresOf = (key: string) => {
    const o = counts.opened.get(key);
    const r = counts.resolved.get(key);
    const done = r?.resolved ?? 0;
    const keyParams = { ...params, key };
    const firstResponse = spreadOf(
      app,
      'c.first_response_ms',
      ofKey(`c.first_response_ms >= 0 AND ${created}`),
      keyParams,
      o?.answered ?? 0,
      grouping.firstResponseIndex,
    );
    const resolution = spreadOf(app, 'c.resolution_ms', ofKey(resolved), keyParams, done, grouping.resolutionIndex);
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
        repliesPerConversation: done ? (r?.replies ?? 0) / done : null,
        csat: { average: rated ? ratingSum / rated : null, count: rated, distribution, acknowledged: r?.ack ?? 0 },
      },
      // Overdue now, as the queue's chips show it (not "breached during the period": a late reply cleared those).
      slaBreaches: counts.overdue.get(key)?.n ?? 0,
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
 * GET /api/pocketdesk/metrics/overview — the headline figures (top level), SLA breaches, first-response bins,
 * the backlog and the period's finished QA reviews, by SQL; with groupBy=agent|team|channel also `groups`, the same
 * figures per key (keys ascending, "none" last, as the full report orders them).
 */
export const handleMetricsOverview = metricsRoute((e, request) => {
  const { query, teamIds } = request;
  const app = currentApp();
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
  const now = Date.now();
  const grouping = query.groupBy === 'none' ? null : GROUPINGS[query.groupBy];
  const grouped = grouping ? countsBy(app, grouping, and, params, now) : null;
  // The whole scope's counts are its groups' summed: only its percentiles need their own (indexed) reads.
  const whole = figuresFrom(app, grouped ? totalOf(grouped) : countsBy(app, WHOLE, and, params, now), WHOLE, and, params).figuresOf('');
  const groups = grouping && grouped ? figuresFrom(app, grouped, grouping, and, params) : null;
  e.json(200, {
    query,
    ...whole.summary,
    slaBreaches: whole.slaBreaches,
    openNow: whole.openNow,
    firstResponseBins: whole.firstResponseBins,
    backlog: backlogOf(app, and, params, query.from, query.to, METRIC_BUCKETS[query.bucket], now),
    negativeShare: negativeShareOf(app, and, params, query.from, query.to, METRIC_BUCKETS[query.bucket], now),
    groups: groups && groups.keys.map(groups.figuresOf),
    reviews: finishedReviews(app, params, teamIds, query.channelId),
  });
});
