// Fetches what the dashboard shows: the server's report (grouped by agent, so one agent's figures can be picked
// out) plus the conversations and QA reviews the report does not cover. Online only: the caller keeps the last
// result in memory while the page is open.
import type PocketBase from 'pocketbase';
import type { MetricBucket } from '../../schemas/metrics';
import { metricsReportSchema, reviewScoreSchema, serviceSampleSchema, type MetricsReport, type ReviewScoreRow, type ServiceSample } from '../../schemas/metrics-report';

export interface DashboardQuery {
  from: number;
  to: number;
  bucket: MetricBucket;
  channelId: string;
  teamId: string;
}

export interface DashboardData {
  report: MetricsReport;
  samples: ServiceSample[];
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

/** The report, conversation samples and finished reviews for one query. */
export async function loadDashboard(pb: PocketBase, query: DashboardQuery): Promise<DashboardData> {
  const scope: string[] = [];
  const params: Record<string, unknown> = { from: new Date(query.from), to: new Date(query.to), channel: query.channelId, team: query.teamId };
  if (query.channelId) scope.push('channel = {:channel}');
  if (query.teamId) scope.push('team = {:team}');
  const where = (...parts: string[]) => pb.filter([...parts, ...scope].join(' && '), params);
  const [raw, samples, reviews] = await Promise.all([
    pb.send('/api/pocketdesk/metrics', {
      requestKey: null,
      query: { from: query.from, to: query.to, bucket: query.bucket, groupBy: 'agent', businessHours: true, ...(query.channelId ? { channelId: query.channelId } : {}), ...(query.teamId ? { teamId: query.teamId } : {}) },
    }),
    pb.collection('conversations').getFullList({ requestKey: null, batch: 500, fields: 'created,first_response_at,sla_breached,assignee', filter: where('created >= {:from}', 'created < {:to}') }),
    // Reviews have a channel only through their conversation.
    pb.collection('qa_reviews').getFullList({
      requestKey: null,
      batch: 500,
      fields: 'agent,percent',
      filter: pb.filter(['status = "done"', 'updated >= {:from}', 'updated < {:to}', ...(query.teamId ? ['team = {:team}'] : []), ...(query.channelId ? ['conversation.channel = {:channel}'] : [])].join(' && '), params),
    }),
  ]);
  const report = metricsReportSchema.safeParse(raw);
  if (!report.success) throw new UnreadableReport('The metrics report has an unexpected shape.');
  return { report: report.data, samples: parseAll(samples, (row) => serviceSampleSchema.safeParse(row)), reviews: parseAll(reviews, (row) => reviewScoreSchema.safeParse(row)) };
}
