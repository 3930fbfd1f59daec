// What the PWA reads back from GET /api/pocketdesk/metrics and the lists the dashboard adds to it. Full zod: only
// the dashboard route loads this, never the first-load path.
import { z } from 'zod';
import type { ConversationSummary } from '../domain/metrics/conversation-summary';

const ms = z.number().nullable();

const handleTimeSchema = z.object({
  agentId: z.string(),
  replies: z.number(),
  totalMs: z.number(),
  averageMs: ms,
  businessTotalMs: z.number().optional(),
  businessAverageMs: ms.optional(),
});

const summarySchema = z.object({
  opened: z.number(),
  resolved: z.number(),
  botResolved: z.number(),
  firstResponse: z.object({ medianMs: ms, p90Ms: ms, count: z.number(), businessMedianMs: ms.optional(), businessP90Ms: ms.optional() }),
  resolution: z.object({ medianMs: ms, p90Ms: ms }),
  firstContactResolutionRate: ms,
  averageDurationMs: ms,
  repliesPerConversation: ms,
  handleTime: z.array(handleTimeSchema),
  csat: z.object({
    average: ms,
    count: z.number(),
    distribution: z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number(), 5: z.number() }),
  }),
});

const binsSchema = z.array(z.object({ fromMin: z.number(), toMin: z.number().nullable(), count: z.number() }));

const backlogSchema = z.array(z.object({ start: z.number(), end: z.number(), open: z.number() }));

/** The JSON report: headline summary, optional groups, the backlog series, first-response histograms. */
export const metricsReportSchema = z.object({
  conversations: z.number(),
  summary: summarySchema,
  groups: z.array(z.object({ key: z.string().nullable(), summary: summarySchema })).nullable(),
  backlog: backlogSchema,
  businessHours: z.boolean(),
  firstResponseBins: binsSchema,
  groupFirstResponseBins: z.array(z.object({ key: z.string().nullable(), bins: binsSchema })).nullable(),
});
/** A parsed report; the constraint fails the build if the schema drifts from the domain's summary. */
export type MetricsReport = z.output<typeof metricsReportSchema> & { summary: SatisfiesSummary<z.output<typeof summarySchema>> };
type SatisfiesSummary<T extends ConversationSummary> = T;

/** A finished QA review as the dashboard averages it. */
export const reviewScoreSchema = z.object({ agent: z.string(), percent: z.number() });
export type ReviewScoreRow = z.output<typeof reviewScoreSchema>;

// The SQL overview has every summary figure but handle time, which needs message timelines.
const sqlSummarySchema = summarySchema.omit({ handleTime: true });
const sqlExtrasSchema = z.object({ slaBreaches: z.number(), openNow: z.number(), firstResponseBins: binsSchema });

/** GET /api/pocketdesk/metrics/overview: the summary at the top level, its extras, the backlog, optional groups and the period's finished reviews. */
export const metricsOverviewSchema = sqlSummarySchema.merge(sqlExtrasSchema).extend({
  backlog: backlogSchema,
  groups: z.array(sqlExtrasSchema.extend({ key: z.string().nullable(), summary: sqlSummarySchema })).nullable(),
  reviews: z.array(reviewScoreSchema),
});
export type MetricsOverview = z.output<typeof metricsOverviewSchema>;
