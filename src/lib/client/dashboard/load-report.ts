// Fetches what the dashboard shows: the server's report (grouped by agent, so one agent's figures can be picked
// out) plus the SLA breach count and QA reviews the report does not cover. Every answer is a handful of figures,
// never a row per conversation. Online only: the caller keeps the last result in memory while the page is open.
import type PocketBase from 'pocketbase';
import type { MetricBucket } from '../../schemas/metrics';
import { metricsReportSchema, reviewScoreSchema, type MetricsReport, type ReviewScoreRow } from '../../schemas/metrics-report';

export interface DashboardQuery {
  from: number;
  to: number;
  bucket: MetricBucket;
  channelId: string;
  teamId: string;
  /** Narrows the SLA count and reviews; the report itself comes grouped by agent either way. */
  agentId: string;
  /** A manager's teams, null for an admin: the SLA count keeps to them as the server's report does. */
  myTeams: readonly string[] | null;
}

export interface DashboardData {
  report: MetricsReport;
  slaBreaches: number;
  reviews: ReviewScoreRow[];
}

/** Thrown when an answer does not have the shape the schemas expect (a server from another version). */
export class UnreadableReport extends Error {}

function parseAll<T>(rows: unknown[], parse: (row: unknown) => { success: true; data: T } | { success: false }): T[] {
  return rows.flatMap((row) => {
    const parsed = parse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The report, the SLA breach count and the finished reviews for one query. */
export async function loadDashboard(pb: PocketBase, query: DashboardQuery): Promise<DashboardData> {
  const scope: string[] = [];
  const params: Record<string, unknown> = { from: new Date(query.from), to: new Date(query.to), channel: query.channelId, team: query.teamId, agent: query.agentId };
  if (query.channelId) scope.push('channel = {:channel}');
  if (query.teamId) scope.push('team = {:team}');
  // The conversations rule also lets a manager see unteamed, unassigned ones; the report leaves those out.
  else if (query.myTeams) {
    query.myTeams.forEach((id, i) => (params[`my${i}`] = id));
    scope.push(query.myTeams.length ? `(${query.myTeams.map((_, i) => `team = {:my${i}}`).join(' || ')})` : 'id = ""');
  }
  if (query.agentId) scope.push('assignee = {:agent}');
  const where = (...parts: string[]) => pb.filter([...parts, ...scope].join(' && '), params);
  const [raw, breached, reviews] = await Promise.all([
    pb.send('/api/pocketdesk/metrics', {
      requestKey: null,
      query: { from: query.from, to: query.to, bucket: query.bucket, groupBy: 'agent', businessHours: true, ...(query.channelId ? { channelId: query.channelId } : {}), ...(query.teamId ? { teamId: query.teamId } : {}) },
    }),
    // One row asked for: only the total matters.
    pb.collection('conversations').getList(1, 1, { requestKey: null, fields: 'id', filter: where('created >= {:from}', 'created < {:to}', 'sla_breached = true') }),
    // Reviews have a channel only through their conversation.
    pb.collection('qa_reviews').getFullList({
      requestKey: null,
      batch: 500,
      fields: 'agent,percent',
      filter: pb.filter(['status = "done"', 'updated >= {:from}', 'updated < {:to}', ...(query.teamId ? ['team = {:team}'] : []), ...(query.agentId ? ['agent = {:agent}'] : []), ...(query.channelId ? ['conversation.channel = {:channel}'] : [])].join(' && '), params),
    }),
  ]);
  const report = metricsReportSchema.safeParse(raw);
  if (!report.success) throw new UnreadableReport('The metrics report has an unexpected shape.');
  return { report: report.data, slaBreaches: breached.totalItems, reviews: parseAll(reviews, (row) => reviewScoreSchema.safeParse(row)) };
}
