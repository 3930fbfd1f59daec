// What the PWA reads back from GET /api/pocketdesk/metrics and the lists the dashboard adds to it. Only the dashboard
// route loads this, never the first-load path.
import * as z from 'zod/mini';
import type { ConversationSummary } from '../domain/metrics/conversation-summary';

const ms = z.nullable(z.number());

const handleTimeSchema = z.object({
  agentId: z.string(),
  replies: z.number(),
  totalMs: z.number(),
  averageMs: ms,
  businessTotalMs: z.optional(z.number()),
  businessAverageMs: z.optional(ms),
});

const summarySchema = z.object({
  opened: z.number(),
  resolved: z.number(),
  botResolved: z.number(),
  firstResponse: z.object({ medianMs: ms, p90Ms: ms, count: z.number(), businessMedianMs: z.optional(ms), businessP90Ms: z.optional(ms) }),
  resolution: z.object({ medianMs: ms, p90Ms: ms }),
  firstContactResolutionRate: ms,
  averageDurationMs: ms,
  repliesPerConversation: ms,
  handleTime: z.array(handleTimeSchema),
  csat: z.object({
    average: ms,
    count: z.number(),
    distribution: z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number(), 5: z.number() }),
    // Absent in reports from before reactions were counted.
    acknowledged: z._default(z.number(), 0),
  }),
});

const binsSchema = z.array(z.object({ fromMin: z.number(), toMin: z.nullable(z.number()), count: z.number() }));

const backlogSchema = z.array(z.object({ start: z.number(), end: z.number(), open: z.number() }));

/** The JSON report: headline summary, optional groups, the backlog series, first-response histograms. */
export const metricsReportSchema = z.object({
  conversations: z.number(),
  summary: summarySchema,
  groups: z.nullable(z.array(z.object({ key: z.nullable(z.string()), summary: summarySchema }))),
  backlog: backlogSchema,
  businessHours: z.boolean(),
  firstResponseBins: binsSchema,
  groupFirstResponseBins: z.nullable(z.array(z.object({ key: z.nullable(z.string()), bins: binsSchema }))),
});
/** A parsed report; the constraint fails the build if the schema drifts from the domain's summary. */
export type MetricsReport = z.output<typeof metricsReportSchema> & { summary: SatisfiesSummary<z.output<typeof summarySchema>> };
type SatisfiesSummary<T extends ConversationSummary> = T;

/** A finished QA review as the dashboard averages it. */
export const reviewScoreSchema = z.object({ agent: z.string(), percent: z.number() });
export type ReviewScoreRow = z.output<typeof reviewScoreSchema>;

// The SQL overview has every summary figure but handle time, which needs message timelines.
const sqlSummarySchema = z.omit(summarySchema, { handleTime: true });
const sqlExtrasSchema = z.object({ slaBreaches: z.number(), openNow: z.number(), firstResponseBins: binsSchema });

/** GET /api/pocketdesk/metrics/overview: the summary at the top level, its extras, the backlog, optional groups and the period's finished reviews. */
export const metricsOverviewSchema = z.extend(z.merge(sqlSummarySchema, sqlExtrasSchema), {
  backlog: backlogSchema,
  // Issue #20; optional so an older server's answer still reads.
  negativeShare: z.optional(z.array(z.object({ start: z.number(), end: z.number(), conversations: z.number(), negative: z.number() }))),
  groups: z.nullable(z.array(z.extend(sqlExtrasSchema, { key: z.nullable(z.string()), summary: sqlSummarySchema }))),
  reviews: z.array(reviewScoreSchema),
});
export type MetricsOverview = z.output<typeof metricsOverviewSchema>;
