import { describe, expect, it } from 'vitest';
import { summarizeConversations } from '../../domain/metrics/conversation-summary';
import { frtHistogram } from '../../domain/metrics/response-histogram';
import { metricsOverviewSchema, type MetricsReport } from '../../schemas/metrics-report';
import { mergeTimelineFigures, openNowByAgent, reportFromOverview } from './overview';

const empty = summarizeConversations([], { from: 0, to: 1 }, { schedule: null, port: null });
const { handleTime: _, ...sqlEmpty } = empty;
const sql = (opened: number) => ({ ...sqlEmpty, opened, firstResponse: { medianMs: 60_000, p90Ms: 90_000, count: opened } });
const extras = (openNow: number) => ({ slaBreaches: 1, openNow, firstResponseBins: frtHistogram([30_000]) });

const overview = metricsOverviewSchema.parse({
  ...sql(3),
  ...extras(4),
  backlog: [{ start: 0, end: 10, open: 2 }],
  groups: [
    { key: 'ana', summary: sql(2), ...extras(3) },
    { key: null, summary: sql(1), ...extras(1) },
  ],
  reviews: [{ agent: 'ana', percent: 80 }],
});

describe('reportFromOverview', () => {
  it('puts the SQL figures where the report keeps them, handle time empty until the full report', () => {
    const report = reportFromOverview(overview);
    expect(report.summary).toMatchObject({ opened: 3, handleTime: [], firstResponse: { medianMs: 60_000, count: 3 } });
    expect(report.groups?.map((group) => [group.key, group.summary.opened])).toEqual([
      ['ana', 2],
      [null, 1],
    ]);
    expect(report.groupFirstResponseBins?.[0]?.bins[0]?.count).toBe(1);
    expect(report.businessHours).toBe(false);
  });

  it('refuses an overview without its SQL extras', () => {
    expect(metricsOverviewSchema.safeParse({ ...sql(1), backlog: [], groups: null, reviews: [] }).success).toBe(false);
  });

  it('refuses an overview without the period’s reviews (a server from before they moved into it)', () => {
    expect(metricsOverviewSchema.safeParse({ ...sql(1), ...extras(0), backlog: [], groups: null }).success).toBe(false);
    expect(metricsOverviewSchema.safeParse({ ...sql(1), ...extras(0), backlog: [], groups: null, reviews: [] }).success).toBe(true);
  });
});

describe('mergeTimelineFigures', () => {
  const handle = [{ agentId: 'ana', replies: 2, totalMs: 120_000, averageMs: 60_000 }];
  const businessSummary = (opened: number) => ({
    ...empty,
    opened,
    handleTime: handle,
    firstResponse: { medianMs: 1, p90Ms: 2, count: 9, businessMedianMs: 30_000, businessP90Ms: 45_000 },
  });
  const full: MetricsReport = {
    ...reportFromOverview(overview),
    businessHours: true,
    summary: businessSummary(99),
    groups: [{ key: 'ana', summary: businessSummary(98) }],
  };

  it('adds handle time and business-hours first response but keeps the SQL figures', () => {
    const merged = mergeTimelineFigures(reportFromOverview(overview), full);
    expect(merged.businessHours).toBe(true);
    expect(merged.summary).toMatchObject({
      opened: 3,
      handleTime: handle,
      firstResponse: { medianMs: 60_000, count: 3, businessMedianMs: 30_000, businessP90Ms: 45_000 },
    });
    expect(merged.groups?.[0]?.summary).toMatchObject({ opened: 2, handleTime: handle, firstResponse: { businessMedianMs: 30_000 } });
    // A group the full report lacks keeps its SQL figures alone.
    expect(merged.groups?.[1]?.summary).toEqual(reportFromOverview(overview).groups?.[1]?.summary);
  });
});

describe('openNowByAgent', () => {
  it('reads each group’s open conversations now', () => {
    expect([...openNowByAgent(overview)]).toEqual([
      ['ana', 3],
      [null, 1],
    ]);
  });
});
