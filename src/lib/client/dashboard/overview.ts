// The dashboard paints from the SQL overview first, then the full report adds the figures that need message
// timelines. Both meet here, in the report shape the page and its CSV exports already read.
import type { ConversationSummary } from '../../domain/metrics/conversation-summary';
import type { MetricsOverview, MetricsReport } from '../../schemas/metrics-report';

type SqlSummary = Omit<ConversationSummary, 'handleTime'>;

/** The SQL figures of a summary, without handle time until the full report brings it. */
const summaryOf = (sql: SqlSummary): ConversationSummary => ({
  opened: sql.opened,
  resolved: sql.resolved,
  botResolved: sql.botResolved,
  firstResponse: { medianMs: sql.firstResponse.medianMs, p90Ms: sql.firstResponse.p90Ms, count: sql.firstResponse.count },
  resolution: sql.resolution,
  firstContactResolutionRate: sql.firstContactResolutionRate,
  averageDurationMs: sql.averageDurationMs,
  repliesPerConversation: sql.repliesPerConversation,
  handleTime: [],
  csat: sql.csat,
});

/** The overview as a report: every SQL figure in place, handle time empty and business hours not yet known. */
export function reportFromOverview(overview: MetricsOverview): MetricsReport {
  const groups = overview.groups ?? null;
  return {
    conversations: overview.opened,
    summary: summaryOf(overview),
    groups: groups && groups.map((group) => ({ key: group.key, summary: summaryOf(group.summary) })),
    backlog: overview.backlog,
    businessHours: false,
    firstResponseBins: overview.firstResponseBins,
    groupFirstResponseBins: groups && groups.map((group) => ({ key: group.key, bins: group.firstResponseBins })),
  };
}

/** Takes handle time and business-hours first response from the full report; the SQL figures stay as they are. */
function withTimelineFigures(summary: ConversationSummary, full: ConversationSummary | undefined): ConversationSummary {
  if (!full) return summary;
  const { businessMedianMs, businessP90Ms } = full.firstResponse;
  const business = businessMedianMs === undefined ? {} : { businessMedianMs, businessP90Ms };
  return { ...summary, handleTime: full.handleTime, firstResponse: { ...summary.firstResponse, ...business } };
}

/** The overview's report completed with the full report's timeline figures, overall and per group. */
export function mergeTimelineFigures(report: MetricsReport, full: MetricsReport): MetricsReport {
  const fullGroups = new Map((full.groups ?? []).map((group) => [group.key, group.summary]));
  return {
    ...report,
    businessHours: full.businessHours,
    summary: withTimelineFigures(report.summary, full.summary),
    groups: report.groups && report.groups.map((group) => ({ key: group.key, summary: withTimelineFigures(group.summary, fullGroups.get(group.key)) })),
  };
}

/** Open conversations per agent now, from an overview grouped by agent. */
export function openNowByAgent(overview: MetricsOverview): Map<string | null, number> {
  return new Map((overview.groups ?? []).map((group) => [group.key, group.openNow]));
}
