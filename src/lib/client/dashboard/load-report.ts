// Fetches what the dashboard shows, in two steps. First paint: one request, the SQL overview (grouped by agent, so
// one agent's figures can be picked out; SLA breaches, open load and the period's QA reviews included). Then, in the background,
// the full report, only for the figures that need message timelines (handle time, business-hours first response).
// Every answer is a handful of figures, never a row per conversation. Online only: the caller keeps the last
// result in memory while the page is open.
import type PocketBase from 'pocketbase';
import { DAY_MS } from '../../domain/hours/civil-date';
import type { MetricBucket } from '../../schemas/metrics';
import type { NegativeSharePoint } from '../../domain/metrics/negative-share';
import { metricsOverviewSchema, metricsReportSchema, type MetricsReport, type ReviewScoreRow } from '../../schemas/metrics-report';
import { openNowByAgent, reportFromOverview } from './overview';

export interface DashboardQuery {
  from: number;
  to: number;
  bucket: MetricBucket;
  channelId: string;
  teamId: string;
  /** Narrows the SLA count and reviews; the figures themselves come grouped by agent either way. */
  agentId: string;
}

export interface DashboardData {
  report: MetricsReport;
  slaBreaches: number;
  reviews: ReviewScoreRow[];
  /** Open conversations per agent now (null: unassigned). */
  openNow: Map<string | null, number>;
  /** Per bucket: conversations whose customer wrote, and those with a negative message (issue #20). */
  negativeShare: NegativeSharePoint[];
}

/**
 * The longest period whose timeline figures the dashboard asks for. The full report reads every message of the
 * period in the hooks VM (about 13 s for 100k conversations over 30 days): a month keeps that a background wait.
 */
export const TIMELINE_MAX_DAYS = 31;

/** Whether the dashboard fetches the timeline figures for this period at all. */
export function coversTimelines(query: Pick<DashboardQuery, 'from' | 'to'>): boolean {
  return query.to - query.from <= TIMELINE_MAX_DAYS * DAY_MS;
}

/** Thrown when an answer does not have the shape the schemas expect (a server from another version). */
export class UnreadableReport extends Error {}

const metricsParams = (query: DashboardQuery) => ({
  from: query.from,
  to: query.to,
  bucket: query.bucket,
  groupBy: 'agent',
  ...(query.channelId ? { channelId: query.channelId } : {}),
  ...(query.teamId ? { teamId: query.teamId } : {}),
});

/** The SQL figures, the SLA breach count and the finished reviews for one query: everything the first paint needs. */
export async function loadDashboard(pb: PocketBase, query: DashboardQuery): Promise<DashboardData> {
  const raw: unknown = await pb.send('/api/pocketdesk/metrics/overview', { requestKey: null, query: metricsParams(query) });
  const overview = metricsOverviewSchema.safeParse(raw);
  if (!overview.success) throw new UnreadableReport('The metrics overview has an unexpected shape.');
  const agentGroup = query.agentId ? overview.data.groups?.find((group) => group.key === query.agentId) : undefined;
  return {
    report: reportFromOverview(overview.data),
    // One agent's breaches are their group's; an agent with nothing in the period has none.
    slaBreaches: query.agentId ? (agentGroup?.slaBreaches ?? 0) : overview.data.slaBreaches,
    reviews: query.agentId ? overview.data.reviews.filter((review) => review.agent === query.agentId) : overview.data.reviews,
    openNow: openNowByAgent(overview.data),
    negativeShare: overview.data.negativeShare ?? [],
  };
}

/** The full report, for the figures only it has; the caller merges them into what is on screen. */
export async function loadTimelineFigures(pb: PocketBase, query: DashboardQuery): Promise<MetricsReport> {
  const raw = await pb.send('/api/pocketdesk/metrics', { requestKey: null, query: { ...metricsParams(query), businessHours: true } });
  const report = metricsReportSchema.safeParse(raw);
  if (!report.success) throw new UnreadableReport('The metrics report has an unexpected shape.');
  return report.data;
}
