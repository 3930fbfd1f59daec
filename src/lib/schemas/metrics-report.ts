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

/** The JSON report: headline summary, optional groups, the backlog series. */
export const metricsReportSchema = z.object({
  conversations: z.number(),
  summary: summarySchema,
  groups: z.array(z.object({ key: z.string().nullable(), summary: summarySchema })).nullable(),
  backlog: z.array(z.object({ start: z.number(), end: z.number(), open: z.number() })),
  businessHours: z.boolean(),
});
/** A parsed report; the constraint fails the build if the schema drifts from the domain's summary. */
export type MetricsReport = z.output<typeof metricsReportSchema> & { summary: SatisfiesSummary<z.output<typeof summarySchema>> };
type SatisfiesSummary<T extends ConversationSummary> = T;

// PocketBase writes dates as "2026-11-25 19:10:38.123Z" and an unset one as "".
const pbInstant = z.string().optional().transform((value) => {
  const at = value ? Date.parse(value.replace(' ', 'T')) : NaN;
  return Number.isFinite(at) ? at : null;
});

/** A conversation as the dashboard's response-time histogram and SLA count read it. */
export const serviceSampleSchema = z.object({
  created: pbInstant,
  first_response_at: pbInstant,
  sla_breached: z.boolean().default(false),
  assignee: z.string().default(''),
});
export type ServiceSample = z.output<typeof serviceSampleSchema>;

/** A finished QA review as the dashboard averages it. */
export const reviewScoreSchema = z.object({ agent: z.string(), percent: z.number() });
export type ReviewScoreRow = z.output<typeof reviewScoreSchema>;
